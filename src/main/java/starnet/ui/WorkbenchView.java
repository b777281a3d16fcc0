package starnet.ui;

import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import starnet.data.Samples;
import starnet.io.Version;

import java.io.File;

/** Builds the main window's scene graph around a {@link WorkbenchViewModel}; all bindings are made here. */
public final class WorkbenchView {
    private final WorkbenchViewModel vm;
    private final BorderPane root = new BorderPane();
    private final ReconstructionPane reconstructions;
    private final LossChartPane loss;
    private final ResidualPane residuals;
    private final TrainingControls controls;
    private final ResearchPane research;

    public WorkbenchView(WorkbenchViewModel vm) {
        this.vm = vm;
        root.getStylesheets().add(WorkbenchView.class.getResource("workbench.css").toExternalForm());
        root.setId("workbench");
        controls = new TrainingControls(vm);
        ScheduleRibbon ribbon = new ScheduleRibbon(vm);
        VBox top = new VBox(menuBar(), controls, ribbon);
        top.getStyleClass().add("top-bar");
        root.setTop(top);

        TitledPane data = titled("Dataset", new DatasetPane(vm));
        TitledPane arch = titled("Architecture and solver", new ArchitecturePane(vm));
        TitledPane report = titled("Is every system determined?", new ReportView(vm));
        VBox left = new VBox(6, data, arch, report);
        left.getStyleClass().add("side-panel");
        ScrollPane leftScroll = new LiveScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setPrefWidth(390);
        leftScroll.setMinWidth(300);
        leftScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setLeft(leftScroll);

        reconstructions = new ReconstructionPane(vm);
        ScrollPane reconScroll = new LiveScrollPane(reconstructions);
        reconScroll.setFitToWidth(true);
        loss = new LossChartPane(vm);
        residuals = new ResidualPane(vm);
        VBox charts = new VBox(loss, residuals);
        VBox.setVgrow(loss, Priority.ALWAYS);
        ScrollPane chartScroll = new LiveScrollPane(charts);
        chartScroll.setFitToWidth(true);
        chartScroll.setFitToHeight(true);
        research = new ResearchPane(vm);
        ScrollPane researchScroll = new LiveScrollPane(research);
        researchScroll.setFitToWidth(true);
        javafx.scene.control.TabPane right = new javafx.scene.control.TabPane(
                new javafx.scene.control.Tab("Loss and residuals", chartScroll), new javafx.scene.control.Tab("Generate, refine, score", researchScroll));
        right.setTabClosingPolicy(javafx.scene.control.TabPane.TabClosingPolicy.UNAVAILABLE);
        right.setId("right-tabs");
        SplitPane center = new SplitPane(reconScroll, right);
        center.setOrientation(Orientation.HORIZONTAL);
        center.setDividerPositions(0.56);
        VBox work = new VBox(new NoticeBar(vm), center);
        VBox.setVgrow(center, Priority.ALWAYS);
        root.setCenter(work);
        root.setBottom(new StatusBar(vm));

    }

    public Parent root() { return root; }

    /**
     * Computes every control's disabled look once, while the window opens, instead of in the first
     * pulse of the first run (where it cost 40–50 ms of style calculation while the solver starts).
     * Call after the root is in a showing scene; nothing is drawn in between.
     */
    public void prepareDisabledStyles() {
        root.setDisable(true);
        root.applyCss();
        root.setDisable(false);
        root.applyCss();
    }

    private static TitledPane titled(String title, javafx.scene.Node content) {
        TitledPane t = new TitledPane(title, content);
        t.setCollapsible(true);
        return t;
    }

