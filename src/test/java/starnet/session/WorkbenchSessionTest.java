package starnet.session;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starnet.math.EjmlLinearAlgebra;
import starnet.model.ArchitectureConfig;
import starnet.model.Condition;
import starnet.model.DataSpec;
import starnet.model.Padding;
import starnet.model.Phase;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;
import starnet.model.TrainingSnapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The application layer without a window: every task runs on the calling thread before the call returns. */
class WorkbenchSessionTest {
    static final StarNetConfig SMALL = StarNetConfig.defaults().withData(new DataSpec("sample:mnist", starnet.model.Split.TRAIN, 600))
            .withArchitecture(ArchitectureConfig.defaults().withWidths(List.of(16, 64)));
    @TempDir Path tmp;
    private WorkbenchSession session;
    private final List<Notice> notices = new ArrayList<>();

    @BeforeEach
    void load() {
        session = WorkbenchSession.immediate(new EjmlLinearAlgebra(2));
        session.setHeldOutCurve(true);
        session.addListener(new SessionListener() {
            @Override public void stateChanged(SessionState s) {}
            @Override public void notice(Notice n) { notices.add(n); }
        });
        session.configure(SMALL).join();
    }

    private SessionState s() { return session.state(); }

    @Test
    void aConfiguredSampleIsDeterminedAndReadyToStep() {
        assertEquals(8000, s().dataset().size());
        assertEquals(600, s().datapoints());
        assertFalse(s().report().hasErrors());
        assertTrue(s().report().conditions().stream().allMatch(c -> c.status() == Condition.Status.OK));
        assertEquals("", s().trainBlockedReason());
        assertEquals(1, s().history().size());
        assertEquals("Init", s().latest().label());
        assertEquals(12, s().pinned().length);
        assertEquals(12, s().latest().current().rows());
        assertFalse(s().dirty(), "untitled and untrained: nothing to lose");
    }

    @Test
    void aFreshSessionConfiguredWithTheDefaultsLoadsTheirData() {
        WorkbenchSession fresh = WorkbenchSession.immediate(new EjmlLinearAlgebra(2));
        assertNull(fresh.state().dataset());
        fresh.configure(StarNetConfig.defaults()).join();
        assertEquals(8000, fresh.state().datapoints());
        assertTrue(fresh.state().ready());
        assertEquals(List.of(), fresh.state().tasks());
        // without a window nothing draws the held-out curve: it is not measured (the command line's case)
        fresh.run(TrainAction.STEP_SL).join();
        assertEquals(1, fresh.state().heldOut().size());
        assertTrue(Double.isNaN(fresh.state().heldOut().get(0)));
        assertEquals(0, fresh.state().heldOutItems(), "the test split was not even loaded");
    }

    @Test
    void theRunSettingMovesTheRunOutOfCoreWithTheSameNumbersAndUndoBringsTheEngineBack() {
        session.run(TrainAction.TRAIN_ALL).join();
        List<StepResult> inMemory = s().steps();
        session.setEngine(starnet.model.EngineSpec.store(null, starnet.model.StoragePrecision.F64)).join();
        assertEquals(starnet.model.EngineKind.STORE, s().engine().kind());
        assertEquals(0, s().steps().size(), "a new engine starts the run again");
        session.run(TrainAction.TRAIN_ALL).join();
        List<StepResult> outOfCore = s().steps();
        assertEquals(inMemory.size(), outOfCore.size());
        for (int i = 0; i < inMemory.size(); i++) {
            assertEquals(inMemory.get(i).outputMse(), outOfCore.get(i).outputMse(), 1e-9 * inMemory.get(i).outputMse(), "step " + i);
        }
        assertEquals(12, s().latest().current().rows(), "the grids show the pinned items from the store");
        session.undoDiscard().join();
        assertEquals(starnet.model.EngineKind.MEMORY, s().engine().kind(), "undo brings back the in-memory run with its setting");
        assertEquals(inMemory.size(), s().steps().size());
    }

