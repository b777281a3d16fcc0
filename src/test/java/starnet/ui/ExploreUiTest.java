package starnet.ui;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import starnet.model.SystemInspection;
import starnet.session.TaskKind;
import starnet.ui.core.SessionModel;
import starnet.ui.explore.CompareViewModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Explore tab in the real window (TestFX on Monocle): solver inspector, latent map, runs compared, sweeps. */
@ExtendWith(ApplicationExtension.class)
class ExploreUiTest {
    @TempDir Path tmp;
    private Workbench wb;
    private WorkbenchModels m;
    private SessionModel s;
    private WorkbenchView view;

    @Start
    void start(Stage stage) {
        UiFixtures.Opened w = UiFixtures.open(stage, 1480, 940);
        wb = w.workbench();
        m = w.models();
        s = w.session();
        view = w.view();
    }

    @AfterEach
    void stop() {
        wb.shutdown();
    }

    private void waitUntil(Callable<Boolean> condition) throws Exception {
        UiFixtures.waitUntil(s, 90, condition);
    }

    private <T> T fx(Callable<T> c) throws Exception {
        return UiFixtures.fx(c);
    }

    /** The sample with 1,500 items, widths 32,96 and two epochs per layer, set up and idle. */
    private void small() throws Exception {
        waitUntil(() -> s.datasetProperty().get() != null && s.datapointsProperty().get() == 1500 && s.history().size() == 1 && s.tasksProperty().get().isEmpty());
        UiFixtures.smallModel(m, 90);
    }

    private void trainAll(FxRobot robot) throws Exception {
        robot.clickOn("#cmd-train-all");
        waitUntil(() -> s.finishedProperty().get() && !s.runningProperty().get() && s.tasksProperty().get().isEmpty());
    }

    @Test
    void theInspectorAndTheLatentMapFollowTraining(FxRobot robot) throws Exception {
        small();
        fx(() -> {
            view.showExplore(3);
            return null;
        });
        robot.clickOn("#inspect-every-step");
        fx(() -> {
            view.showExplore(2);
            return null;
        });
        robot.clickOn("#map-follow");
        trainAll(robot);
        int steps = s.steps().size();
        assertEquals(8, steps);
        var inspections = s.inspectionsProperty().get();
        assertEquals(steps, inspections.size(), "every step inspected as it was solved");
        for (SystemInspection in : inspections.values()) {
            assertTrue(in.orthogonality() < 1e-8, "step " + in.step().step() + ": " + in.orthogonality());
            assertEquals(in.unknowns(), in.rank());
        }
        assertNotNull(s.latentMapProperty().get(), "the map followed training");
        String source = fx(() -> view.explore().latentMap().sourceText());
        assertTrue(source.startsWith("PCA of the codes h₀ (32-d), after step 8"), source);
        assertTrue(source.contains("1,500 items and 500 held-out items"), source);
        // hover over a point: its thumbnail and label
        double[] p = fx(() -> view.explore().latentMap().pointPosition(0));
        javafx.geometry.Point2D onScreen = fx(() -> robot.lookup("#map-canvas").queryAs(javafx.scene.canvas.Canvas.class).localToScreen(p[0], p[1]));
        robot.moveTo(onScreen);
        waitUntil(() -> view.explore().latentMap().hoverShowing());
        assertTrue(fx(() -> view.explore().latentMap().hoverText()).startsWith("item "), fx(() -> view.explore().latentMap().hoverText()));
        Path map = fx(() -> ScreenshotSupport.save(view.root(), "explore-latent-map"));
        assertTrue(Files.size(map) > 20_000);

        fx(() -> {
            view.showExplore(3);
            robot.lookup("#inspector-table").queryAs(javafx.scene.control.TableView.class).getSelectionModel().select(7);
            return null;
        });
        String facts = fx(() -> view.explore().inspector().factsText());
        assertTrue(facts.startsWith("Step 8: layer 1, SW, epoch 2"), facts);
        assertTrue(facts.contains("the residual is orthogonal to the columns"), facts);
        assertEquals("", fx(() -> view.explore().inspector().alertsText()), "a healthy system raises no alert");
        Path shot = fx(() -> ScreenshotSupport.save(view.root(), "explore-inspector"));
        assertTrue(Files.size(shot) > 20_000);
    }