    private MenuBar menuBar() {
        Menu file = new Menu("File");
        for (Samples.Sample s : Samples.ALL) {
            MenuItem m = new MenuItem("Load " + s.title() + " sample");
            m.setOnAction(e -> vm.loadSource(s.source()));
            file.getItems().add(m);
        }
        MenuItem open = new MenuItem("Open session…");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> {
            File f = sessionChooser("Open a session").showOpenDialog(root.getScene().getWindow());
            if (f != null) vm.openSession(f.toPath());
        });
        MenuItem save = new MenuItem("Save session");
        save.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
        save.setOnAction(e -> saveSession(false));
        MenuItem saveAs = new MenuItem("Save session as…");
        saveAs.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+S"));
        saveAs.setOnAction(e -> saveSession(true));
        Menu recentMenu = new Menu("Recent sessions");
        Runnable fillRecent = () -> {
            recentMenu.getItems().clear();
            for (java.nio.file.Path p : vm.recent()) {
                MenuItem m = new MenuItem(p.getFileName() + "   (" + p.getParent() + ")");
                m.setOnAction(ev -> vm.openSession(p));
                recentMenu.getItems().add(m);
            }
            recentMenu.setDisable(vm.recent().isEmpty());
        };
        vm.recent().addListener((javafx.collections.ListChangeListener<java.nio.file.Path>) c -> fillRecent.run());
        fillRecent.run();
        Menu figures = new Menu("Export figure");
        String[][] figs = {{"fig2", "Fig. 2 — targets and reconstructions after each layer"}, {"fig4", "Fig. 4 — progress strip over SL/SW steps"},
                {"fig6", "Fig. 6 — loss per epoch"}, {"grid", "Reconstruction grid (with the current state)"}, {"loss", "Loss per step"}};
        for (String[] f : figs) {
            MenuItem m = new MenuItem(f[1] + "…");
            m.setOnAction(e -> exportFigure(f[0]));
            figures.getItems().add(m);
        }
        MenuItem model = new MenuItem("Export model as NumPy files…");
        model.setOnAction(e -> {
            javafx.stage.DirectoryChooser dc = new javafx.stage.DirectoryChooser();
            dc.setTitle("Folder for the model's .npy files and architecture.json");
            File f = dc.showDialog(root.getScene().getWindow());
            if (f != null) vm.export(WorkbenchViewModel.ExportKind.MODEL, "", f.toPath(), "", 1);
        });
        MenuItem metrics = new MenuItem("Export metrics as CSV…");
        metrics.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setInitialFileName("metrics.csv");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("CSV", "*.csv"));
            File f = fc.showSaveDialog(root.getScene().getWindow());
            if (f != null) vm.export(WorkbenchViewModel.ExportKind.METRICS, "", f.toPath(), "", 1);
        });
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> root.getScene().getWindow().fireEvent(new javafx.stage.WindowEvent(root.getScene().getWindow(), javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
        file.getItems().addAll(new SeparatorMenuItem(), open, recentMenu, save, saveAs, new SeparatorMenuItem(), figures, model, metrics,
                new SeparatorMenuItem(), quit);

        Menu train = new Menu("Train");
        for (TrainCommand c : TrainCommand.values()) {
            MenuItem m = new MenuItem(c.label());
            m.setAccelerator(KeyCombination.keyCombination(c.shortcut()));
            m.setOnAction(e -> vm.run(c));
            m.disableProperty().bind(vm.trainBlockedReasonProperty().isNotEmpty());
            train.getItems().add(m);
        }
        MenuItem pause = new MenuItem("Pause");
        pause.setAccelerator(KeyCombination.keyCombination("Shortcut+P"));
        pause.setOnAction(e -> vm.pause());
        pause.disableProperty().bind(vm.runningProperty().not());
        MenuItem reset = new MenuItem("Reset");
        reset.setAccelerator(KeyCombination.keyCombination("Shortcut+R"));
        reset.setOnAction(e -> vm.reset());
        reset.disableProperty().bind(vm.runningProperty());
        train.getItems().addAll(new SeparatorMenuItem(), pause, reset);

        Menu experiments = new Menu("Experiments");
        String[][] exps = {{"fig6", "Fig. 6 — StarNet vs Adam autoencoder vs PCA"}, {"fig7", "Fig. 7 — SW-first vs SL-first"},
                {"fig8", "Fig. 8 — SW on 100 / 500 / all datapoints (conv)"}, {"refine", "End-to-end refinement after layer-wise training"}};
        for (String[] x : exps) {
            MenuItem m = new MenuItem(x[1] + "…");
            m.setOnAction(e -> runExperiment(x[0]));
            m.disableProperty().bind(vm.runningProperty().or(vm.datasetProperty().isNull()));
            experiments.getItems().add(m);
        }
        Menu help = new Menu("Help");
        MenuItem welcome = new MenuItem("Getting started");
        welcome.setAccelerator(KeyCombination.keyCombination("F1"));
        welcome.setOnAction(e -> message("Getting started", HelpText.WELCOME));
        MenuItem what = new MenuItem("What are SL and SW?");
        what.setOnAction(e -> message("SL and SW", HelpText.SL_SW));
        Menu readme = new Menu("README");
        for (String heading : ReadmeDialog.headings()) {
            MenuItem m = new MenuItem(heading);
            m.setOnAction(e -> ReadmeDialog.show(root.getScene().getWindow(), heading));
            readme.getItems().add(m);
        }
        MenuItem keys = new MenuItem("Keyboard shortcuts");
        keys.setOnAction(e -> message("Keyboard shortcuts", HelpText.shortcuts()));
        MenuItem about = new MenuItem("About StarNet Workbench");
        about.setOnAction(e -> message("About", HelpText.about(Version.get(), vm.linearAlgebra().description())));
        help.getItems().addAll(welcome, what, keys, readme, new SeparatorMenuItem(), about);
        MenuBar bar = new MenuBar(file, train, experiments, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    /** The first-run welcome (the app shows it once; Help → Getting started shows it again). */
    public void showWelcome() {
        message("Welcome to StarNet Workbench", HelpText.WELCOME);
    }

    private void message(String title, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.CLOSE);
        a.initOwner(root.getScene().getWindow());
        a.setTitle(title);
        a.setHeaderText(title);
        a.getDialogPane().setPrefWidth(560);
        a.show();
    }

    /** Runs an experiment on the worker into a chosen folder and shows its figure. */
    private void runExperiment(String name) {
        javafx.stage.DirectoryChooser dc = new javafx.stage.DirectoryChooser();
        dc.setTitle("Folder for the " + name + " figures and CSV");
        File dir = dc.showDialog(root.getScene().getWindow());
        if (dir == null) return;
        vm.withSession("Experiment " + name, s -> {
            java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
            java.io.PrintStream log = new java.io.PrintStream(text, true, java.nio.charset.StandardCharsets.UTF_8);
            try {
                java.nio.file.Path fig = starnet.baseline.Experiments.run(name, s.config(), s.dataset().limit(s.trainer().data().rows()), s.la(),
                        dir.toPath(), 3, log, log);
                return new Object[] {fig, text.toString(java.nio.charset.StandardCharsets.UTF_8)};
            } catch (java.io.IOException e) {
                throw new IllegalStateException("could not write to " + dir + ": " + e.getMessage(), e);
            }
        }, res -> {
            javafx.scene.image.ImageView img = new javafx.scene.image.ImageView(new javafx.scene.image.Image(((java.nio.file.Path) res[0]).toUri().toString()));
            img.setFitWidth(760);
            img.setPreserveRatio(true);
            javafx.scene.control.TextArea t = new javafx.scene.control.TextArea((String) res[1]);
            t.setEditable(false);
            t.setPrefRowCount(5);
            Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
            a.initOwner(root.getScene().getWindow());
            a.setTitle("Experiment " + name);
            a.setHeaderText("Wrote the figures and CSV to " + dir);
            a.getDialogPane().setContent(new VBox(6, img, t));
            a.show();
        });
    }

    private static FileChooser sessionChooser(String title) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("StarNet sessions", "*.starnet"));
        return fc;
    }

    /** Save to the current file, or ask for one (always when {@code ask}). */
    void saveSession(boolean ask) {
        java.nio.file.Path target = vm.sessionPathProperty().get();
        if (ask || target == null) {
            FileChooser fc = sessionChooser("Save the session");
            fc.setInitialFileName("session.starnet");
            File f = fc.showSaveDialog(root.getScene().getWindow());
            if (f == null) return;
            target = f.toPath().toString().endsWith(".starnet") ? f.toPath() : f.toPath().resolveSibling(f.getName() + ".starnet");
        }
        vm.saveSession(target, true);
    }

    private void exportFigure(String name) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export " + name + " (PNG at 2× or SVG)");
        fc.setInitialFileName(name + ".png");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PNG image (2×)", "*.png"), new FileChooser.ExtensionFilter("SVG drawing", "*.svg"));
        File f = fc.showSaveDialog(root.getScene().getWindow());
        if (f == null) return;
        String format = f.getName().toLowerCase().endsWith(".svg") ? "svg" : "png";
        vm.export(WorkbenchViewModel.ExportKind.FIGURE, name, f.toPath(), format, 2);
    }

    ReconstructionPane reconstructions() { return reconstructions; }
    LossChartPane loss() { return loss; }
    ResidualPane residuals() { return residuals; }
    TrainingControls controls() { return controls; }
    ResearchPane research() { return research; }
}