    @Test
    void saveResetSaveUndoKnowsTheFileChangedAndKeepsTheTrainedFile() throws Exception {
        Path file = tmp.resolve("trained.starnet");
        session.run(TrainAction.TRAIN_ALL).join();
        int trained = s().steps().size();
        session.save(file).join();
        assertFalse(s().dirty());
        session.reset().join();
        assertEquals(trained, WorkbenchSession.stepsIn(file), "the window asks before replacing a file holding more steps");
        session.save(file).join();
        assertEquals(0, WorkbenchSession.stepsIn(file));
        assertEquals(trained, WorkbenchSession.stepsIn(tmp.resolve("trained.starnet~")), "the trained file is kept beside it");
        session.undoDiscard().join();
        assertEquals(trained, s().steps().size());
        assertTrue(s().dirty(), "the trained work is back, and the file now holds other work: unsaved");
        session.save(file).join();
        assertFalse(s().dirty());
        assertEquals(trained, WorkbenchSession.stepsIn(file));
    }

    @Test
    void aSavedSessionKeepsItsHeldOutCurveAndItsDelay() {
        Path file = tmp.resolve("watched.starnet");
        session.setHeldOutCurve(true);
        session.setStepDelayMillis(750);
        session.run(TrainAction.STEP_EPOCH).join();
        List<Double> held = s().heldOut();
        assertTrue(held.stream().allMatch(Double::isFinite), "measured at each step: " + held);
        session.save(file).join();
        WorkbenchSession other = WorkbenchSession.immediate(new EjmlLinearAlgebra(2));
        other.open(file).join();
        assertEquals(held, other.state().heldOut(), "the held-out curve comes back with the steps");
        assertEquals(s().heldOutItems(), other.state().heldOutItems(), "with the items it was measured on, so the window draws it");
        assertEquals(750, other.state().stepDelayMillis(), "and the classroom delay");
    }

    @Test
    void undoKeepsFiveDiscardsAndRedoTakesBackWhatUndoReplaced() {
        for (int i = 1; i <= 6; i++) {
            session.run(TrainAction.STEP_SL).join();
            for (int k = 1; k < i; k++) session.run(TrainAction.STEP_SW).join();
            session.reset().join(); // discards i steps
        }
        assertNull(s().redoable());
        for (int i = 6; i >= 2; i--) {
            assertEquals("the " + i + " trained steps discarded by Reset", s().undoable());
            session.undoDiscard().join();
            assertEquals(i, s().steps().size());
        }
        assertNull(s().undoable(), "five discards are kept, the oldest went");
        session.redoDiscard().join();
        assertEquals(3, s().steps().size(), "redo takes back the work the last undo replaced");
        session.redoDiscard().join();
        session.undoDiscard().join();
        assertEquals(3, s().steps().size());
        session.run(TrainAction.STEP_SL).join();
        session.reset().join();
        assertNull(s().redoable(), "a new discard clears redo");
    }

    @Test
    void stepsPublishSnapshotsAndTheRunEnds() {
        TrainingSnapshot init = s().latest();
        List<StepResult> seen = new ArrayList<>();
        session.addListener(new SessionListener() {
            @Override public void stateChanged(SessionState s) {}
            @Override public void stepDone(StepResult r) { seen.add(r); }
        });
        session.run(TrainAction.STEP_SL).join();
        assertEquals(1, s().steps().size());
        assertEquals(Phase.SL, s().steps().get(0).phase());
        assertEquals(2, s().history().size());
        assertNotEquals(init.current().get(0, 300), s().latest().current().get(0, 300));
        assertTrue(s().dirty());
        session.run(TrainAction.STEP_SW).join();
        assertEquals(Phase.SW, s().steps().get(1).phase());
        session.run(TrainAction.TRAIN_ALL).join();
        assertTrue(s().finished());
        assertFalse(s().running());
        assertTrue(s().tasks().isEmpty());
        assertEquals(20, s().steps().size());
        assertEquals(20, seen.size());
        assertNotNull(s().latest().afterLayer().get(0));
        assertTrue(s().trainBlockedReason().contains("Reset"));
        // the held-out curve: the sample's test items, inferred (Lemma 3) down to each step's layer and decoded
        assertEquals(500, s().heldOutItems());
        assertEquals(20, s().heldOut().size());
        var test = starnet.data.Datasets.load("sample:mnist", starnet.model.Split.TEST, 500).images();
        var la = new EjmlLinearAlgebra(2);
        var decoder = session.contents().join().training().decoder();
        double direct = starnet.training.Inference.outputMse(starnet.training.Engines.layerSystem(SMALL, la), decoder, test, 0,
                starnet.training.Cancellation.NEVER);
        assertEquals(direct, s().heldOut().get(19), 1e-12 * direct, "the last held-out value is the whole decoder's on the test items");
        assertTrue(s().heldOut().get(19) > s().steps().get(19).outputMse(), "held-out items are fitted less well than the training items");
        assertThrows(CompletionException.class, () -> session.run(TrainAction.STEP_SL).join());
        assertTrue(notices.get(notices.size() - 1).text().contains("Reset"));
    }

