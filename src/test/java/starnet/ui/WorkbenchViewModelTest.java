package starnet.ui;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import starnet.training.StepResult;
import org.junit.jupiter.api.io.TempDir;
import starnet.math.EjmlLinearAlgebra;
import starnet.training.TrainingSnapshot;
import starnet.model.Condition;
import starnet.training.Phase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The view model without a window: every background task runs at once on the test thread. */
class WorkbenchViewModelTest {
    @TempDir Path tmp;
    private WorkbenchViewModel vm;

    @BeforeEach
    void load() {
        vm = new WorkbenchViewModel(new DirectThreads(), new EjmlLinearAlgebra(2));
        vm.limitProperty().set(600);
        vm.edit(() -> vm.widths().setAll(16, 64));
        vm.loadSource("sample:mnist");
    }

    @Test
    void aLoadedSampleIsDeterminedAndReadyToStep() {
        assertEquals(8000, vm.datasetProperty().get().size());
        assertEquals(600, vm.datapoints());
        assertFalse(vm.reportProperty().get().hasErrors());
        assertTrue(vm.reportProperty().get().conditions().stream().allMatch(c -> c.status() == Condition.Status.OK));
        assertEquals("", vm.trainBlockedReasonProperty().get());
        assertEquals(1, vm.history().size());
        assertEquals("Init", vm.latestProperty().get().label());
        assertEquals(12, vm.pinnedProperty().get().length);
        assertEquals(12, vm.latestProperty().get().current().rows());
    }

    @Test
    void stepsPublishSnapshotsAndTheScheduleAdvances() {
        TrainingSnapshot init = vm.latestProperty().get();
        vm.run(TrainCommand.STEP_SL);
        assertEquals(1, vm.steps().size());
        assertEquals(Phase.SL, vm.steps().get(0).phase());
        assertEquals(2, vm.history().size());
        assertNotEquals(init.current().get(0, 300), vm.latestProperty().get().current().get(0, 300));
        assertEquals(2, vm.scheduleProperty().get()[0]);
        assertEquals(1, vm.scheduleProperty().get()[1]);
        vm.run(TrainCommand.STEP_SW);
        assertEquals(Phase.SW, vm.steps().get(1).phase());
        vm.run(TrainCommand.TRAIN_ALL);
        assertTrue(vm.finishedProperty().get());
        assertFalse(vm.runningProperty().get());
        assertEquals(20, vm.steps().size());
        assertNotNull(vm.latestProperty().get().afterLayer().get(0));
        assertTrue(vm.trainBlockedReasonProperty().get().contains("Reset"));
        vm.reset();
        assertEquals(1, vm.history().size());
        assertEquals(0, vm.steps().size());
        assertFalse(vm.finishedProperty().get());
    }

    @Test
    void anInvalidWidthListBlocksTraining() {
        vm.edit(() -> vm.widths().setAll(512, 256));
        assertTrue(vm.reportProperty().get().hasErrors());
        assertTrue(vm.trainBlockedReasonProperty().get().contains("✗ Theorem 1"));
        vm.run(TrainCommand.STEP_SL);
        assertEquals(0, vm.steps().size());
        assertEquals(Notice.Kind.ERROR, vm.noticeProperty().get().kind());
        vm.slopeProperty().set(0);
        assertTrue(vm.configErrorProperty().get().contains("slope"));
    }

    @Test
    void aBrokenFileKeepsThePreviousDataset() throws IOException {
        Path bad = tmp.resolve("broken-images-idx3-ubyte");
        Files.write(bad, new byte[] {0, 0, 8, 1, 0, 0});
        var before = vm.datasetProperty().get();
        vm.loadSource(bad.toString());
        assertEquals(before, vm.datasetProperty().get());
        Notice n = vm.noticeProperty().get();
        assertEquals(Notice.Kind.ERROR, n.kind());
        assertTrue(n.text().contains("broken-images-idx3-ubyte") && n.text().contains("still loaded"), n.text());
    }

