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
        LinearAlgebra la = Backends.create("auto", Backends.defaultThreads());
        WorkbenchViewModel vm = new WorkbenchViewModel(threads, la);
        WorkbenchView view = new WorkbenchView(vm);
        stage.setTitle("StarNet Workbench");
        stage.setScene(new Scene(view.root(), 1480, 940));
        stage.show();
        vm.loadSource(System.getProperty("starnet.startData", "sample:mnist"));
    }

    @Override
    public void stop() {
        if (threads != null) threads.shutdown();
    }

    /** Opens the window; when no display or GTK is available, says so in one line instead of a stack trace. */
    public static void main(String[] args) {
        try {
            launch(args);
        } catch (RuntimeException | UnsatisfiedLinkError e) {
            starnet.AppLog.error("the window could not open", e);
            System.err.println("error: the workbench window could not open (" + e.getMessage() + "). It needs a graphical display"
                    + " (on Linux: X11 or Wayland with GTK 3). The command line works without one: java -jar starnet.jar help");
            System.exit(1);
        }
    }
}