    @Test
    void narrationStopsAtLayerBoundariesAndAfterEpochs() {
        session.setStopPoints(java.util.EnumSet.of(StopPoint.LAYER_END));
        session.run(TrainAction.TRAIN_ALL).join();
        assertEquals(10, s().steps().size(), "stopped when layer 2 was done");
        assertFalse(s().finished());
        assertFalse(s().running());
        assertTrue(notices.get(notices.size() - 1).text().startsWith("Stopped at each layer boundary"), notices.get(notices.size() - 1).text());
        session.setStopPoints(java.util.EnumSet.of(StopPoint.EPOCH_END));
        session.run(TrainAction.TRAIN_ALL).join();
        assertEquals(12, s().steps().size(), "one epoch (SL, SW) of layer 1");
        session.setStopPoints(java.util.Set.of());
        session.run(TrainAction.TRAIN_ALL).join();
        assertEquals(20, s().steps().size());
        assertTrue(s().finished());
        WorkbenchSession straight = WorkbenchSession.immediate(new EjmlLinearAlgebra(2));
        straight.configure(SMALL).join();
        straight.run(TrainAction.TRAIN_ALL).join();
        assertSameSteps(straight.state().steps(), s().steps());
    }

    @Test
    void resetKeepsTheDiscardedRunForUndo() {
        session.run(TrainAction.STEP_EPOCH).join();
        List<StepResult> steps = s().steps();
        List<TrainingSnapshot> history = s().history();
        session.reset().join();
        assertEquals(0, s().steps().size());
        assertEquals(1, s().history().size());
        assertEquals("the 2 trained steps discarded by Reset", s().undoable());
        session.undoDiscard().join();
        assertEquals(steps, s().steps());
        assertEquals(history, s().history());
        assertNull(s().undoable());
        session.run(TrainAction.STEP_SL).join();
        assertEquals(3, s().steps().size(), "the run continues where it was");
        assertThrows(CompletionException.class, () -> session.undoDiscard().join(), "only the last discard can be undone");
    }

    @Test
    void anInvalidWidthListBlocksTraining() {
        session.configure(SMALL.withArchitecture(SMALL.architecture().withWidths(List.of(512, 256)))).join();
        assertTrue(s().report().hasErrors());
        assertTrue(s().trainBlockedReason().contains("✗ Theorem 1"), s().trainBlockedReason());
        assertThrows(CompletionException.class, () -> session.run(TrainAction.STEP_SL).join());
        assertEquals(0, s().steps().size());
        assertEquals(Notice.Kind.ERROR, notices.get(notices.size() - 1).kind());
    }

    @Test
    void aModelFileOpensTheSessionBesideItOrSaysWhatAModelIsFor() throws Exception {
        Path run = tmp.resolve("run");
        Runs.train(new RunRequest(SMALL.withTraining(SMALL.training().withMaxEpochs(1)), starnet.model.EngineSpec.memory(), run, false), Compute.defaults(),
                Runs.printingTo(new java.io.PrintStream(java.io.OutputStream.nullOutputStream())));
        session.open(run.resolve("model.starnet")).join();
        assertEquals(4, s().steps().size(), "the run's steps are there");
        assertTrue(notices.get(notices.size() - 1).text().startsWith("Opened the run's session beside model.starnet, session.starnet"),
                notices.get(notices.size() - 1).text());
        Path alone = Files.copy(run.resolve("model.starnet"), Files.createDirectories(tmp.resolve("alone")).resolve("model.starnet"));
        assertThrows(CompletionException.class, () -> session.open(alone).join());
        Notice n = notices.get(notices.size() - 1);
        assertTrue(n.text().startsWith("model.starnet is a model (the trained decoder") && n.text().contains("Your current work is unchanged"), n.text());
        assertEquals(4, s().steps().size(), "the open session stays");
    }