    @Test
    void pinningOtherItemsRestartsTheHistory() {
        vm.run(TrainCommand.STEP_SL);
        vm.setPinned(new int[] {5, 6, 7});
        assertArrayEquals(new int[] {5, 6, 7}, vm.pinnedProperty().get());
        assertEquals(3, vm.latestProperty().get().current().rows());
        vm.setPinned(new int[] {700});
        assertTrue(vm.noticeProperty().get().text().contains("not among the 600"));
        vm.pinRandom(1);
        assertEquals(12, vm.pinnedProperty().get().length);
    }

    @Test
    void inspectingAnItemGivesItsReconstruction() {
        vm.run(TrainCommand.STEP_EPOCH);
        ItemDetail[] got = new ItemDetail[1];
        vm.inspect(3, d -> got[0] = d);
        assertEquals(3, got[0].row());
        assertEquals(784, got[0].reconstruction().cols());
        assertEquals(vm.steps().get(1).residuals()[3], got[0].residual());
    }

    @Test
    void theConvPresetTrainsWithItsConditions() {
        vm.applyPreset(starnet.model.Presets.find("mnist-conv-full"));
        assertEquals("conv", vm.kindProperty().get());
        var r = vm.reportProperty().get();
        assertFalse(r.hasErrors(), r.text());
        assertTrue(r.text().contains("Theorem 4") && r.text().contains("smallest singular value"), r.text());
        assertEquals(2, vm.planProperty().get().size());
        vm.maxEpochsProperty().set(1);
        vm.run(TrainCommand.TRAIN_ALL);
        assertTrue(vm.finishedProperty().get());
        assertEquals(4, vm.steps().size());
        assertEquals(784, vm.latestProperty().get().afterLayer().get(0).cols());
        vm.unpoolProperty().set(3);
        assertTrue(vm.configErrorProperty().get().contains("not divisible"), vm.configErrorProperty().get());
        assertTrue(vm.trainBlockedReasonProperty().get().startsWith("Fix the configuration"));
    }

    @Test
    void aSavedSessionReopensWhereItWasAndContinues() throws IOException {
        vm.run(TrainCommand.STEP_EPOCH);
        vm.run(TrainCommand.STEP_SL);
        assertTrue(vm.dirtyProperty().get());
        Path file = tmp.resolve("work.starnet");
        vm.saveSession(file, true);
        assertFalse(vm.dirtyProperty().get());
        assertEquals(file, vm.recent().get(0));
        var steps = List.copyOf(vm.steps());
        var last = vm.latestProperty().get();
        // the same file renders the paper's figures from the command line, without a display
        var out = new java.io.ByteArrayOutputStream();
        assertEquals(0, starnet.cli.Cli.run(new String[] {"export", "--session", file.toString(), "--figure", "fig4", "--out",
                tmp.resolve("fig4.png").toString()}, new java.io.PrintStream(out), new java.io.PrintStream(out)), out.toString());
        assertTrue(Files.size(tmp.resolve("fig4.png")) > 5_000);

        WorkbenchViewModel other = new WorkbenchViewModel(new DirectThreads(), new EjmlLinearAlgebra(2));
        other.loadSource("sample:fashion-mnist");
        other.openSession(file);
        assertEquals("MNIST digits (sample, train)", other.datasetProperty().get().name());
        assertEquals(List.of(16, 64), List.copyOf(other.widths()));
        assertEquals(600, other.limitProperty().get());
        assertEquals(steps.size(), other.steps().size());
        assertEquals(steps.get(2).mse(), other.steps().get(2).mse(), 0.0);
        assertEquals(vm.history().size(), other.history().size());
        assertArrayEquals(last.current().data(), other.latestProperty().get().current().data());
        assertEquals(starnet.training.Phase.SW, other.latestProperty().get().nextPhase());
        other.run(TrainCommand.STEP_SW);
        vm.run(TrainCommand.STEP_SW);
        assertEquals(vm.steps().get(3).mse(), other.steps().get(3).mse(), 0.0, "both continue identically");

        Files.writeString(file, "garbage");
        other.openSession(file);
        assertEquals(Notice.Kind.ERROR, other.noticeProperty().get().kind());
        assertTrue(other.noticeProperty().get().text().contains("unchanged"));
        assertEquals(4, other.steps().size(), "a failed open keeps the work");
    }

