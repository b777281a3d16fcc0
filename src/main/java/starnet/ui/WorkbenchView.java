package starnet.ui;

import javafx.animation.PauseTransition;
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
import javafx.util.Duration;
import org.controlsfx.control.NotificationPane;
import starnet.AppLog;
import starnet.data.Dataset;
import starnet.data.Samples;
import starnet.io.GridFigure;
import starnet.io.Version;
import starnet.math.Matrix;

import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Builds the main window's scene graph around a {@link WorkbenchViewModel}; all bindings are made here. */
public final class WorkbenchView {
    private final WorkbenchViewModel vm;
    private final BorderPane root = new BorderPane();
    private final NotificationPane notifications;
    private final ReconstructionPane reconstructions;
    private final LossChartPane loss;
    private final ResidualPane residuals;
    private final TrainingControls controls;

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
        ScrollPane leftScroll = new ScrollPane(left);
        leftScroll.setFitToWidth(true);
        leftScroll.setPrefWidth(390);
        leftScroll.setMinWidth(300);
        leftScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.setLeft(leftScroll);

        reconstructions = new ReconstructionPane(vm);
        ScrollPane reconScroll = new ScrollPane(reconstructions);
        reconScroll.setFitToWidth(true);
        loss = new LossChartPane(vm);
        residuals = new ResidualPane(vm);
        VBox charts = new VBox(loss, residuals);
        VBox.setVgrow(loss, Priority.ALWAYS);
        ScrollPane chartScroll = new ScrollPane(charts);
        chartScroll.setFitToWidth(true);
        chartScroll.setFitToHeight(true);
        SplitPane center = new SplitPane(reconScroll, chartScroll);
        center.setOrientation(Orientation.HORIZONTAL);
        center.setDividerPositions(0.56);
        notifications = new NotificationPane(center);
        notifications.setId("notifications");
        notifications.setShowFromTop(true);
        notifications.setOnHidden(e -> vm.dismissNotice());
        root.setCenter(notifications);
        root.setBottom(new StatusBar(vm));

        PauseTransition autoHide = new PauseTransition(Duration.seconds(7));
        autoHide.setOnFinished(e -> {
            if (vm.noticeProperty().get() != null && vm.noticeProperty().get().kind() == Notice.Kind.INFO) notifications.hide();
        });
        vm.noticeProperty().addListener((obs, o, n) -> {
            if (n == null) return;
            notifications.getStyleClass().removeAll("notice-error", "notice-info");
            notifications.getStyleClass().add(n.kind() == Notice.Kind.ERROR ? "notice-error" : "notice-info");
            notifications.setText(n.text());
            if (notifications.isShowing()) notifications.hide();
            notifications.show();
            if (n.kind() == Notice.Kind.INFO) autoHide.playFromStart();
        });
    }

    public Parent root() { return root; }

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
        MenuItem export = new MenuItem("Export reconstructions as PNG…");
        export.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+S"));
        export.setOnAction(e -> exportReconstructions());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> root.getScene().getWindow().hide());
        file.getItems().addAll(new SeparatorMenuItem(), export, new SeparatorMenuItem(), quit);

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

        Menu help = new Menu("Help");
        MenuItem what = new MenuItem("What are SL and SW?");
        what.setOnAction(e -> message("SL and SW", HelpText.SL_SW));
        MenuItem keys = new MenuItem("Keyboard shortcuts");
        keys.setOnAction(e -> message("Keyboard shortcuts", HelpText.shortcuts()));
        MenuItem about = new MenuItem("About StarNet Workbench");
        about.setOnAction(e -> message("About", HelpText.about(Version.get(), vm.linearAlgebra().description())));
        help.getItems().addAll(what, keys, new SeparatorMenuItem(), about);
        MenuBar bar = new MenuBar(file, train, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private void message(String title, String text) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, text, ButtonType.CLOSE);
        a.initOwner(root.getScene().getWindow());
        a.setTitle(title);
        a.setHeaderText(title);
        a.getDialogPane().setPrefWidth(560);
        a.show();
    }

    private void exportReconstructions() {
        TrainingSnapshot s = reconstructions.viewed();
        Dataset d = vm.datasetProperty().get();
        if (s == null || d == null) {
            message("Nothing to export", "Load a dataset first; the grid is empty.");
            return;
        }
        FileChooser fc = new FileChooser();
        fc.setTitle("Export reconstructions");
        fc.setInitialFileName("reconstructions.png");
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("PNG image", "*.png"));
        File f = fc.showSaveDialog(root.getScene().getWindow());
        if (f == null) return;
        List<String> titles = new ArrayList<>();
        List<Matrix> rows = new ArrayList<>();
        titles.add("Targets");
        rows.add(d.images().selectRows(vm.pinnedProperty().get()));
        if (!s.finished()) {
            titles.add(s.label());
            rows.add(s.current());
        }
        for (int i = s.afterLayer().size() - 1; i >= 0; i--) {
            if (s.afterLayer().get(i) != null) {
                titles.add("After layer " + (i + 1));
                rows.add(s.afterLayer().get(i));
            }
        }
        try {
            GridFigure.writePng(GridFigure.render(titles, rows, d.channels(), d.height(), d.width(), 3), f.toPath());
        } catch (IOException | RuntimeException ex) {
            AppLog.error("export", ex);
            message("Export failed", "Could not write " + f + ": " + ex.getMessage());
        }
    }

    ReconstructionPane reconstructions() { return reconstructions; }
    LossChartPane loss() { return loss; }
    ResidualPane residuals() { return residuals; }
    TrainingControls controls() { return controls; }
}
