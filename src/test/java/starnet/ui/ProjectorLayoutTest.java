package starnet.ui;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
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
import starnet.ui.widgets.TileGrid;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The window as a projector shows it, 1280×720: what a lecturer reads is on screen and whole, and presenter mode grows the pictures. */
@ExtendWith(ApplicationExtension.class)
class ProjectorLayoutTest {
    private Workbench wb;
    private WorkbenchModels m;
    private SessionModel s;
    private WorkbenchView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        UiFixtures.Opened w = UiFixtures.open(stage, 1280, 720);
        wb = w.workbench();
        m = w.models();
        s = w.session();
        view = w.view();
        scene = w.scene();
    }

    @AfterEach
    void stop() throws Exception {
        wb.shutdown();
        UiFixtures.fx(() -> {
            starnet.ui.widgets.UiScale.set(1);
            return null;
        });
    }

    @Test
    void theChartsLegendTicksAndReadoutAndPresenterTiles(FxRobot robot) throws Exception {
        UiFixtures.waitUntil(s, 60, () -> s.datasetProperty().get() != null && s.history().size() == 1 && s.tasksProperty().get().isEmpty());
        UiFixtures.smallModel(m, 60);
        robot.clickOn("#cmd-train-all");
        UiFixtures.waitUntil(s, 120, () -> !s.runningProperty().get() && s.history().get(s.history().size() - 1).finished() && s.tasksProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();

        Node legend = robot.lookup("#loss-legend").query();
        assertTrue(UiFixtures.fx(() -> inWindow(legend)), "the legend is on screen at 1280×720");
        List<String> names = UiFixtures.fx(() -> view.loss().legendNames());
        assertEquals("Layer 2", names.get(0));
        assertEquals("Layer 1", names.get(1));
        assertTrue(names.get(2).startsWith("Held-out"), names.toString());
        List<String> ticks = UiFixtures.fx(() -> view.loss().yTickLabels());
        assertTrue(ticks.stream().allMatch(t -> t.matches("10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+|[0-9.]+")), "decades, or 1-2-5 decimals: " + ticks);
        assertTrue(ticks.size() >= 2, ticks.toString());

        // the readout snaps to the nearest point of any curve
        Node chart = robot.lookup("#loss-chart").query();
        Bounds plot = UiFixtures.fx(() -> chart.lookup(".chart-plot-background").localToScreen(chart.lookup(".chart-plot-background").getLayoutBounds()));
        robot.moveTo(new javafx.geometry.Point2D(plot.getMaxX() - 3, plot.getMinY() + plot.getHeight() / 2));
        WaitForAsyncUtils.waitForFxEvents();
        String readout = UiFixtures.fx(() -> view.loss().readout());
        assertTrue(readout.startsWith("Step " + s.steps().size() + " ·"), "the rightmost point is the last solve: " + readout);

        // the step label is whole
        javafx.scene.control.Label step = robot.lookup("#step-label").queryAs(javafx.scene.control.Label.class);
        String full = UiFixtures.fx(step::getText);
        assertTrue(full.contains("(MSE "), full);
        assertFalse(UiFixtures.fx(() -> ((javafx.scene.text.Text) step.lookup(".text")).getText()).endsWith("…"), "not cut");

        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(200);
        WaitForAsyncUtils.waitForFxEvents();
        TileGrid grid = robot.lookup("#recon-grid").queryAs(TileGrid.class);
        assertTrue(UiFixtures.fx(grid::tileSize) >= 64, "presenter mode: tiles of at least 64 px, not " + UiFixtures.fx(grid::tileSize));
        assertFalse(UiFixtures.fx(() -> robot.lookup("#notice-bar").query().isManaged()), "no empty notice band");
        assertTrue(UiFixtures.fx(() -> inWindow(robot.lookup("#status-text").query())), "the status is on screen");
        UiFixtures.fx(() -> ScreenshotSupport.save(view.root(), "presenter-1280x720"));
        robot.type(KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(UiFixtures.fx(() -> robot.lookup("#notice-bar").query().isManaged()), "the band keeps its room outside presenter mode");
    }

    private boolean inWindow(Node n) {
        Bounds b = n.localToScene(n.getLayoutBounds());
        return n.isVisible() && b.getMinX() >= 0 && b.getMinY() >= 0 && b.getMaxX() <= scene.getWidth() && b.getMaxY() <= scene.getHeight() && b.getHeight() > 0;
    }
}