    @Test
    void aBrokenFileKeepsThePreviousDataset() throws IOException {
        Path bad = tmp.resolve("broken-images-idx3-ubyte");
        Files.write(bad, new byte[] {0, 0, 8, 1, 0, 0});
        var before = s().dataset();
        session.run(TrainAction.STEP_SL).join();
        assertThrows(CompletionException.class, () -> session.load(new DataSpec(bad.toString(), starnet.model.Split.TRAIN, 600)).join());
        assertEquals(before, s().dataset());
        assertEquals(1, s().steps().size(), "the trained step is kept too");
        Notice n = notices.get(notices.size() - 1);
        assertEquals(Notice.Kind.ERROR, n.kind());
        assertTrue(n.text().contains("broken-images-idx3-ubyte"), n.text());
    }

    @Test
    void aFileThatIsNoSessionIsNamedOnceAndTheWorkStays() throws IOException {
        session.run(TrainAction.STEP_SL).join();
        assertTrue(s().status().startsWith("Ready"), s().status());
        for (byte[] junk : new byte[][] {"not a zip".getBytes(java.nio.charset.StandardCharsets.UTF_8), zipWithout()}) {
            Path bad = tmp.resolve("lecture.starnet");
            Files.write(bad, junk);
            assertThrows(CompletionException.class, () -> session.open(bad).join());
            String text = notices.get(notices.size() - 1).text();
            assertEquals(1, text.split(java.util.regex.Pattern.quote(bad.toString()), -1).length - 1, "the path once: " + text);
            assertTrue(text.contains("not a StarNet session file") && text.endsWith("Your current work is unchanged."), text);
            assertEquals(1, s().steps().size(), "the trained step stays");
        }
        session.configure(SMALL.withArchitecture(SMALL.architecture().withWidths(List.of(512, 256)))).join();
        assertTrue(s().status().startsWith("Not every linear system is determined"), "an under-determined set-up is not called an error: " + s().status());
    }

