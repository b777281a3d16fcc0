package starnet.ui;

import org.testfx.util.WaitForAsyncUtils;
import starnet.ui.core.SessionModel;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

/** What the window tests share: waiting for the session, running on the JavaFX thread, a small model to train. */
final class UiFixtures {
    private UiFixtures() {}

    /** Waits (up to {@code seconds}) until {@code condition} holds on the JavaFX thread; the failure says where the session stands. */
    static void waitUntil(SessionModel s, int seconds, Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition).get());
        } catch (java.util.concurrent.TimeoutException e) {
            String state = WaitForAsyncUtils.asyncFx(() -> "notice: " + s.noticeProperty().get() + "; status: " + s.statusProperty().get()
                    + "; running: " + s.runningProperty().get() + "; history: " + s.history().size() + "; tasks: " + s.tasksProperty().get()).get();
            throw new AssertionError("the condition did not hold within " + seconds + " s (" + state + ")", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** A workbench shown on a stage: its models, its view and its scene. */
    record Opened(Workbench workbench, WorkbenchModels models, SessionModel session, WorkbenchView view, javafx.scene.Scene scene) {}

    /** A workbench (no dialogs, no user folder) in a {@code width} × {@code height} scene on {@code stage}, loading 1,500 items of the sample. */
    static Opened open(javafx.stage.Stage stage, int width, int height) {
        return open(stage, width, height, 1500);
    }

    /** {@link #open(javafx.stage.Stage, int, int)} with {@code items} of the sample (8,000: all of it, as the app preloads it). */
    static Opened open(javafx.stage.Stage stage, int width, int height, int items) {
        Workbench wb = new Workbench((action, steps) -> true, null);
        WorkbenchModels m = wb.models();
        javafx.scene.Scene scene = new javafx.scene.Scene(wb.view().root(), width, height);
        stage.setScene(scene);
        stage.show();
        m.architecture().limitProperty().set(items);
        return new Opened(wb, m, m.session(), wb.view(), scene);
    }

    /** {@code c} on the JavaFX thread, waited for. */
    static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    /** Widths 32,96 and two epochs per layer, set up and idle (the sample must be loaded). */
    static void smallModel(WorkbenchModels m, int seconds) throws Exception {
        SessionModel s = m.session();
        fx(() -> {
            m.architecture().edit(() -> {
                m.architecture().maxEpochsProperty().set(2);
                m.architecture().widths().setAll(32, 96);
            });
            return null;
        });
        waitUntil(s, seconds, () -> s.history().size() == 1 && s.planProperty().get() != null && s.planProperty().get().get(0).inputWidth() == 32
                && s.tasksProperty().get().isEmpty());
    }
}
