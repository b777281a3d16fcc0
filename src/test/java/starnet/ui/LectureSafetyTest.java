package starnet.ui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.DialogPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.WindowEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import starnet.session.UserFiles;
import starnet.session.WorkbenchSession;
import starnet.ui.core.SessionModel;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A lecture's work cannot be lost, tried as a lecturer does it in the window with its real dialogs: Enter in a discard
 * question keeps the work; Save → Reset → Save → Undo → Quit asks and keeps FILE~; Undo and Redo walk the discards;
 * closing through Save… saves, marks the close normal and remembers the placement; closing during a lesson asks about
 * the work set aside.
 */
@ExtendWith(ApplicationExtension.class)
class LectureSafetyTest {
    @TempDir Path tmp;
    private Workbench wb;
    private WorkbenchModels m;
    private SessionModel s;
    private WorkbenchView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        wb = new Workbench(null, null); // the real discard dialogs
        m = wb.models();
        s = m.session();
        view = wb.view();
        stage.setScene(new Scene(view.root(), 1280, 720));
        stage.titleProperty().bind(m.files().title());
        stage.show();
        m.architecture().limitProperty().set(1500);
    }

    @AfterEach
    void stop() {
        wb.shutdown();
    }

    private void trainSmallModel(FxRobot robot) throws Exception {
        UiFixtures.waitUntil(s, 60, () -> s.datasetProperty().get() != null && s.history().size() == 1 && s.tasksProperty().get().isEmpty());
        UiFixtures.smallModel(m, 60);
        robot.clickOn("#cmd-train-all");
        UiFixtures.waitUntil(s, 120, () -> s.finishedProperty().get() && !s.runningProperty().get() && s.tasksProperty().get().isEmpty());
    }

    private void idle() throws Exception {
        UiFixtures.waitUntil(s, 60, () -> s.tasksProperty().get().isEmpty() && !s.runningProperty().get());
    }

    private static void press(FxRobot robot, KeyCode... keys) {
        robot.press(keys).release(keys);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks the button labelled {@code text} in the dialog {@code dialogId}. */
    private static void answer(FxRobot robot, String dialogId, String text) {
        DialogPane pane = robot.lookup("#" + dialogId).queryAs(DialogPane.class);
        Node button = pane.getButtonTypes().stream().map(pane::lookupButton).filter(b -> ((Button) b).getText().startsWith(text)).findFirst().orElseThrow();
        robot.clickOn(button);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void saveResetSaveUndoQuitKeepsTheTrainedModel(FxRobot robot) throws Exception {
        trainSmallModel(robot);
        int trained = s.steps().size();
        Path file = tmp.resolve("trained.starnet");
        UiFixtures.fx(() -> m.files().save(file)).join();
        idle();
        assertFalse(s.dirtyProperty().get());

        robot.clickOn("#cmd-reset");
        assertTrue(robot.lookup("#discard-dialog").tryQuery().isPresent(), "Reset asks");
        press(robot, KeyCode.ENTER); // problem 8: Enter is Cancel
        idle();
        assertEquals(trained, s.steps().size(), "Enter in the discard question kept the work");

        robot.clickOn("#cmd-reset");
        answer(robot, "discard-dialog", "Discard");
        idle();
        assertEquals(0, s.steps().size());
        assertTrue(UiFixtures.fx(stage::getTitle).contains("unsaved"), "Reset of a saved session is unsaved");

        press(robot, KeyCode.CONTROL, KeyCode.S); // problem 1: saving 0 steps over a file with more asks, Cancel by default
        assertTrue(robot.lookup("#replace-dialog").tryQuery().isPresent(), "saving over a file with more steps asks");
        press(robot, KeyCode.ENTER);
        idle();
        assertEquals(trained, WorkbenchSession.stepsIn(file), "Enter kept the trained file");
        assertFalse(Files.exists(tmp.resolve("trained.starnet~")));

        press(robot, KeyCode.CONTROL, KeyCode.S);
        answer(robot, "replace-dialog", "Replace");
        idle();
        assertEquals(0, WorkbenchSession.stepsIn(file));
        assertEquals(trained, WorkbenchSession.stepsIn(tmp.resolve("trained.starnet~")), "the trained file is kept beside it");

        press(robot, KeyCode.CONTROL, KeyCode.Z); // problem 9: Undo brings the model back, and the title says it is not saved
        idle();
        assertEquals(trained, s.steps().size());
        assertTrue(s.dirtyProperty().get() && UiFixtures.fx(stage::getTitle).contains("unsaved"), "unsaved against what the file holds now");

        press(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.Z); // Redo takes back what Undo replaced
        idle();
        assertEquals(0, s.steps().size(), "Redo: the reset work again");
        press(robot, KeyCode.CONTROL, KeyCode.Z);
        idle();
        assertEquals(trained, s.steps().size(), "and Undo once more: nothing was lost by going back and forth");
    }

    @Test
    void closingAsksSavesMarksANormalCloseAndAsksAboutWorkSetAsideForTheLesson(FxRobot robot) throws Exception {
        trainSmallModel(robot);
        UserFiles files = UserFiles.in(tmp.resolve("home"));
        files.markOpen();
        UiFixtures.fx(() -> {
            WindowClosing.install(stage, m, view, files);
            return null;
        });

        // the lesson sets the (unsaved, untitled) work aside: closing asks about it
        press(robot, KeyCode.CONTROL, KeyCode.F1);
        UiFixtures.waitUntil(s, 60, () -> s.datapointsProperty().get() == 2000 && s.tasksProperty().get().isEmpty());
        javafx.application.Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST))); // its question waits for an answer
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane ask = robot.lookup("#close-dialog").queryAs(DialogPane.class);
        assertTrue(ask.getContentText().contains("set aside for the lesson"), ask.getContentText());
        answer(robot, "close-dialog", "Cancel");
        assertTrue(UiFixtures.fx(stage::isShowing));
        robot.clickOn("#lesson-leave");
        idle();

        Path file = tmp.resolve("lecture.starnet");
        UiFixtures.fx(() -> m.files().save(file)).join();
        idle();
        robot.clickOn("#cmd-reset");
        answer(robot, "discard-dialog", "Discard");
        robot.clickOn("#cmd-step-sl");
        idle();
        assertTrue(s.dirtyProperty().get());
        // problem 7: Save… in the close question saves, then closes normally and remembers the placement
        javafx.application.Platform.runLater(() -> stage.fireEvent(new WindowEvent(stage, WindowEvent.WINDOW_CLOSE_REQUEST))); // its question waits for an answer
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#close-dialog").tryQuery().isPresent(), "unsaved steps: closing asks");
        press(robot, KeyCode.ENTER); // Save… is the default
        answer(robot, "replace-dialog", "Replace"); // the file holds more steps than one SL: asked, and replaced knowingly
        UiFixtures.waitUntil(s, 60, () -> !stage.isShowing());
        assertEquals(1, WorkbenchSession.stepsIn(file));
        assertFalse(files.crashedWithAutosave() || Files.exists(files.marker()), "the close is marked normal");
        assertTrue(files.readPlacement().isPresent(), "and the placement is remembered");
    }
}