    private static byte[] zipWithout() throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var z = new java.util.zip.ZipOutputStream(bytes)) {
            z.putNextEntry(new java.util.zip.ZipEntry("something.txt"));
            z.write("hello".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            z.closeEntry();
        }
        return bytes.toByteArray();
    }

    @Test
    void pinningOtherItemsKeepsTheModel() {
        session.run(TrainAction.STEP_SL).join();
        session.setPinned(new int[] {5, 6, 7}).join();
        assertArrayEquals(new int[] {5, 6, 7}, s().pinned());
        assertEquals(3, s().latest().current().rows());
        assertEquals(1, s().steps().size(), "the model and its steps stay");
        assertEquals(1, s().history().size(), "the history restarts from now");
        assertThrows(CompletionException.class, () -> session.setPinned(new int[] {700}).join());
        assertTrue(notices.get(notices.size() - 1).text().contains("not among the 600"));
        session.pinRandom(1).join();
        assertEquals(12, s().pinned().length);
    }

    @Test
    void inspectingAnItemGivesItsReconstruction() {
        session.run(TrainAction.STEP_EPOCH).join();
        ItemDetail d = session.inspect(3).join();
        assertEquals(3, d.row());
        assertEquals(784, d.reconstruction().cols());
        assertEquals(s().steps().get(1).residuals()[3], d.residual());
    }

    @Test
    void theConvPresetTrainsWithItsConditions() {
        session.configure(SMALL.withArchitecture(starnet.model.Presets.find("mnist-conv-full").architecture())
                .withTraining(SMALL.training().withMaxEpochs(1))).join();
        var r = s().report();
        assertFalse(r.hasErrors(), r.text());
        assertTrue(r.text().contains("Theorem 4") && r.text().contains("smallest singular value"), r.text());
        assertEquals(2, s().plan().size());
        session.run(TrainAction.TRAIN_ALL).join();
        assertTrue(s().finished());
        assertEquals(4, s().steps().size());
        assertEquals(784, s().latest().afterLayer().get(0).cols());
        assertTrue(s().heldOut().stream().allMatch(v -> v > 0 && v < 1), "conv layers get a held-out curve too: " + s().heldOut());
        session.configure(s().config().withArchitecture(ArchitectureConfig.conv(List.of(6, 2), List.of(3), List.of(3), Padding.FULL, 0.5))).join();
        assertTrue(s().problem().contains("not divisible"), s().problem());
        assertTrue(s().trainBlockedReason().startsWith("Fix the configuration"));
        assertEquals("the 4 trained steps discarded by changing the configuration", s().undoable());
    }

    @Test
    void aSavedSessionReopensWhereItWasAndContinues() throws IOException {
        session.run(TrainAction.STEP_EPOCH).join();
        session.run(TrainAction.STEP_SL).join();
        assertTrue(s().dirty());
        Path file = tmp.resolve("work.starnet");
        session.save(file).join();
        assertFalse(s().dirty());
        assertEquals(file, s().file());
        var steps = s().steps();
        var last = s().latest();
        // the same file renders the paper's figures from the command line, without a display
        var out = new java.io.ByteArrayOutputStream();
        assertEquals(0, starnet.cli.Cli.run(new String[] {"export", "--session", file.toString(), "--figure", "fig4", "--out",
                tmp.resolve("fig4.png").toString()}, new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8), new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8)), out.toString(java.nio.charset.StandardCharsets.UTF_8));
        assertTrue(Files.size(tmp.resolve("fig4.png")) > 5_000);

        WorkbenchSession other = WorkbenchSession.immediate(new EjmlLinearAlgebra(2));
        other.load(new DataSpec("sample:fashion-mnist", starnet.model.Split.TRAIN, 0)).join();
        other.open(file).join();
        SessionState o = other.state();
        assertEquals("MNIST digits (sample, train)", o.dataset().name());
        assertEquals(SMALL.withData(s().config().data()), o.config());
        assertEquals(600, o.datapoints());
        assertEquals(steps.size(), o.steps().size());
        assertEquals(steps.get(2).mse(), o.steps().get(2).mse(), 0.0);
        assertEquals(s().history().size(), o.history().size());
        assertArrayEquals(last.current().data(), o.latest().current().data());
        assertEquals(Phase.SW, o.latest().nextPhase());
        assertFalse(o.dirty());
        other.run(TrainAction.STEP_SW).join();
        session.run(TrainAction.STEP_SW).join();
        assertEquals(s().steps().get(3).mse(), other.state().steps().get(3).mse(), 0.0, "both continue identically");

        Files.writeString(file, "garbage");
        assertThrows(CompletionException.class, () -> other.open(file).join());
        assertEquals(4, other.state().steps().size(), "a failed open keeps the work");
    }

    @Test
    void aCliSessionWithTheTestSplitAndPerLayerKernelsRoundTrips() throws IOException {
        StarNetConfig conv = new StarNetConfig(1, new DataSpec("sample:mnist", starnet.model.Split.TEST, 300),
                ArchitectureConfig.conv(List.of(4, 2), List.of(5, 3), List.of(2, 2), Padding.SAME, 0.5),
                SMALL.training().withMaxEpochs(1).withLatentPath(starnet.model.LatentPath.DENSE));
        var out = new java.io.ByteArrayOutputStream();
        Path cfg = tmp.resolve("conv.json");
        Files.writeString(cfg, starnet.io.Json.MAPPER.writeValueAsString(conv));
        Path run = tmp.resolve("run");
        assertEquals(0, starnet.cli.Cli.run(new String[] {"train", "--config", cfg.toString(), "--epochs", "1", "--out", run.toString()},
                new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8), new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8)), out.toString(java.nio.charset.StandardCharsets.UTF_8));
        session.open(run.resolve("session.starnet")).join();
        assertEquals(conv, s().config(), "split, per-layer kernel sizes and the latent path survive");
        Path resaved = tmp.resolve("resaved.starnet");
        session.save(resaved).join();
        WorkbenchSession other = WorkbenchSession.immediate(new EjmlLinearAlgebra(2));
        other.open(resaved).join();
        assertEquals(conv, other.state().config());
        assertSameSteps(s().steps(), other.state().steps());
        assertTrue(other.state().finished());
        // and continues exactly: the same configuration and data give the same first solve in both
        session.reset().join();
        other.reset().join();
        session.run(TrainAction.STEP_SL).join();
        other.run(TrainAction.STEP_SL).join();
        assertSameSteps(s().steps(), other.state().steps());
    }

    private static void assertSameSteps(List<StepResult> a, List<StepResult> b) {
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).mse(), b.get(i).mse(), 0.0);
            assertEquals(a.get(i).outputMse(), b.get(i).outputMse(), 0.0);
            assertArrayEquals(a.get(i).residuals(), b.get(i).residuals());
        }
    }

    @Test
    void autosaveWritesAfterEverySolveWhileTraining() {
        Path file = tmp.resolve("autosave.starnet");
        Autosave a = new Autosave(file, new CallerWorker());
        session.setAutosave(a);
        session.run(TrainAction.TRAIN_ALL).join();
        assertEquals(s().steps().size(), a.writes(), "one write per solve (writes wait on no solve: here the writer runs inline)");
        WorkbenchSession other = WorkbenchSession.immediate(new EjmlLinearAlgebra(2));
        other.recover(file).join();
        assertEquals(s().steps().size(), other.state().steps().size());
        assertTrue(other.state().finished());
        assertNull(other.state().file(), "recovered work is untitled");
        assertTrue(other.state().dirty(), "and unsaved");
        session.autosaveNow();
        assertEquals(s().steps().size(), a.writes(), "nothing changed since the last autosave: no write");
        session.setPinned(new int[] {1, 2, 3}).join();
        session.autosaveNow();
        assertEquals(s().steps().size() + 1, a.writes(), "a change since: one write");
    }

    @Test
    void aTaskCanBeCancelledBeforeItRuns() {
        QueuedWorker queued = new QueuedWorker();
        WorkbenchSession q = new WorkbenchSession(new EjmlLinearAlgebra(2), queued, new CallerWorker(), false);
        var configured = q.configure(SMALL);
        var run = q.run(TrainAction.TRAIN_ALL);
        assertEquals(2, q.state().tasks().size(), "both wait");
        assertFalse(q.state().tasks().get(0).running());
        q.cancel(q.state().tasks().get(1).id());
        queued.drain();
        assertTrue(configured.isDone() && !configured.isCompletedExceptionally());
        assertTrue(run.isCancelled());
        assertEquals(0, q.state().steps().size());
        assertTrue(q.state().tasks().isEmpty());
    }

    @Test
    void aRunningResearchJobStopsWithinOneSolveWhenPaused() throws Exception {
        ThreadWorker solver = new ThreadWorker("test-solver", false);
        try {
            WorkbenchSession threaded = new WorkbenchSession(new EjmlLinearAlgebra(2), solver, new CallerWorker(), false);
            threaded.configure(SMALL).join();
            threaded.run(TrainAction.TRAIN_ALL).join();
            List<TrainingSnapshot> before = threaded.state().history();
            var refine = threaded.research().refine(500);
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (threaded.state().tasks().stream().noneMatch(TaskInfo::running)) {
                assertTrue(System.nanoTime() < deadline, "the job did not start");
                Thread.sleep(5);
            }
            Thread.sleep(200);
            threaded.pause();
            assertThrows(java.util.concurrent.CancellationException.class, () -> refine.get(30, java.util.concurrent.TimeUnit.SECONDS));
            threaded.inspect(0).get(30, java.util.concurrent.TimeUnit.SECONDS); // the worker is free again
            assertEquals(before, threaded.state().history(), "nothing changed");
            assertTrue(threaded.state().tasks().isEmpty());
        } finally {
            solver.shutdown();
        }
    }

    @Test
    void stateIsTouchedOnlyOnTheWorker() {
        assertThrows(IllegalStateException.class, () -> new CallerWorker().checkOnWorker());
    }
}
