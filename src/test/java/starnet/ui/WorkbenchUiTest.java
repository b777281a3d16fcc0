package starnet.ui;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import starnet.math.Backends;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The real window, driven headless through TestFX on Monocle, with the real background worker. */
@ExtendWith(ApplicationExtension.class)
class WorkbenchUiTest {
    private WorkbenchViewModel vm;
    private WorkbenchView view;

    @Start
    void start(Stage stage) {
        vm = new WorkbenchViewModel(new FxThreads(), Backends.create("auto", 2));
        vm.limitProperty().set(1500);
        view = new WorkbenchView(vm);
        stage.setScene(new Scene(view.root(), 1480, 940));
        stage.show();
        vm.loadSource("sample:mnist");
    }

    private void waitUntil(Callable<Boolean> condition) throws Exception {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition);
        } catch (java.util.concurrent.TimeoutException e) {
            String state = WaitForAsyncUtils.asyncFx(() -> "notice: " + vm.noticeProperty().get() + "; status: " + vm.statusProperty().get()
                    + "; running: " + vm.runningProperty().get() + "; history: " + vm.history().size()).get();
            throw new AssertionError("the condition did not hold within 60 s (" + state + ")", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private int history() throws Exception {
        return WaitForAsyncUtils.asyncFx(() -> vm.history().size()).get();
    }

    @Test
    void stepTrainPauseAndReset(FxRobot robot) throws Exception {
        waitUntil(() -> vm.datasetProperty().get() != null && vm.history().size() == 1);
        Label summary = robot.lookup(".report-summary").queryAs(Label.class);
        assertTrue(summary.getText().startsWith("✓ Every linear system is determined"), summary.getText());
        assertTrue(robot.lookup(".report-symbol").queryAllAs(Label.class).stream().allMatch(l -> l.getText().equals("✓")));

        robot.clickOn("#cmd-step-sl");
        waitUntil(() -> vm.history().size() == 2 && !vm.runningProperty().get());
        assertEquals(1, WaitForAsyncUtils.asyncFx(() -> view.loss().points()).get());
        assertTrue(WaitForAsyncUtils.asyncFx(() -> view.reconstructions().viewed().label()).get().equals("L2 SL1"));

        robot.clickOn("#cmd-step-sw");
        waitUntil(() -> vm.history().size() == 3 && !vm.runningProperty().get());
        assertEquals(2, WaitForAsyncUtils.asyncFx(() -> view.loss().points()).get());
        assertTrue(WaitForAsyncUtils.asyncFx(() -> view.residuals().worstItems().length).get() > 0);

        robot.clickOn("#cmd-train-all");
        waitUntil(() -> vm.finishedProperty().get() && !vm.runningProperty().get());
        assertTrue(history() > 3);
        assertTrue(robot.lookup("#cmd-train-all").queryAs(Button.class).isDisabled());
        Path shot = WaitForAsyncUtils.asyncFx(() -> ScreenshotSupport.save(view.root(), "trained")).get();
        assertTrue(Files.size(shot) > 20_000);

        robot.clickOn("#cmd-reset");
        waitUntil(() -> vm.history().size() == 1 && !vm.finishedProperty().get());
        assertEquals(0, WaitForAsyncUtils.asyncFx(() -> view.loss().points()).get());

        WaitForAsyncUtils.asyncFx(() -> vm.delayMillisProperty().set(400)).get();
        robot.clickOn("#cmd-train-all");
        waitUntil(() -> vm.history().size() >= 2);
        // while running, the editor is locked and drawn greyed, opaque (no offscreen blending per control)
        javafx.scene.Node widthAdd = robot.lookup("#width-add").query();
        assertTrue(widthAdd.isDisabled());
        assertEquals(1.0, widthAdd.getOpacity());
        robot.clickOn("#cmd-pause");
        waitUntil(() -> !vm.runningProperty().get());
        assertFalse(WaitForAsyncUtils.asyncFx(widthAdd::isDisabled).get(), "the editor unlocks as soon as the run stops");
        assertFalse(vm.finishedProperty().get());
        assertTrue(history() < 10, "paused after " + history());
        assertTrue(vm.noticeProperty().get().text().startsWith("Paused"));
    }

    @Test
    void scrollPanesRepaintOnlyWhatChanged(FxRobot robot) throws Exception {
        waitUntil(() -> vm.history().size() == 1);
        var viewports = robot.lookup(".scroll-pane > .viewport").queryAll();
        assertTrue(viewports.size() >= 3, "viewports: " + viewports.size());
        for (var v : viewports) assertFalse(v.isCache(), "a scroll pane caches its whole content as one bitmap");
    }

    @Test
    void theConvPresetFromTheComboTrains(FxRobot robot) throws Exception {
        waitUntil(() -> vm.history().size() == 1);
        WaitForAsyncUtils.asyncFx(() -> vm.maxEpochsProperty().set(2)).get();
        robot.clickOn("#presets");
        robot.clickOn(starnet.model.Presets.find("mnist-conv").title());
        waitUntil(() -> "conv".equals(vm.kindProperty().get()) && vm.reportProperty().get() != null
                && vm.reportProperty().get().text().contains("smallest singular value"));
        assertTrue(robot.lookup("#conv-kernels").queryAs(javafx.scene.control.TextField.class).isVisible());
        assertFalse(robot.lookup("#widths").queryAs(ListView.class).getParent().isVisible(), "the widths editor hides for conv");
        assertTrue(robot.lookup("#decoder-shape").queryAs(Label.class).getText().contains("6×7×7 → 2×14×14"));
        robot.clickOn("#cmd-train-all");
        waitUntil(() -> vm.finishedProperty().get() && !vm.runningProperty().get());
        assertEquals(8, vm.steps().size());
        assertTrue(vm.steps().get(7).outputMse() < 0.05);
        Path shot = WaitForAsyncUtils.asyncFx(() -> ScreenshotSupport.save(view.root(), "conv-trained")).get();
        assertTrue(Files.size(shot) > 20_000);
    }

    @Test
    void generateRefineScoreAndThePcaBound(FxRobot robot) throws Exception {
        waitUntil(() -> vm.history().size() == 1);
        WaitForAsyncUtils.asyncFx(() -> {
            vm.maxEpochsProperty().set(2);
            vm.edit(() -> vm.widths().setAll(32, 96));
        }).get();
        waitUntil(() -> vm.history().size() == 1 && vm.planProperty().get().get(0).inputWidth() == 32);
        robot.clickOn("#cmd-train-all");
        waitUntil(() -> vm.finishedProperty().get() && !vm.runningProperty().get());
        robot.clickOn("#pca-bound");
        waitUntil(() -> vm.pcaProperty().get() != null);
        assertTrue(WaitForAsyncUtils.asyncFx(() -> view.loss().points()).get() >= 8 + 4, "PCA lines added");
        robot.clickOn("Generate, refine, score");
        robot.clickOn("#gen-sample");
        waitUntil(() -> view.research().sampledCount() == 12);
        robot.clickOn("#ood-score");
        waitUntil(() -> view.research().resultText().startsWith("AUROC"));
        double auc = Double.parseDouble(view.research().resultText().substring(6, 12));
        assertTrue(auc > 0.8, view.research().resultText());
        int before = vm.history().size();
        robot.clickOn("#refine");
        waitUntil(() -> view.research().resultText().startsWith("Refinement") && vm.history().size() == before + 1);
        assertEquals("Refined", vm.latestProperty().get().label());
        Path shot = WaitForAsyncUtils.asyncFx(() -> ScreenshotSupport.save(view.root(), "generate-refine-score")).get();
        assertTrue(Files.size(shot) > 20_000);
    }

    @Test
    void anInvalidWidthShowsTheCrossAndDisablesTraining(FxRobot robot) throws Exception {
        waitUntil(() -> vm.history().size() == 1);
        ListView<?> widths = robot.lookup("#widths").queryAs(ListView.class);
        robot.doubleClickOn(robot.from(widths).lookup(".list-cell").nth(0).queryLabeled());
        robot.eraseText(3).write("512").type(javafx.scene.input.KeyCode.ENTER);
        waitUntil(() -> vm.reportProperty().get().hasErrors());
        assertTrue(robot.lookup(".report-symbol").queryAllAs(Label.class).stream().anyMatch(l -> l.getText().equals("✗")));
        assertTrue(robot.lookup("#cmd-step-sl").queryAs(Button.class).isDisabled());
        assertTrue(robot.lookup("#cmd-train-all").queryAs(Button.class).isDisabled());
        Path shot = WaitForAsyncUtils.asyncFx(() -> ScreenshotSupport.save(view.root(), "not-determined")).get();
        assertTrue(Files.exists(shot));
    }

    @Test
    void aBrokenFileShowsAnErrorAndKeepsTheDataset(FxRobot robot) throws Exception {
        waitUntil(() -> vm.history().size() == 1);
        Path bad = Files.createTempFile("broken", ".npy");
        Files.writeString(bad, "this is not numpy");
        WaitForAsyncUtils.asyncFx(() -> vm.loadSource(bad.toString())).get();
        waitUntil(() -> vm.noticeProperty().get() != null && vm.noticeProperty().get().kind() == Notice.Kind.ERROR);
        assertTrue(vm.noticeProperty().get().text().contains("not a .npy file"));
        assertTrue(vm.datasetProperty().get().name().startsWith("MNIST"));
        assertTrue(robot.lookup("#dataset-facts").queryAs(Label.class).getText().startsWith("MNIST"));
        Files.deleteIfExists(bad);
    }
}
