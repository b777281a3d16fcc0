package starnet.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import starnet.ui.core.SessionModel;
import starnet.ui.lesson.Lesson;
import starnet.ui.lesson.LessonStep;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The whole lesson, driven as a lecturer does with a clicker (Page Down) in a 1280×720 window: at every step the tab it
 * talks about shows, what it lights up is on screen (inside the window and every scroll pane around it), the chart has
 * every solve, and the step counter is the one its text names.
 */
@ExtendWith(ApplicationExtension.class)
class LessonWalkTest {
    private Workbench wb;
    private SessionModel s;
    private WorkbenchView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        UiFixtures.Opened w = UiFixtures.open(stage, 1280, 720);
        wb = w.workbench();
        s = w.session();
        view = w.view();
        scene = w.scene();
    }

    @AfterEach
    void stop() {
        wb.shutdown();
    }

    @Test
    void everyStepShowsWhatItTalksAboutAndNamesTheStepTheWindowShows(FxRobot robot) throws Exception {
        UiFixtures.waitUntil(s, 60, () -> s.datasetProperty().get() != null && s.history().size() == 1 && s.tasksProperty().get().isEmpty());
        List<LessonStep> steps = Lesson.steps();
        robot.press(KeyCode.CONTROL).type(KeyCode.F1).release(KeyCode.CONTROL);
        for (int i = 0; i < steps.size(); i++) {
            LessonStep step = steps.get(i);
            if (i > 0) robot.type(KeyCode.PAGE_DOWN);
            int expected = step.counter();
            UiFixtures.waitUntil(s, 120, () -> s.tasksProperty().get().isEmpty() && !s.runningProperty().get() && s.steps().size() == expected);
            Thread.sleep(150); // the step's second scroll-into-view runs after the layout that followed its action
            WaitForAsyncUtils.waitForFxEvents();
            String where = "lesson step " + (i + 1) + " (" + step.title() + ")";
            assertTrue(robot.lookup("#lesson-title").queryAs(Label.class).getText().contains(step.title()), where);
            if (step.tab() != null) {
                assertEquals(step.tab().id(), UiFixtures.fx(() -> robot.lookup("#right-tabs").queryAs(TabPane.class).getSelectionModel().getSelectedItem().getId()),
                        where + ": the tab it talks about shows");
            }
            Node lit = UiFixtures.fx(() -> view.lessonPanel().litNode());
            assertEquals(step.targetId(), lit.getId(), where);
            assertTrue(UiFixtures.fx(() -> onScreen(lit)), where + ": " + step.targetId() + " is on screen, at " + UiFixtures.fx(() -> lit.localToScene(lit.getBoundsInLocal())));
            if (expected > 0 && step.action() != null) {
                assertTrue(step.text().matches("(?s).*\\b[Ss]teps? (\\d+ to )?" + expected + "\\b.*"), where + ": its text names step " + expected);
                assertTrue(UiFixtures.fx(() -> view.reconstructions().stepText()).startsWith(expected + " of " + expected), where + ": the window is at step "
                        + expected + ", not " + UiFixtures.fx(() -> view.reconstructions().stepText()));
                assertEquals(expected, (int) UiFixtures.fx(() -> view.loss().trainingPoints()), where + ": the chart has every solve");
            }
            String shot = String.format("lesson-1280x720-step%02d", i + 1);
            UiFixtures.fx(() -> ScreenshotSupport.save(view.root(), shot));
        }
        robot.type(KeyCode.PAGE_DOWN); // Finish
        UiFixtures.waitUntil(s, 60, () -> s.tasksProperty().get().isEmpty() && s.datapointsProperty().get() != 2000);
        assertFalse(robot.lookup("#lesson").query().isVisible(), "the lesson is over");
    }

    /**
     * Whether the node's top part (all of it, or its first 60 pixels when it is taller) lies inside the window and
     * inside every scroll pane that holds it.
     */
    private boolean onScreen(Node node) {
        Bounds b = node.localToScene(node.getLayoutBounds()); // without the outline drawn around it
        double bottom = Math.min(b.getMaxY(), b.getMinY() + 60);
        if (b.getMinX() < -1 || b.getMinY() < -1 || b.getMaxX() > scene.getWidth() + 1 || bottom > scene.getHeight() + 1) return false;
        if (!node.isVisible() || b.getHeight() < 10) return false;
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (!p.isVisible()) return false;
            if (p instanceof ScrollPane sp) {
                Bounds view = sp.localToScene(sp.getLayoutBounds());
                if (b.getMinY() < view.getMinY() - 4 || bottom > view.getMaxY() + 4) return false;
            }
        }
        return true;
    }
}
