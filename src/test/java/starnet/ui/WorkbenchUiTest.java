package starnet.ui;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import starnet.session.Notice;
import starnet.ui.charts.ResidualPane;
import starnet.ui.core.SessionModel;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window, driven headless through TestFX on Monocle, with the real solver and I/O threads. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchUiTest {
    @TempDir Path tmp;
    private Workbench wb;
    private WorkbenchModels m;
    private SessionModel s;
    private WorkbenchView view;
    /** Every discard question asked: "action:steps"; answered with {@link #allowDiscard}. */
    private final List<String> asked = new ArrayList<>();
    private volatile boolean allowDiscard = true;

    @Start
    void start(Stage stage) {
        wb = new Workbench((action, steps) -> {
            asked.add(action + ":" + steps);
            return allowDiscard;
        }, null);
        m = wb.models();
        s = m.session();
        view = wb.view();
        stage.setScene(new Scene(view.root(), 1480, 940));
        stage.titleProperty().bind(m.files().title());
        stage.show();
        m.architecture().limitProperty().set(1500); // the editor's first valid edit sets up the sample with 1,500 items
    }

    @AfterEach
    void stop() throws Exception {
        wb.shutdown();
        WaitForAsyncUtils.asyncFx(() -> starnet.ui.widgets.UiScale.set(1)).get();
    }

    private void waitUntil(Callable<Boolean> condition) throws Exception {
        UiFixtures.waitUntil(s, 60, condition);
    }

    private <T> T fx(Callable<T> c) throws Exception {
        return UiFixtures.fx(c);
    }

    private void ready() throws Exception {
        waitUntil(() -> s.datasetProperty().get() != null && s.datapointsProperty().get() == 1500 && s.history().size() == 1
                && s.tasksProperty().get().isEmpty());
    }

    @Test
    void aSparkRunsResidualsArriveAsTheirSummaryAndStillNameItsOutliers(FxRobot robot) throws Exception {
        ready();
        robot.interact(() -> m.architecture().engineProperty().set(starnet.model.EngineSpec.spark("local[2]", 0))); // the engine choice box
        waitUntil(() -> s.stateProperty().get().engine().kind() == starnet.model.EngineKind.SPARK && s.tasksProperty().get().isEmpty());
        robot.clickOn("#cmd-step-sl");
        waitUntil(() -> s.steps().size() == 1 && !s.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        starnet.model.StepResult r = s.steps().get(0);
        assertEquals(0, r.residuals().length, "no residual per datapoint came back from the partitions");
        assertEquals(1500, r.spread().count());
        String title = fx(() -> view.residuals().titleText());
        assertTrue(title.startsWith("Residuals after step 1 (layer 2 SL)") && title.contains("summary"), title);
        assertTrue(title.contains(String.format("mean %.4f", r.spread().mean())), title);
        int[] worst = fx(() -> view.residuals().worstItems());
        assertEquals(ResidualPane.GALLERY, worst.length);
        assertEquals(r.spread().worst()[0], worst[0], "the gallery opens with the largest residual");
    }

    @Test
    void stepTrainPauseAndReset(FxRobot robot) throws Exception {
        ready();
        Label summary = robot.lookup(".report-summary").queryAs(Label.class);
        assertTrue(summary.getText().startsWith("✓ Every linear system is determined"), summary.getText());
        assertTrue(robot.lookup(".report-symbol").queryAllAs(Label.class).stream().allMatch(l -> l.getText().equals("✓")));

        robot.clickOn("#cmd-step-sl");
        waitUntil(() -> s.history().size() == 2 && !s.runningProperty().get());
        assertEquals(1, (int) fx(() -> view.loss().trainingPoints()));
        assertEquals(1, (int) fx(() -> view.loss().heldOutPoints()), "and the held-out items' point beside it");
        assertEquals("L2 SL1", fx(() -> view.reconstructions().viewed().label()));

        robot.clickOn("#cmd-step-sw");
        waitUntil(() -> s.history().size() == 3 && !s.runningProperty().get());
        assertEquals(2, (int) fx(() -> view.loss().trainingPoints()));
        assertTrue(fx(() -> view.residuals().worstItems().length) > 0);

        robot.clickOn("#cmd-train-all");
        waitUntil(() -> s.finishedProperty().get() && !s.runningProperty().get());
        assertTrue(s.history().size() > 3);
        assertTrue(robot.lookup("#cmd-train-all").queryAs(Button.class).isDisabled());
        Path shot = fx(() -> ScreenshotSupport.save(view.root(), "trained"));
        assertTrue(Files.size(shot) > 20_000);

        int trained = s.steps().size();
        robot.clickOn("#cmd-reset");
        waitUntil(() -> s.history().size() == 1 && !s.finishedProperty().get());
        assertEquals(List.of("Reset:" + trained), asked, "Reset asked first, saying how many steps it discards");
        assertEquals(0, (int) fx(() -> view.loss().trainingPoints()));

        fx(() -> {
            m.run().delayMillisProperty().set(400);
            return null;
        });
        robot.clickOn("#cmd-train-all");
        waitUntil(() -> s.history().size() >= 2);
        // while running, the editor is locked and drawn greyed, opaque (no offscreen blending per control)
        javafx.scene.Node widthAdd = robot.lookup("#width-add").query();
        assertTrue(widthAdd.isDisabled());
        assertEquals(1.0, widthAdd.getOpacity());
        robot.clickOn("#cmd-pause");
        waitUntil(() -> !s.runningProperty().get());
        assertFalse(fx(widthAdd::isDisabled), "the editor unlocks as soon as the run stops");
        assertFalse(s.finishedProperty().get());
        assertTrue(s.history().size() < 10, "paused after " + s.history().size());
        assertTrue(s.noticeProperty().get().text().startsWith("Paused"));
    }

    @Test
    void resetAfterSaveShowsUnsavedAndUndoBringsTheModelBack(FxRobot robot) throws Exception {
        ready();
        robot.clickOn("#cmd-step-epoch");
        waitUntil(() -> s.steps().size() == 2 && !s.runningProperty().get());
        Path file = tmp.resolve("trained.starnet");
        fx(() -> m.files().save(file));
        waitUntil(() -> !s.dirtyProperty().get() && file.equals(s.fileProperty().get()));
        Stage stage = (Stage) fx(() -> view.root().getScene().getWindow());
        assertEquals("StarNet Workbench — trained.starnet", stage.getTitle());
        var before = s.history().get(s.history().size() - 1);

        allowDiscard = false;
        robot.clickOn("#cmd-reset");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Reset:2"), asked);
        assertEquals(2, s.steps().size(), "declined: nothing discarded");

        allowDiscard = true;
        robot.clickOn("#cmd-reset");
        waitUntil(() -> s.steps().isEmpty() && s.history().size() == 1);
        assertTrue(s.dirtyProperty().get(), "the session no longer matches its file");
        assertTrue(stage.getTitle().endsWith("• unsaved"), stage.getTitle());
        assertTrue(s.undoableProperty().get().contains("2 trained steps"), s.undoableProperty().get());

        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.Z).release(javafx.scene.input.KeyCode.CONTROL);
        waitUntil(() -> s.steps().size() == 2);
        assertEquals(before, s.history().get(s.history().size() - 1), "the same snapshots come back");
        assertEquals(2, (int) fx(() -> view.loss().trainingPoints()), "and the chart with them");
        assertFalse(s.dirtyProperty().get(), "back to what the file holds");
        assertEquals("StarNet Workbench — trained.starnet", stage.getTitle());
    }

    @Test
    void aDeclinedEditAfterTrainingIsPutBackInTheEditor(FxRobot robot) throws Exception {
        ready();
        robot.clickOn("#cmd-step-sl");
        waitUntil(() -> s.steps().size() == 1 && !s.runningProperty().get());
        allowDiscard = false;
        ListView<?> widths = robot.lookup("#widths").queryAs(ListView.class);
        robot.doubleClickOn(robot.from(widths).lookup(".list-cell").nth(0).queryLabeled());
        robot.eraseText(3).write("64").type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of("Changing the configuration:1"), asked);
        waitUntil(() -> List.of(128, 256).equals(List.copyOf(m.architecture().widths())));
        assertEquals("128", robot.from(widths).lookup(".list-cell").nth(0).queryLabeled().getText(), "the list shows the kept width");
        assertEquals(1, s.steps().size(), "the trained step is kept");
        assertEquals(List.of(128, 256), s.configProperty().get().architecture().widths());
    }

    @Test
    void spacePlaysAndPausesAndALayerBoundaryStopsTheRun(FxRobot robot) throws Exception {
        ready();
        Button play = robot.lookup("#cmd-pause").queryAs(Button.class);
        assertEquals("▶ Play", play.getText());
        robot.clickOn("#stop-at-layer");
        robot.type(javafx.scene.input.KeyCode.SPACE); // the box has the focus: Space toggles it, as in every other program
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(fx(() -> m.run().stopAtLayerProperty().get()), "Space pressed the focused box");
        assertFalse(s.runningProperty().get(), "and did not play");
        robot.type(javafx.scene.input.KeyCode.SPACE);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> m.run().stopAtLayerProperty().get()));
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.SPACE).release(javafx.scene.input.KeyCode.CONTROL); // Play's own key
        waitUntil(() -> s.steps().size() == 10 && !s.runningProperty().get());
        assertTrue(fx(() -> m.run().stopAtLayerProperty().get()), "Ctrl+Space played and left the box as it was");
        assertFalse(s.finishedProperty().get());
        assertTrue(s.noticeProperty().get().text().startsWith("Stopped at each layer boundary"), s.noticeProperty().get().text());
        assertEquals("▶ Play", play.getText());

        fx(() -> {
            m.run().delayMillisProperty().set(300);
            view.root().requestFocus(); // no button has the focus: Space plays and pauses
            return null;
        });
        robot.type(javafx.scene.input.KeyCode.SPACE);
        waitUntil(() -> s.runningProperty().get() && s.steps().size() >= 11);
        assertEquals("❚❚ Pause", play.getText());
        robot.type(javafx.scene.input.KeyCode.SPACE);
        waitUntil(() -> !s.runningProperty().get());
        assertTrue(s.steps().size() < 20, "paused after " + s.steps().size());
        assertTrue(s.noticeProperty().get().text().startsWith("Paused"));
        assertEquals(0, starnet.ui.run.RunViewModel.snapDelay(150), "below 0.2 s the delay snaps to none");
        assertEquals(2300, starnet.ui.run.RunViewModel.snapDelay(2349));
        assertEquals(10_000, starnet.ui.run.RunViewModel.snapDelay(10_000));
    }

    @Test
    void theStepSliderMovesEveryViewAlongOneTimeAxis(FxRobot robot) throws Exception {
        ready();
        robot.clickOn("#cmd-train-layer");
        waitUntil(() -> s.steps().size() == 10 && !s.runningProperty().get());
        assertEquals("10 of 10: L2 SW5", fx(() -> view.reconstructions().stepText()).split("  ")[0]);
        assertTrue(Double.isNaN(fx(() -> view.loss().cursorStep())), "no cursor while following live");

        fx(() -> {
            m.cursor().view(3); // what dragging the slider to 3 does
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#follow-live").queryAs(javafx.scene.control.CheckBox.class).isSelected());
        assertEquals(3.0, robot.lookup("#step-slider").queryAs(javafx.scene.control.Slider.class).getValue());
        assertTrue(fx(() -> view.reconstructions().stepText()).startsWith("3 of 10: L2 SL2"), fx(() -> view.reconstructions().stepText()));
        assertTrue(fx(() -> view.residuals().titleText()).startsWith("Residuals after step 3 (layer 2 SL)"), fx(() -> view.residuals().titleText()));
        assertEquals(3.0, fx(() -> view.loss().cursorStep()), "the chart's cursor stands at step 3");
        double[] residualsAt3 = s.steps().get(2).residuals();
        int worst = fx(() -> view.residuals().worstItems()[0]);
        for (double r : residualsAt3) assertTrue(r <= residualsAt3[worst], "the gallery shows step 3's outliers");

        robot.clickOn("#cmd-step-sl");
        waitUntil(() -> s.steps().size() == 11 && !s.runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#follow-live").queryAs(javafx.scene.control.CheckBox.class).isSelected(), "a new run follows live again");
        assertTrue(fx(() -> view.reconstructions().stepText()).startsWith("11 of 11"));
    }

    @Test
    void zoomScalesTypeAndTilesAndPresenterModeSetsTheEditorsAside(FxRobot robot) throws Exception {
        ready();
        Label facts = robot.lookup("#dataset-facts").queryAs(Label.class);
        starnet.ui.widgets.TileGrid preview = robot.lookup("#dataset-preview").queryAs(starnet.ui.widgets.TileGrid.class);
        double font = facts.getFont().getSize(), tile = fx(preview::tileSize);
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.EQUALS).release(javafx.scene.input.KeyCode.CONTROL);
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.EQUALS).release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.25, starnet.ui.widgets.UiScale.factor().get(), 1e-9);
        assertEquals(font * 1.25, facts.getFont().getSize(), 0.2, "labels grow with the zoom");
        assertTrue(fx(preview::tileSize) > tile * 1.1, "and tiles too: " + tile + " → " + fx(preview::tileSize));
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.DIGIT0).release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(font, facts.getFont().getSize(), 0.01);

        robot.type(javafx.scene.input.KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> view.presenterProperty().get()));
        assertEquals(1.5, starnet.ui.widgets.UiScale.factor().get(), 1e-9, "presenter mode draws at 150 %");
        assertTrue(robot.lookup("#dataset-facts").tryQuery().isEmpty() || !robot.lookup("#dataset-facts").query().isVisible()
                || robot.lookup("#dataset-facts").query().getScene() == null, "the editors step aside");
        assertTrue(robot.lookup("#cmd-train-all").query().isVisible());
        robot.type(javafx.scene.input.KeyCode.F5);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(1.0, starnet.ui.widgets.UiScale.factor().get(), 1e-9);
        assertTrue(robot.lookup("#dataset-facts").query().isVisible());
    }

    @Test
    void everyControlIsReachableOnA1280x720Screen(FxRobot robot) throws Exception {
        ready();
        Stage stage = (Stage) fx(() -> view.root().getScene().getWindow());
        fx(() -> {
            stage.setWidth(1280);
            stage.setHeight(720);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        double w = view.root().getScene().getWidth(), h = view.root().getScene().getHeight();
        for (String id : List.of("#cmd-step-sl", "#cmd-train-all", "#cmd-pause", "#cmd-reset", "#delay", "#stop-at-layer", "#status-text",
                "#step-slider", "#follow-live", "#loss-metric", "#right-tabs")) {
            javafx.scene.Node n = robot.lookup(id).query();
            javafx.geometry.Bounds b = n.localToScene(n.getLayoutBounds());
            assertTrue(b.getMinX() >= 0 && b.getMaxX() <= w + 0.5 && b.getMinY() >= 0 && b.getMaxY() <= h + 0.5,
                    id + " lies outside the 1280×720 window: " + b);
        }
        javafx.scene.control.CheckBox live = robot.lookup("#follow-live").queryAs(javafx.scene.control.CheckBox.class);
        assertFalse(live.getText().isEmpty());
        assertTrue(live.getWidth() >= live.prefWidth(-1) - 0.5, "\"Follow live\" is not cut");
    }

    @Test
    void aRememberedPlacementIsBroughtBackOntoTheScreen() {
        var p = new starnet.session.UserFiles.WindowPlacement(1500, 900, 1480, 940, 1.25).fitTo(0, 0, 1280, 720);
        assertEquals(new starnet.session.UserFiles.WindowPlacement(0, 0, 1280, 720, 1.25), p);
        var q = new starnet.session.UserFiles.WindowPlacement(100, 50, 900, 600, 1).fitTo(0, 0, 1920, 1080);
        assertEquals(new starnet.session.UserFiles.WindowPlacement(100, 50, 900, 600, 1), q, "a placement that fits stays");
    }

    @Test
    void theNowSolvingPanelCountsTheSystemsOfEachSolve(FxRobot robot) throws Exception {
        ready();
        robot.clickOn("Now solving");
        var f = fx(() -> m.solving().focusProperty().get());
        assertEquals(starnet.model.Phase.SL, f.shape().phase());
        assertEquals(2, f.shape().layer());
        assertEquals(List.of(1500L, 784L, 256L), List.of(f.shape().systems(), f.shape().equations(), f.shape().unknowns()), "SL: N systems of d_out in d_in");
        assertTrue(fx(() -> view.solving().headlineText()).startsWith("Next: step 1 — layer 2: solve the latents"), fx(() -> view.solving().headlineText()));
        assertTrue(fx(() -> view.solving().countsText()).startsWith("Will solve 1,500 systems of 784 equations in 256 unknowns"));
        robot.clickOn("#cmd-step-sl");
        waitUntil(() -> s.steps().size() == 1 && !s.runningProperty().get());
        f = fx(() -> m.solving().focusProperty().get());
        assertEquals(List.of(784L, 1500L, 257L), List.of(f.shape().systems(), f.shape().equations(), f.shape().unknowns()), "SW: one system per weight row, N equations in d_in + 1");
        assertEquals(1, f.step().step() + 1, "with the numbers of the last solve");
        Path shot = fx(() -> ScreenshotSupport.save(view.root(), "now-solving-sw"));
        assertTrue(Files.size(shot) > 20_000);

        fx(() -> {
            m.architecture().applyPreset(starnet.model.Presets.find("mnist-conv"));
            return null;
        });
        waitUntil(() -> s.configProperty().get().architecture().isConv() && s.history().size() == 1 && s.tasksProperty().get().isEmpty());
        f = fx(() -> m.solving().focusProperty().get());
        assertEquals(List.of(1500L, 784L, 392L), List.of(f.shape().systems(), f.shape().equations(), f.shape().unknowns()), "conv SL: the operator's size");
        assertEquals("Theorem 3", f.shape().theorem());
        robot.clickOn("#cmd-step-sl");
        waitUntil(() -> s.steps().size() == 1 && !s.runningProperty().get());
        f = fx(() -> m.solving().focusProperty().get());
        assertEquals(List.of(4L, 1500L * 14 * 14, 99L), List.of(f.shape().systems(), f.shape().equations(), f.shape().unknowns()),
                "conv SW: one system per kernel, N × positions equations in k²·c_in + 1");
        fx(() -> {
            m.cursor().view(0); // looking back at Init shows the first solve to come
            return null;
        });
        assertEquals(starnet.model.Phase.SL, fx(() -> m.solving().focusProperty().get()).shape().phase());
    }

    @Test
    void theLessonAdvancesLightsUpWhatItTalksAboutAndCanBeLeft(FxRobot robot) throws Exception {
        ready();
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.F1).release(javafx.scene.input.KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#lesson").query().isVisible());
        assertEquals("Lesson — A decoder", robot.lookup("#lesson-title").queryAs(Label.class).getText());
        assertEquals("now-solving", fx(() -> view.lessonPanel().litNode().getId()));
        assertEquals("Now solving", fx(() -> robot.lookup("#right-tabs").queryAs(javafx.scene.control.TabPane.class).getSelectionModel().getSelectedItem().getText()),
                "the step brings its panel into view");
        waitUntil(() -> s.datapointsProperty().get() == 2000 && s.history().size() == 1 && s.tasksProperty().get().isEmpty());
        robot.clickOn("#lesson-next");
        assertEquals("report", fx(() -> view.lessonPanel().litNode().getId()));
        robot.clickOn("#lesson-next");
        waitUntil(() -> s.steps().size() == 1 && !s.runningProperty().get());
        assertTrue(robot.lookup("#lesson-title").queryAs(Label.class).getText().contains("One SL"));
        assertEquals(starnet.model.Phase.SL, s.steps().get(0).phase(), "the step ran its solve");
        robot.clickOn("#lesson-back");
        assertTrue(robot.lookup("#lesson-title").queryAs(Label.class).getText().contains("determined"));
        assertEquals(1, s.steps().size(), "going back undoes nothing");
        robot.clickOn("#lesson-leave");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#lesson").query().isVisible());
        assertTrue(robot.lookup(".lesson-target").queryAll().isEmpty() && robot.lookup(".lesson-target-control").queryAll().isEmpty()
                && robot.lookup(".lesson-target-drawing").queryAll().isEmpty(), "nothing stays lit");
        Path shot = fx(() -> ScreenshotSupport.save(view.root(), "lesson-left"));
        assertTrue(Files.exists(shot));
    }

    @Test
    void theLessonSetsTheWorkAsideAndAClickerRunsIt(FxRobot robot) throws Exception {
        ready();
        robot.clickOn("#cmd-step-sl");
        waitUntil(() -> s.steps().size() == 1 && !s.runningProperty().get());
        robot.clickOn("#cmd-step-sw");
        waitUntil(() -> s.steps().size() == 2 && !s.runningProperty().get());
        var before = s.configProperty().get();
        var stepsBefore = List.copyOf(s.steps());
        robot.press(javafx.scene.input.KeyCode.CONTROL).type(javafx.scene.input.KeyCode.F1).release(javafx.scene.input.KeyCode.CONTROL);
        waitUntil(() -> s.datapointsProperty().get() == 2000 && s.steps().isEmpty() && s.tasksProperty().get().isEmpty());
        assertFalse(robot.lookup("#discard-dialog").tryQuery().isPresent(), "starting the lesson discards nothing, so it asks nothing");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("lesson-next", fx(() -> view.root().getScene().getFocusOwner().getId()), "the lesson opens with Next focused");
        robot.type(javafx.scene.input.KeyCode.PAGE_DOWN); // a presentation clicker's "next"
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#lesson-title").queryAs(Label.class).getText().contains("determined"));
        robot.type(javafx.scene.input.KeyCode.SPACE); // Next has the focus: Space presses it, it does not play
        waitUntil(() -> s.steps().size() == 1 && !s.runningProperty().get());
        assertTrue(robot.lookup("#lesson-title").queryAs(Label.class).getText().contains("One SL"));
        Thread.sleep(300);
        assertEquals(1, s.steps().size(), "one SL, not Train all");
        robot.type(javafx.scene.input.KeyCode.PAGE_UP);
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#lesson-title").queryAs(Label.class).getText().contains("determined"));
        robot.clickOn("#lesson-leave");
        waitUntil(() -> s.steps().size() == 2 && s.datapointsProperty().get() == 1500 && s.tasksProperty().get().isEmpty());
        assertEquals(before, s.configProperty().get(), "the work set aside comes back: its configuration");
        assertEquals(stepsBefore, List.copyOf(s.steps()), "and its trained steps, exactly");
    }

    @Test
    void viewModelStateChangesOnlyOnTheFxThread() throws Exception {
        ready();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> m.run().reset());
        assertTrue(e.getMessage().contains("off the JavaFX thread"), e.getMessage());
        assertThrows(IllegalStateException.class, () -> s.apply(s.session().state()));
        assertThrows(IllegalStateException.class, () -> m.architecture().edit(() -> {}));
    }

    @Test
    void scrollPanesRepaintOnlyWhatChanged(FxRobot robot) throws Exception {
        ready();
        var viewports = robot.lookup(".scroll-pane > .viewport").queryAll();
        assertTrue(viewports.size() >= 3, "viewports: " + viewports.size());
        for (var v : viewports) assertFalse(v.isCache(), "a scroll pane caches its whole content as one bitmap");
    }

    @Test
    void theConvPresetFromTheComboTrains(FxRobot robot) throws Exception {
        ready();
        fx(() -> {
            m.architecture().maxEpochsProperty().set(2);
            return null;
        });
        robot.clickOn("#presets");
        robot.clickOn(starnet.model.Presets.find("mnist-conv").title());
        waitUntil(() -> s.configProperty().get().architecture().isConv() && s.reportProperty().get() != null
                && s.reportProperty().get().text().contains("smallest singular value") && s.history().size() == 1);
        assertTrue(robot.lookup("#conv-kernels").queryAs(javafx.scene.control.TextField.class).isVisible());
        assertFalse(robot.lookup("#widths").queryAs(ListView.class).getParent().isVisible(), "the widths editor hides for conv");
        assertTrue(robot.lookup("#decoder-shape").queryAs(Label.class).getText().contains("6×7×7 → 2×14×14"));
        fx(() -> {
            view.showTab("tab-generate");
            return null;
        });
        assertTrue(robot.lookup("#refine").queryAs(Button.class).isDisabled());
        fx(() -> {
            view.showTab("tab-loss");
            return null;
        });
        robot.clickOn("#cmd-train-all");
        waitUntil(() -> s.finishedProperty().get() && !s.runningProperty().get());
        assertEquals(8, s.steps().size());
        assertTrue(s.steps().get(7).outputMse() < 0.05);
        assertTrue(robot.lookup("#refine").queryAs(Button.class).isDisabled(), "refinement does not apply to a conv model");
        assertTrue(fx(() -> m.research().refineBlockedReason().get()).contains("feedforward"));
        Path shot = fx(() -> ScreenshotSupport.save(view.root(), "conv-trained"));
        assertTrue(Files.size(shot) > 20_000);
    }

    @Test
    void generateRefineScoreAndThePcaBound(FxRobot robot) throws Exception {
        ready();
        UiFixtures.smallModel(m, 60);
        robot.clickOn("#cmd-train-all");
        waitUntil(() -> s.finishedProperty().get() && !s.runningProperty().get());
        robot.clickOn("#pca-bound");
        waitUntil(() -> s.pcaProperty().get() != null);
        assertTrue(fx(() -> view.loss().points()) >= 8 + 4, "PCA lines added");
        fx(() -> {
            view.showTab("tab-generate");
            return null;
        });
        robot.clickOn("#gen-sample");
        waitUntil(() -> view.research().sampledCount() == 12);
        assertTrue(fx(() -> view.research().sampleSourceText()).startsWith("Samples come from one Gaussian per class (10 classes)"),
                "the tab says where samples come from: " + fx(() -> view.research().sampleSourceText()));
        robot.clickOn("#ood-score");
        waitUntil(() -> view.research().resultText().startsWith("AUROC"));
        double auc = Double.parseDouble(fx(() -> view.research().resultText()).substring(6, 12));
        assertTrue(auc > 0.8, view.research().resultText());
        int before = s.history().size();
        robot.clickOn("#refine");
        waitUntil(() -> view.research().resultText().startsWith("Refinement") && s.history().size() == before + 1);
        assertEquals("Refined", s.latestProperty().get().label());
        Path shot = fx(() -> ScreenshotSupport.save(view.root(), "generate-refine-score"));
        assertTrue(Files.size(shot) > 20_000);
    }

    @Test
    void anInvalidWidthShowsTheCrossAndDisablesTraining(FxRobot robot) throws Exception {
        ready();
        ListView<?> widths = robot.lookup("#widths").queryAs(ListView.class);
        robot.doubleClickOn(robot.from(widths).lookup(".list-cell").nth(0).queryLabeled());
        robot.eraseText(3).write("512").type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> s.reportProperty().get() != null && s.reportProperty().get().hasErrors());
        assertTrue(robot.lookup(".report-symbol").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().equals("✗")));
        assertTrue(robot.lookup("#cmd-step-sl").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#cmd-train-all").queryAs(Button.class).isDisabled());
        Path shot = fx(() -> ScreenshotSupport.save(view.root(), "not-determined"));
        assertTrue(Files.exists(shot));
    }

    @Test
    void aBrokenFileShowsAnErrorAndKeepsTheDataset(FxRobot robot) throws Exception {
        ready();
        Path bad = Files.createTempFile(tmp, "broken", ".npy");
        Files.writeString(bad, "this is not numpy");
        fx(() -> {
            m.dataset().load(bad.toString());
            return null;
        });
        waitUntil(() -> s.noticeProperty().get() != null && s.noticeProperty().get().kind() == Notice.Kind.ERROR);
        assertTrue(s.noticeProperty().get().text().contains("not a .npy file"), s.noticeProperty().get().text());
        assertTrue(s.datasetProperty().get().name().startsWith("MNIST"));
        assertTrue(robot.lookup("#dataset-facts").queryAs(Label.class).getText().startsWith("MNIST"));
    }

    @Test
    void theCsvLayoutDialogReloadsTheTableWithItsLabelShapeAndScale(FxRobot robot) throws Exception {
        ready();
        StringBuilder sb = new StringBuilder();
        java.util.Random r = new java.util.Random(5);
        for (int i = 0; i < 30; i++) {
            for (int j = 0; j < 64; j++) sb.append(r.nextInt(17)).append(',');
            sb.append(i % 10).append('\n');
        }
        Path csv = tmp.resolve("optdigits.csv");
        Files.writeString(csv, sb.toString());
        assertFalse(robot.lookup("#csv-layout").query().isVisible(), "the CSV layout button shows only for CSV data");
        fx(() -> {
            m.dataset().load(csv.toString());
            return null;
        });
        waitUntil(() -> s.datasetProperty().get().source().equals(csv.toString()) && s.tasksProperty().get().isEmpty());
        assertEquals(8, s.datasetProperty().get().height(), "guessed: the first column taken for the label, 64 pixels left");
        robot.clickOn("#csv-layout");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#csv-label").clickOn("the last column");
        robot.doubleClickOn("#csv-max").eraseText(4).write("lots");
        robot.clickOn("OK");
        WaitForAsyncUtils.waitForFxEvents();
        String error = robot.lookup("#csv-error").queryAs(Label.class).getText();
        assertTrue(error.startsWith("Full intensity: expected auto or the value of full intensity"), error);
        robot.doubleClickOn("#csv-max").eraseText(4).write("16"); // the dialog stayed open with what was typed
        robot.doubleClickOn("#csv-shape").eraseText(4).write("8x8");
        robot.clickOn("OK");
        waitUntil(() -> s.configProperty().get().data().csv().maxValue() == 16 && s.tasksProperty().get().isEmpty());
        var d = s.datasetProperty().get();
        assertEquals("9", d.labelText(9), "the last column is the label");
        assertEquals(8, d.height());
        assertEquals(64, d.pixels());
        int first = Integer.parseInt(Files.readAllLines(csv).get(0).split(",")[0]);
        assertEquals(first / 16.0, d.images().get(0, 0), 1e-12, "divided by the full intensity 16");
        String facts = robot.lookup("#dataset-facts").queryAs(Label.class).getText();
        assertTrue(facts.contains("label column: last") && facts.contains("full intensity: 16"), facts);
        Path shot = fx(() -> ScreenshotSupport.save(view.root(), "csv-layout"));
        assertTrue(Files.exists(shot));
    }

    @Test
    void theFigureDialogPreviewsAndTheExportFollowsTheChosenFormat(FxRobot robot) throws Exception {
        ready();
        robot.clickOn("#cmd-step-epoch");
        waitUntil(() -> s.steps().size() == 2 && !s.runningProperty().get());
        var result = new java.util.concurrent.atomic.AtomicReference<java.util.Optional<starnet.model.FigureOptions>>();
        javafx.application.Platform.runLater(() -> result.set(starnet.ui.files.FigureExportDialog.ask(view.root().getScene().getWindow(), m.files(),
                starnet.model.FigureKind.LOSS, starnet.model.FigureOptions.defaults())));
        waitUntil(() -> robot.lookup("#figure-preview").tryQuery().isPresent()
                && ((javafx.scene.image.ImageView) robot.lookup("#figure-preview").query()).getImage() != null);
        double pngWidth = fx(() -> ((javafx.scene.image.ImageView) robot.lookup("#figure-preview").query()).getImage().getWidth());
        assertEquals(starnet.model.FigureSize.WIDE.width(), pngWidth, 0.5, "the preview is the figure at 1×");
        robot.clickOn("#format-pdf");
        robot.clickOn("#figure-caption");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(robot.lookup("#figure-scale").query().isDisabled(), "no PNG scale for a PDF");
        Path shot = fx(() -> ScreenshotSupport.save(robot.lookup("#figure-export-dialog").query(), "figure-export-dialog"));
        assertTrue(Files.exists(shot));
        robot.clickOn("Choose file…");
        waitUntil(() -> result.get() != null);
        var o = result.get().orElseThrow();
        assertEquals(starnet.model.FigureFormat.PDF, o.format());
        assertTrue(o.caption());
        Path target = o.format().withExtension(tmp.resolve("loss.png"));
        assertEquals(tmp.resolve("loss.pdf"), target, "the file name follows the format");
        fx(() -> {
            m.files().exportFigure(starnet.model.FigureKind.LOSS, o, target);
            return null;
        });
        waitUntil(() -> Files.exists(target) && Files.exists(tmp.resolve("loss.csv")));
        assertTrue(Files.readString(tmp.resolve("loss.csv")).startsWith("series,x,y"));
        byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(target), 5);
        assertEquals("%PDF-", new String(head, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Test
    void theTaskListShowsEveryBackgroundTaskAndCancelsOne(FxRobot robot) throws Exception {
        ready();
        fx(() -> {
            m.run().delayMillisProperty().set(400);
            return null;
        });
        robot.clickOn("#cmd-train-all");
        waitUntil(() -> s.history().size() >= 2 && s.runningProperty().get());
        robot.clickOn("#task-list");
        waitUntil(() -> robot.lookup("#task-progress-view").tryQuery().isPresent());
        org.controlsfx.control.TaskProgressView<?> list = robot.lookup("#task-progress-view").query();
        waitUntil(() -> !list.getTasks().isEmpty());
        assertTrue(fx(() -> list.getTasks().get(0).getTitle()).startsWith("Train"), fx(() -> list.getTasks().get(0).getTitle()));
        Path shot = fx(() -> ScreenshotSupport.save(view.root(), "task-list"));
        assertTrue(Files.exists(shot));
        fx(() -> list.getTasks().get(0).cancel()); // what the view's cancel button does
        waitUntil(() -> !s.runningProperty().get());
        waitUntil(list.getTasks()::isEmpty);
        assertFalse(s.finishedProperty().get(), "cancelled mid-run; the model stays as after the last solve");
    }
}