    @Test
    void recoveryIsOfferedOnlyAfterAnUncleanExit() throws IOException {
        UserFiles files = new UserFiles(tmp.resolve("home"));
        assertTrue(files.firstRun());
        assertFalse(files.firstRun());
        files.markOpen();
        assertFalse(files.crashedWithAutosave(), "no autosave yet");
        vm.run(TrainCommand.STEP_SL);
        vm.saveSession(files.autosave(), false);
        assertTrue(files.crashedWithAutosave(), "window still marked open: a crash");
        files.markClosed();
        assertFalse(files.crashedWithAutosave());
        files.writeRecent(List.of(files.recentList()));
        assertEquals(List.of(files.recentList().toAbsolutePath()), files.readRecent());
    }

    @Test
    void theAutosaveAfterTheLastLayerReopensAsFinished() {
        Path autosave = tmp.resolve("autosave.starnet");
        vm.setAutosaveOnLayerDone(() -> vm.saveSession(autosave, false));
        vm.run(TrainCommand.TRAIN_ALL);
        assertTrue(vm.finishedProperty().get());
        WorkbenchViewModel other = new WorkbenchViewModel(new DirectThreads(), new EjmlLinearAlgebra(2));
        other.openSession(autosave);
        assertEquals(vm.steps().size(), other.steps().size());
        assertEquals(vm.history().size(), other.history().size(), "the layer's last snapshot is in the autosave");
        assertEquals(vm.latestProperty().get().label(), other.latestProperty().get().label());
        assertTrue(other.finishedProperty().get());
    }

    @Test
    void aSaveQueuedDuringARunShowsTheStateItSaves() {
        java.util.ArrayDeque<Runnable> queue = new java.util.ArrayDeque<>();
        Threads queued = new Threads() { // the worker runs queued tasks in order, as FxThreads does
            @Override public void background(Runnable work) { queue.add(work); }
            @Override public void ui(Runnable update) { update.run(); }
        };
        WorkbenchViewModel q = new WorkbenchViewModel(queued, new EjmlLinearAlgebra(2));
        q.limitProperty().set(600);
        q.edit(() -> q.widths().setAll(16, 64));
        q.loadSource("sample:mnist");
        while (!queue.isEmpty()) queue.poll().run();
        Path early = tmp.resolve("after-layer-2.starnet");
        boolean[] saved = {false};
        q.setAutosaveOnLayerDone(() -> {
            if (saved[0]) return;
            saved[0] = true;
            q.saveSession(early, false); // runs only when Train all has finished both layers
        });
        q.run(TrainCommand.TRAIN_ALL);
        while (!queue.isEmpty()) queue.poll().run();
        WorkbenchViewModel other = new WorkbenchViewModel(new DirectThreads(), new EjmlLinearAlgebra(2));
        other.openSession(early);
        assertEquals(20, other.steps().size(), "the file holds the trainer as it was when the save ran");
        StepResult shown = other.latestProperty().get().step();
        assertEquals(other.steps().get(19).step(), shown.step(), "and shows that state, not the older history");
    }

    @Test
    void presetsApplyAsOneChange() {
        int before = vm.history().size();
        vm.applyPreset(starnet.model.Presets.find("deep-ff"));
        assertEquals(List.of(64, 128, 256), List.copyOf(vm.widths()));
        assertEquals(1, vm.history().size(), "one reset, starting at Init");
        assertTrue(before >= 1);
    }
}
