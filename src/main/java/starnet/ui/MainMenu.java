package starnet.ui;

import starnet.ui.core.LastFolders;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.TextArea;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import starnet.session.TrainAction;
import starnet.model.FigureKind;
import starnet.model.FigureOptions;
import starnet.ui.files.FigureExportDialog;
import starnet.ui.widgets.UiScale;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Supplier;

/** The menu bar: File (data, sessions, exports), Edit (undo), Train, Experiments, Help; and the file choosers behind them. */
public final class MainMenu {
    private final WorkbenchModels m;
    private final Supplier<Window> window;
    private final MenuBar bar;
    private Runnable lessonStarter = () -> {};

    MainMenu(WorkbenchModels m, Supplier<Window> window, javafx.beans.property.BooleanProperty presenter) {
        this.m = m;
        this.window = window;
        bar = new MenuBar(fileMenu(), editMenu(), viewMenu(presenter), trainMenu(), experimentsMenu(), helpMenu());
        bar.setUseSystemMenuBar(true);
    }

    MenuBar bar() { return bar; }

    /** What Help → Lesson does (the view sets it once the lesson exists). */
    void setLessonStarter(Runnable r) { lessonStarter = r; }

    private java.util.function.IntConsumer exploreOpener = i -> { };

    /** Opens the Explore tab's sub-tab i (0 compare, 1 sweep, 2 latent map, 3 solver inspector). */
    void setExploreOpener(java.util.function.IntConsumer o) { exploreOpener = o; }