    @Test
    void aKeptRunAndASavedSessionCompareWithTheWindowsRun(FxRobot robot) throws Exception {
        small();
        trainAll(robot);
        CompareViewModel c = m.explore().compare();
        fx(() -> {
            c.keep("slope 0.5");
            return null;
        });
        waitUntil(() -> c.entries().size() == 2);
        Path saved = tmp.resolve("slope05.starnet");
        s.session().save(saved).get(60, TimeUnit.SECONDS);
        fx(() -> {
            m.architecture().slopeProperty().set(0.2);
            return null;
        });
        waitUntil(() -> s.configProperty().get().architecture().slope() == 0.2 && s.history().size() == 1 && s.tasksProperty().get().isEmpty());
        trainAll(robot);
        fx(() -> {
            c.add(saved);
            return null;
        });
        waitUntil(() -> c.entries().size() == 3 && c.resultProperty().get() != null && c.resultProperty().get().runs().size() == 3
                && c.reconstructionsProperty().get() != null);
        fx(() -> {
            view.showExplore(0);
            return null;
        });
        String text = fx(() -> view.explore().compare().differencesText());
        assertTrue(text.contains("Leaky-ReLU slope α: 0.2  |  0.5  |  0.5"), text);
        assertEquals(4, (int) fx(() -> view.explore().compare().reconstructionRows()), "the pinned items and one row per run");
        var runs = c.resultProperty().get().runs();
        assertEquals(List.of("This session", "slope 0.5", "slope05"), runs.stream().map(r -> r.name()).toList());
        assertEquals(runs.get(1).finalOutputMse(), runs.get(2).finalOutputMse(), 0, "the kept run and the saved file are the same run");
        assertTrue(runs.get(0).finalOutputMse() != runs.get(1).finalOutputMse());
        List<Double> rec = c.reconstructionsProperty().get().stream().map(x -> x == null ? -1.0 : x.rows()).toList();
        assertEquals(List.of(12.0, 12.0, 12.0, 12.0), rec);
        Path shot = fx(() -> ScreenshotSupport.save(view.root(), "explore-compare"));
        assertTrue(Files.size(shot) > 20_000);
    }

    @Test
    void aSweepFromTheWindowFillsItsTableAndWritesItsFolder(FxRobot robot) throws Exception {
        small();
        fx(() -> {
            view.showExplore(1);
            return null;
        });
        fx(() -> {
            m.explore().sweep().firstValuesProperty().set("0.2,1.0");
            return null;
        });
        robot.clickOn("#sweep-run");
        waitUntil(() -> view.explore().sweep().rowCount() == 2 && s.tasksProperty().get().stream().noneMatch(t -> t.kind() == TaskKind.SWEEP));
        Path dir = m.explore().sweep().folderProperty().get();
        assertEquals(3, Files.readAllLines(dir.resolve("sweep.csv")).size());
        assertTrue(Files.size(dir.resolve("sweep.png")) > 5000);
        String msg = robot.lookup("#sweep-message").queryAs(Label.class).getText();
        assertTrue(msg.startsWith("Done: 2 runs."), msg);
        // the same sweep again: everything is in its folder already, nothing trains
        robot.clickOn("#sweep-run");
        waitUntil(() -> robot.lookup("#sweep-message").queryAs(Label.class).getText().startsWith("Done: 2 runs."));
        // a longer sweep, cancelled after its first run, then resumed
        fx(() -> {
            m.explore().sweep().firstValuesProperty().set("0.3,0.4,0.6,0.7,0.8,0.9");
            m.explore().sweep().secondProperty().set(starnet.model.SweepParam.SEED);
            m.explore().sweep().secondValuesProperty().set("0,1,2");
            return null;
        });
        robot.clickOn("#sweep-run");
        waitUntil(() -> view.explore().sweep().rowCount() >= 1);
        robot.clickOn("#sweep-cancel");
        waitUntil(() -> robot.lookup("#sweep-message").queryAs(Label.class).getText().startsWith("Stopped after"));
        Path second = m.explore().sweep().folderProperty().get();
        int kept = Files.readAllLines(second.resolve("sweep.csv")).size() - 1;
        assertTrue(kept >= 1 && kept < 18, "cancelled part-way: " + kept + " runs kept");
        robot.clickOn("#sweep-run");
        assertTrue(robot.lookup("#sweep-message").queryAs(Label.class).getText().startsWith("Resuming: " + kept + " of 18"),
                robot.lookup("#sweep-message").queryAs(Label.class).getText());
        waitUntil(() -> robot.lookup("#sweep-message").queryAs(Label.class).getText().startsWith("Done: 18 runs."));
        assertEquals(19, Files.readAllLines(second.resolve("sweep.csv")).size());
        fx(() -> {
            m.explore().sweep().secondProperty().set(starnet.ui.explore.SweepViewModel.NONE);
            m.explore().sweep().firstValuesProperty().set("0.2,abc");
            return null;
        });
        robot.clickOn("#sweep-run");
        msg = robot.lookup("#sweep-message").queryAs(Label.class).getText();
        assertTrue(msg.startsWith("Cannot sweep: slope = 'abc': expected a number"), msg);
        Path shot = fx(() -> ScreenshotSupport.save(view.root(), "explore-sweep"));
        assertTrue(Files.size(shot) > 20_000);
    }
}
