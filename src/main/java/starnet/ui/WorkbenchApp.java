package starnet.ui;

import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Screen;
import javafx.stage.Stage;
import javafx.util.Duration;
import starnet.model.DataSpec;
import starnet.session.AppLog;
import starnet.session.UserFiles;
import starnet.session.WorkbenchSession;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The JavaFX application: one window on one {@link WorkbenchSession} — the MNIST sample loaded (or the
 * session file given on the command line, or the autosave after a crash), autosave on, and a question
 * before unsaved steps are lost.
 */
public final class WorkbenchApp extends Application {
    /** Seconds between autosaves of unsaved work while idle (training autosaves at every layer and every minute itself). */
    static final int AUTOSAVE_SECONDS = 60;

    private Workbench workbench;

    @Override
    public void start(Stage stage) {
        UserFiles files = UserFiles.inHome();
        Path opened = sessionArgument(getParameters().getRaw());
        boolean mayRecover = files.crashedWithAutosave();
        // nothing to ask and no file to open: the sample loads while the window is built
        DataSpec sample = new DataSpec(System.getProperty("starnet.startData", "sample:mnist"), starnet.model.Split.TRAIN, 0);
        boolean loadAtOnce = opened == null && !mayRecover;
        workbench = new Workbench(null, files, loadAtOnce ? sample : null);
        WorkbenchSession session = workbench.session();
        WorkbenchModels models = workbench.models();
        WorkbenchView view = workbench.view();
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        UserFiles.WindowPlacement placed = files.readPlacement()
                .orElse(new UserFiles.WindowPlacement(screen.getMinX(), screen.getMinY(), 1480, 940, 1))
                .fitTo(screen.getMinX(), screen.getMinY(), screen.getWidth(), screen.getHeight());
        starnet.ui.widgets.UiScale.set(placed.zoom());
        stage.setScene(new Scene(view.root(), placed.width(), placed.height()));
        stage.setX(placed.x());
        stage.setY(placed.y());
        stage.titleProperty().bind(models.files().title());

        boolean recover = mayRecover && askToRecover(files);
        files.markOpen();
        Timeline every = new Timeline(new KeyFrame(Duration.seconds(AUTOSAVE_SECONDS), e -> session.autosaveNow()));
        every.setCycleCount(Animation.INDEFINITE);
        every.play();
        WindowClosing.install(stage, models, view, files);
        stage.show();
        view.prepareDisabledStyles();
        if (recover) models.files().recover(files.autosave());
        else if (opened != null) models.files().open(opened);
        else if (!loadAtOnce) session.load(sample); // the work offered back was declined
        if (files.firstRun()) Platform.runLater(view.menu()::showWelcome);
        if (System.getProperty("starnet.reportLaunch") != null) reportLaunch(models.session());
    }

    /**
     * With {@code -Dstarnet.reportLaunch}: prints, once the window is interactive with its first model drawn (data
     * loaded, the initial state in the grid, no task left), how long after the process started; {@code =exit} then
     * quits. The launch benchmark in the README runs this.
     */
    private static void reportLaunch(starnet.ui.core.SessionModel model) {
        boolean[] done = {false};
        Runnable check = () -> {
            if (done[0] || model.latestProperty().get() == null || !model.tasksProperty().get().isEmpty() || model.datasetProperty().get() == null) return;
            done[0] = true;
            Platform.runLater(() -> { // after the pulse that draws it
                // the wall clock (ms since the epoch) for a script that noted when it started the process; the JVM's uptime
                // misses the JVM's own start, and the operating system's process start time is rounded to the second
                System.out.printf(java.util.Locale.ROOT, "launch: interactive at %d ms since the epoch (JVM uptime %.2f s)%n",
                        System.currentTimeMillis(), java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0);
                if ("exit".equals(System.getProperty("starnet.reportLaunch"))) Platform.exit();
            });
        };
        if ("trace".equals(System.getProperty("starnet.reportLaunch"))) {
            java.util.function.Consumer<String> at = what -> System.out.printf(java.util.Locale.ROOT, "  %.2f s %s%n",
                    java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1000.0, what);
            at.accept("window shown");
            model.datasetProperty().addListener((obs, o, n) -> at.accept("data loaded"));
            model.latestProperty().addListener((obs, o, n) -> at.accept("first model"));
            model.tasksProperty().addListener((obs, o, n) -> at.accept("tasks " + n.stream().map(t -> t.title()).toList()));
        }
        model.tasksProperty().addListener((obs, o, n) -> check.run());
        model.latestProperty().addListener((obs, o, n) -> check.run());
    }

    /** The session file named on the command line, if any. */
    static Path sessionArgument(List<String> args) {
        for (String a : args) {
            if (a.endsWith(".starnet")) {
                Path p = Path.of(a).toAbsolutePath();
                if (Files.isRegularFile(p)) return p;
                AppLog.error("no such session file: " + p, new java.io.FileNotFoundException(p.toString()));
            }
        }
        return null;
    }

    private static boolean askToRecover(UserFiles files) {
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "The workbench did not close normally last time. " + starnet.session.Recovery.describe(files.autosave())
                + "\n\nOpen it?", ButtonType.YES, ButtonType.NO);
        a.setHeaderText("Recover unsaved work?");
        return a.showAndWait().orElse(ButtonType.NO) == ButtonType.YES;
    }

    @Override
    public void stop() {
        if (workbench != null) workbench.shutdown();
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

    /** Opens the window (on the session file among {@code args}, if any); without a display, says so in one line instead of a stack trace. */
    public static void main(String[] args) {
        try {
            configureRendering();
            launch(WorkbenchApp.class, args);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            AppLog.error("the window could not open", e);
            System.err.println("error: the workbench window could not open (" + e.getMessage() + "). It needs a graphical display"
                    + " (on Linux: X11 or Wayland with GTK 3). The command line works without one: java -jar starnet.jar help");
            System.exit(1);
        }
    }
}