    private Menu fileMenu() {
        Menu file = new Menu("_File");
        file.getItems().addAll(item("New session", "Shortcut+N", () -> m.files().newSession()), new SeparatorMenuItem());
        for (starnet.model.SampleCatalog.Sample s : starnet.model.SampleCatalog.ALL) file.getItems().add(item("Load " + s.title() + " sample", null, () -> m.dataset().load(s.source())));
        MenuItem open = item("Open session…", "Shortcut+O", () -> {
            File f = folders().remember(sessionChooser("Open a session").showOpenDialog(window.get()), LastFolders.Kind.SESSIONS);
            if (f != null) m.files().open(f.toPath());
        });
        Menu recentMenu = new Menu("Recent sessions");
        Runnable fillRecent = () -> {
            recentMenu.getItems().clear();
            for (Path p : m.files().recent()) recentMenu.getItems().add(item(p.getFileName() + "   (" + p.getParent() + ")", null, () -> m.files().open(p)));
            recentMenu.setDisable(m.files().recent().isEmpty());
        };
        m.files().recent().addListener((javafx.collections.ListChangeListener<Path>) c -> fillRecent.run());
        fillRecent.run();
        Menu figures = new Menu("Export figure");
        for (FigureKind k : FigureKind.values()) figures.getItems().add(item(k.title() + "…", null, () -> exportFigure(k)));
        MenuItem model = item("Export model as NumPy files…", null, () -> {
            DirectoryChooser dc = new DirectoryChooser();
            dc.setTitle("Folder for the model's .npy files and architecture.json");
            File f = folders().remember(folders().prepare(dc, LastFolders.Kind.EXPORTS).showDialog(window.get()), LastFolders.Kind.EXPORTS);
            if (f != null) m.files().exportModel(f.toPath());
        });
        MenuItem metrics = item("Export metrics as CSV…", null, () -> {
            FileChooser fc = new FileChooser();
            fc.setInitialFileName("metrics.csv");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            File f = folders().remember(folders().prepare(fc, LastFolders.Kind.EXPORTS).showSaveDialog(window.get()), LastFolders.Kind.EXPORTS);
            if (f != null) m.files().exportMetrics(f.toPath());
        });
        MenuItem quit = item("Quit", "Shortcut+Q", () -> window.get().fireEvent(new javafx.stage.WindowEvent(window.get(), javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        file.getItems().addAll(new SeparatorMenuItem(), open, recentMenu, item("Save session", "Shortcut+S", () -> save(false)),
                item("Save session as…", "Shortcut+Shift+S", () -> save(true)), new SeparatorMenuItem(), figures, model, metrics,
                item("Where this model comes from…", null, this::showProvenance), new SeparatorMenuItem(), quit);
        return file;
    }

    private Menu editMenu() {
        MenuItem undo = item("Undo discard", "Shortcut+Z", () -> m.files().undo());
        undo.setId("menu-undo");
        undo.disableProperty().bind(m.session().undoableProperty().isNull().or(m.session().runningProperty()));
        m.session().undoableProperty().addListener((obs, o, what) -> undo.setText(what == null ? "Undo discard" : "Undo: bring back " + what));
        MenuItem redo = item("Redo", "Shortcut+Shift+Z", () -> m.files().redo());
        redo.setId("menu-redo");
        redo.disableProperty().bind(m.session().redoableProperty().isNull().or(m.session().runningProperty()));
        m.session().redoableProperty().addListener((obs, o, what) -> redo.setText(what == null ? "Redo" : "Redo: bring back " + what));
        return new Menu("_Edit", null, undo, redo);
    }

    private Menu viewMenu(javafx.beans.property.BooleanProperty presenter) {
        MenuItem in = item("Zoom in", null, UiScale::zoomIn);
        in.setAccelerator(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN));
        MenuItem out = item("Zoom out", null, UiScale::zoomOut);
        out.setAccelerator(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN));
        MenuItem actual = item("Actual size (100 %)", null, () -> UiScale.set(1));
        actual.setAccelerator(new javafx.scene.input.KeyCodeCombination(javafx.scene.input.KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN));
        in.disableProperty().bind(UiScale.factor().greaterThanOrEqualTo(UiScale.MAX - 1e-9));
        out.disableProperty().bind(UiScale.factor().lessThanOrEqualTo(UiScale.MIN + 1e-9));
        MenuItem shown = new MenuItem();
        shown.setDisable(true);
        shown.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> "Zoom: " + UiScale.percent(), UiScale.factor()));
        javafx.scene.control.CheckMenuItem present = new javafx.scene.control.CheckMenuItem("Presenter mode");
        present.setAccelerator(KeyCombination.keyCombination("F5"));
        present.selectedProperty().bindBidirectional(presenter);
        present.setId("menu-presenter");
        return new Menu("_View", null, in, out, actual, shown, new SeparatorMenuItem(), present);
    }

    private Menu trainMenu() {
        Menu train = new Menu("_Train");
        for (TrainAction c : TrainAction.values()) {
            MenuItem mi = item(c.label(), c.shortcut(), () -> m.run().run(c));
            mi.disableProperty().bind(m.run().trainBlockedReason().isNotEmpty());
            train.getItems().add(mi);
        }
        MenuItem play = item("Play / Pause   (or Space where no button has the focus)", "Shortcut+Space", () -> m.run().playPause());
        play.disableProperty().bind(m.run().busy().not().and(m.run().trainBlockedReason().isNotEmpty()));
        MenuItem pause = item("Pause", "Shortcut+P", () -> m.run().pause());
        pause.disableProperty().bind(m.run().busy().not());
        MenuItem reset = item("Reset", "Shortcut+R", () -> m.run().reset());
        reset.disableProperty().bind(m.session().runningProperty());
        train.getItems().addAll(new SeparatorMenuItem(), play, pause, reset);
        return train;
    }

    private Menu experimentsMenu() {
        Menu experiments = new Menu("E_xperiments");
        String[][] exps = {{"fig6", "Fig. 6 — StarNet vs Adam autoencoder vs PCA"}, {"fig7", "Fig. 7 — SW-first vs SL-first"},
                {"fig8", "Fig. 8 — SW on 100 / 500 / all datapoints (conv)"}, {"refine", "End-to-end refinement after layer-wise training"}};
        for (String[] x : exps) {
            MenuItem mi = item(x[1] + "…", null, () -> runExperiment(x[0]));
            mi.disableProperty().bind(m.session().runningProperty().or(m.session().datasetProperty().isNull()));
            experiments.getItems().add(mi);
        }
        MenuItem baselines = item("Compare with autoencoder and PCA (kept with the session, shown in fig6)", null, () -> m.research().compareBaselines());
        baselines.setId("menu-baselines");
        baselines.disableProperty().bind(m.session().runningProperty().or(m.session().datasetProperty().isNull()));
        experiments.getItems().addAll(new SeparatorMenuItem(), baselines, new SeparatorMenuItem());
        String[] explore = {"Compare runs", "Sweep a setting", "Latent map", "Solver inspector"};
        for (int i = 0; i < explore.length; i++) {
            int k = i;
            MenuItem mi = item(explore[i], null, () -> exploreOpener.accept(k));
            mi.setId("menu-explore-" + i);
            experiments.getItems().add(mi);
        }
        return experiments;
    }

    private Menu helpMenu() {
        Menu help = new Menu("_Help");
        MenuItem welcome = item("Getting started", "F1", () -> message("Getting started", HelpText.WELCOME));
        MenuItem what = item("What are SL and SW?", null, () -> message("SL and SW", HelpText.SL_SW));
        MenuItem lesson = item("Lesson: StarNet step by step", "Shortcut+F1", () -> lessonStarter.run());
        lesson.setId("menu-lesson");
        Menu docs = new Menu("Documentation");
        docs.setId("menu-docs");
        for (starnet.ui.help.HelpPage page : starnet.ui.help.HelpPage.values()) {
            docs.getItems().add(item(page.title(), null, () -> starnet.ui.help.HelpWindow.show(window.get(), page)));
        }
        MenuItem keys = item("Keyboard shortcuts", null, () -> message("Keyboard shortcuts", HelpText.shortcuts()));
        MenuItem about = item("About StarNet Workbench", null,
                () -> message("About", HelpText.about(starnet.session.Messages.version(), m.session().backendDescription())));
        MenuItem licences = item("Third-party licences", null, () -> TextFileDialog.showText(window.get(), "Third-party licences", "THIRD-PARTY-NOTICES.md"));
        help.getItems().addAll(welcome, lesson, what, keys, docs, new SeparatorMenuItem(), licences, about);
        return help;
    }

    private static MenuItem item(String text, String shortcut, Runnable action) {
        MenuItem mi = new MenuItem(text);
        if (shortcut != null) mi.setAccelerator(KeyCombination.keyCombination(shortcut));
        mi.setOnAction(e -> action.run());
        return mi;
    }

    /** The first-run welcome (the app shows it once; Help → Getting started shows it again). */
    void showWelcome() {
        message("Welcome to StarNet Workbench", HelpText.WELCOME);
    }

    /** The data, engine, backends and precision of the current model, as its files record them. */
    private void showProvenance() {
        m.session().whenDone(m.session().session().provenance(), p -> message("Where this model comes from", String.join("\n", p.lines())));
    }

    private void message(String title, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.CLOSE);
        a.initOwner(window.get());
        a.setTitle(title);
        a.setHeaderText(title);
        a.getDialogPane().setPrefWidth(560);
        a.show();
    }

    /** Runs an experiment in the background into a chosen folder and shows its figure. */
    private void runExperiment(String name) {
        starnet.model.Experiment experiment = starnet.model.Experiment.parse(name);
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Folder for the " + name + " figures and CSV");
        File dir = folders().remember(folders().prepare(dc, LastFolders.Kind.EXPORTS).showDialog(window.get()), LastFolders.Kind.EXPORTS);
        if (dir == null) return;
        m.research().experiment(experiment, dir.toPath(), res -> {
            ImageView img = new ImageView(new Image(res.figure().toUri().toString()));
            img.setFitWidth(760);
            img.setPreserveRatio(true);
            TextArea t = new TextArea(res.log());
            t.setEditable(false);
            t.setPrefRowCount(5);
            Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
            a.initOwner(window.get());
            a.setTitle("Experiment " + name);
            a.setHeaderText("Wrote the figures and CSV to " + dir);
            a.getDialogPane().setContent(new VBox(6, img, t));
            a.show();
        });
    }

    private FileChooser sessionChooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("StarNet sessions", "*.starnet"));
        return folders().prepare(fc, LastFolders.Kind.SESSIONS);
    }

    private LastFolders folders() { return m.session().folders(); }

    /** Saves to the current file, or asks for one (always when {@code ask}); the returned task completes when written. */
    @com.google.errorprone.annotations.CanIgnoreReturnValue // failures are shown by the session; a caller may wait for the file
    java.util.concurrent.CompletableFuture<Path> save(boolean ask) {
        Path target = m.session().fileProperty().get();
        if (ask || target == null) {
            FileChooser fc = sessionChooser("Save the session");
            fc.setInitialFileName("session.starnet");
            File f = folders().remember(fc.showSaveDialog(window.get()), LastFolders.Kind.SESSIONS);
            if (f == null) return java.util.concurrent.CompletableFuture.failedFuture(new java.util.concurrent.CancellationException());
            target = f.toPath().toString().endsWith(".starnet") ? f.toPath() : f.toPath().resolveSibling(f.getName() + ".starnet");
        }
        int inFile = starnet.session.WorkbenchSession.stepsIn(target), now = m.session().steps().size();
        if (inFile > now && !replaceMoreTrained(target, inFile, now)) {
            return java.util.concurrent.CompletableFuture.failedFuture(new java.util.concurrent.CancellationException());
        }
        return m.files().save(target);
    }

    /** Asks before a save replaces a file that holds more trained steps than the work being saved (Cancel is the default). */
    private boolean replaceMoreTrained(Path target, int inFile, int now) {
        ButtonType replace = new ButtonType("Replace, keep the old file as " + target.getFileName() + "~", javafx.scene.control.ButtonBar.ButtonData.OTHER);
        Alert a = new Alert(Alert.AlertType.WARNING, target.getFileName() + " holds " + inFile + " trained step" + (inFile == 1 ? "" : "s")
                + "; the work you are saving has " + now + ".\n\nReplacing it keeps the old file beside it as " + target.getFileName() + "~.",
                replace, ButtonType.CANCEL);
        a.initOwner(window.get());
        a.setTitle("Save");
        a.setHeaderText("Replace a file that holds more training?");
        a.getDialogPane().setId("replace-dialog");
        DialogDefaults.cancelByDefault(a);
        return a.showAndWait().orElse(ButtonType.CANCEL) == replace;
    }

    /** The export dialog, then a file chooser for the chosen format; the file name always ends in the format's extension. */
    private FigureOptions lastFigureOptions = FigureOptions.defaults();

    private void exportFigure(FigureKind kind) {
        FigureExportDialog.ask(window.get(), m.files(), kind, lastFigureOptions).ifPresent(o -> {
            lastFigureOptions = o;
            FileChooser fc = new FileChooser();
            fc.setTitle("Export " + kind.id() + " as " + o.format().id().toUpperCase(java.util.Locale.ROOT));
            fc.setInitialFileName(kind.id() + "." + o.format().id());
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(o.format().id().toUpperCase(java.util.Locale.ROOT), "*." + o.format().id()));
            File f = folders().remember(folders().prepare(fc, LastFolders.Kind.EXPORTS).showSaveDialog(window.get()), LastFolders.Kind.EXPORTS);
            if (f != null) m.files().exportFigure(kind, o, o.format().withExtension(f.toPath()));
        });
    }

}
