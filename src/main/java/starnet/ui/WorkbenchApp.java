package starnet.ui;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;
import starnet.math.Backends;
import starnet.math.LinearAlgebra;

/** The JavaFX application: one window, the MNIST sample loaded, a valid default model ready to step. */
public final class WorkbenchApp extends Application {
    private FxThreads threads;

    @Override
    public void start(Stage stage) {
        threads = new FxThreads();
        LinearAlgebra la = threads.createBackend("auto", Backends.defaultThreads());
        WorkbenchViewModel vm = new WorkbenchViewModel(threads, la);
        WorkbenchView view = new WorkbenchView(vm);
        stage.setScene(new Scene(view.root(), 1480, 940));
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> "StarNet Workbench"
                + (vm.sessionPathProperty().get() == null ? "" : " — " + vm.sessionPathProperty().get().getFileName())
                + (vm.dirtyProperty().get() ? " •" : ""), vm.sessionPathProperty(), vm.dirtyProperty()));

        UserFiles files = UserFiles.inHome();
        vm.recent().setAll(files.readRecent());
        vm.recent().addListener((javafx.collections.ListChangeListener<java.nio.file.Path>) c -> files.writeRecent(vm.recent()));
        boolean recover = files.crashedWithAutosave() && askToRecover(stage, files);
        files.markOpen();
        Runnable autosave = () -> {
            if (vm.dirtyProperty().get() && !vm.runningProperty().get()) vm.saveSession(files.autosave(), false);
        };
        vm.setAutosaveOnLayerDone(() -> vm.saveSession(files.autosave(), false));
        javafx.animation.Timeline every = new javafx.animation.Timeline(new javafx.animation.KeyFrame(javafx.util.Duration.seconds(AUTOSAVE_SECONDS), e -> autosave.run()));
        every.setCycleCount(javafx.animation.Animation.INDEFINITE);
        every.play();
        stage.setOnCloseRequest(e -> {
            if (!confirmClose(stage, vm, view)) {
                e.consume();
                return;
            }
            files.markClosed();
        });
        stage.show();
        view.prepareDisabledStyles();
        if (recover) vm.openSession(files.autosave());
        else vm.loadSource(System.getProperty("starnet.startData", "sample:mnist"));
        if (files.firstRun()) javafx.application.Platform.runLater(view::showWelcome);
    }

    /** Seconds between autosaves of unsaved work (also saved after every trained layer). */
    static final int AUTOSAVE_SECONDS = 120;

    private static boolean askToRecover(Stage owner, UserFiles files) {
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "The workbench did not close normally last time. Open the work it saved automatically ("
                        + files.autosave() + ")?", javafx.scene.control.ButtonType.YES, javafx.scene.control.ButtonType.NO);
        a.setHeaderText("Recover unsaved work?");
        return a.showAndWait().orElse(javafx.scene.control.ButtonType.NO) == javafx.scene.control.ButtonType.YES;
    }

    /** Asks before closing with unsaved steps: Save, Discard or Cancel. True when the window may close. */
    private static boolean confirmClose(Stage owner, WorkbenchViewModel vm, WorkbenchView view) {
        if (!vm.dirtyProperty().get()) return true;
        javafx.scene.control.ButtonType save = new javafx.scene.control.ButtonType("Save…");
        javafx.scene.control.ButtonType discard = new javafx.scene.control.ButtonType("Discard");
        javafx.scene.control.Alert a = new javafx.scene.control.Alert(javafx.scene.control.Alert.AlertType.CONFIRMATION,
                "The training steps since the last save are not saved.", save, discard, javafx.scene.control.ButtonType.CANCEL);
        a.initOwner(owner);
        a.setHeaderText("Save the session before closing?");
        var choice = a.showAndWait().orElse(javafx.scene.control.ButtonType.CANCEL);
        if (choice == discard) return true;
        if (choice == save) {
            view.saveSession(false);
            return false; // closes after the user sees the save succeed (the title loses its •)
        }
        return false;
    }

    @Override
    public void stop() {
        if (threads != null) threads.shutdown();
    }

    /**
     * Rendering settings read once when JavaFX starts; a value given with {@code -D} wins.
     * Up to 12 separately repainted areas per frame instead of 6: a training step changes the grid,
     * the strip, the chart, the histogram, the ribbon and the status bar at once, and with 6 the
     * renderer merged them into a few large rectangles (with software rendering, 40 ms more per step).
     */
    static void configureRendering() {
        if (System.getProperty("prism.dirtyregioncount") == null) System.setProperty("prism.dirtyregioncount", "12");
    }

    /** Opens the window; when no display or GTK is available, says so in one line instead of a stack trace. */
    public static void main(String[] args) {
        try {
            configureRendering();
            launch(args);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            starnet.AppLog.error("the window could not open", e);
            System.err.println("error: the workbench window could not open (" + e.getMessage() + "). It needs a graphical display"
                    + " (on Linux: X11 or Wayland with GTK 3). The command line works without one: java -jar starnet.jar help");
            System.exit(1);
        }
    }
}
