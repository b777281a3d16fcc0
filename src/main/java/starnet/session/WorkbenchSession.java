package starnet.session;

import com.google.errorprone.annotations.CanIgnoreReturnValue;
import starnet.baseline.Pca;
import starnet.model.Dataset;
import starnet.data.Datasets;
import starnet.io.SessionFile;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.DataSpec;
import starnet.model.Baselines;
import starnet.model.Decoder;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;
import starnet.training.StarNetTrainer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * One workbench session, without any view: the configuration, the data, the pinned items, the run and
 * its history, the file it belongs to and whether it differs from it, the last discarded work (for
 * undo), autosave, and every long job as a cancellable background task. The window and the command
 * line both drive it.
 * <p>
 * Threads: every operation may be called from any thread; it queues a task on the session's
 * {@link Worker}, and all mutable state is touched only there ({@link Worker#checkOnWorker()}).
 * Listeners receive immutable {@link SessionState}s.
 * <p>Every operation reports its own failure (a notice, the log) and returns its future only for a caller that
 * wants to wait or chain: ignoring it loses nothing ({@code @CanIgnoreReturnValue}).
 */
public final class WorkbenchSession {
    /** Items shown in the reconstruction grids unless others are pinned. */
    public static final int DEFAULT_PINNED = 12;
    /** Snapshots kept for the step slider; older ones are dropped (the first is kept). */
    public static final int HISTORY_LIMIT = 400;

    private final SessionCore core;
    private final SessionTraining training;
    private final SessionStorage storage;
    private final SessionAnalysis analysis;
    private final ResearchJobs research = new ResearchJobs(this);

    /**
     * @param worker      where the session's state lives and its tasks run
     * @param io          where saves are written (so a save never waits for a solve)
     * @param interactive reserve memory and warm up at set-up so the first steps run smoothly (the window)
     */
    public WorkbenchSession(LinearAlgebra la, Worker worker, Worker io, boolean interactive) {
        this.core = new SessionCore(la, worker, io, interactive);
        this.training = new SessionTraining(core);
        this.storage = new SessionStorage(core);
        this.analysis = new SessionAnalysis(core);
        core.session = this;
    }

    /** A session that does everything on the calling thread, before each call returns (command line, tests). */
    public static WorkbenchSession immediate(LinearAlgebra la) {
        return new WorkbenchSession(la, new CallerWorker(), new CallerWorker(), false);
    }

    /**
     * The window's session: the backend {@code compute} names is loaded on {@code worker} (the solver thread, where its
     * native library then lives), saves go to {@code io}; interactive (memory reserved and the JIT warmed up at set-up).
     */
    public static WorkbenchSession forWindow(Compute compute, ThreadWorker worker, Worker io) {
        return new WorkbenchSession(worker.call(compute::load), worker, io, true);
    }

    /** What the backend is, in a few words (e.g. "OpenBLAS 0.3.31 (2 threads)"). */
    public String backendDescription() { return core.la.description(); }

    /** An immediate session on the backend {@code compute} names (the command line). */
    public static WorkbenchSession immediate(Compute compute) {
        return immediate(compute.load());
    }

    public void addListener(SessionListener l) { core.listeners.add(l); }

    public void removeListener(SessionListener l) { core.listeners.remove(l); }

    /** The latest published state (any thread). */
    public SessionState state() { return core.state; }

    public LinearAlgebra linearAlgebra() { return core.la; }

    /** Loads the data {@code spec} names (its split; the limit is the configuration's); a failure keeps the previous data. */
    @CanIgnoreReturnValue
    public CompletableFuture<Void> load(DataSpec spec) {
        return core.tasks.task(TaskKind.LOAD, "Loading " + spec.source(), ctx -> {
            Dataset d = Datasets.load(spec.withLimit(0));
            ctx.check();
            core.discardTrainedSteps("loading other data");
            Work w = core.work;
            w.dataset = d;
            w.config = w.config.withData(spec);
            core.outOfCoreWhenLarge(w);
            w.pinned = new int[0];
            w.forgetDataFacts();
            core.rebuild(w);
            core.notice(Notice.info("Loaded " + d.name() + ": " + d.facts() + "."));
            return null;
        });
    }

    /**
     * Makes {@code c} the configuration (reloading the data when its source or split differ); the run
     * restarts from its initial state. Nothing happens when {@code c} is the configuration in force.
     */
    @CanIgnoreReturnValue
    public CompletableFuture<Void> configure(StarNetConfig c) {
        return configure(c, null);
    }

    /** {@link #configure(StarNetConfig)} on data already loaded for {@code c}'s data source ({@code preloaded}; null = load it). */
    @SuppressWarnings("ReferenceEquality") // the same loaded dataset, not an equal one: identity says nothing needs reloading
    @CanIgnoreReturnValue
    public CompletableFuture<Void> configure(StarNetConfig c, Dataset preloaded) {
        return core.tasks.task(TaskKind.PREPARE, "Setting up the model", ctx -> {
            Work w = core.work;
            if (preloaded == null && c.equals(w.config) && w.dataset != null && (w.run != null || !w.setup.problem().isEmpty() || SessionCore.hasErrors(w))) return null;
            boolean reload = w.dataset == null || c.data().readsOtherValuesThan(w.config.data());
            Dataset d = preloaded != null ? preloaded : reload ? Datasets.load(c.data().withLimit(0)) : w.dataset;
            ctx.check();
            core.discardTrainedSteps("changing the configuration");
            w = core.work;
            if (d != w.dataset) {
                w.pinned = new int[0];
                w.forgetDataFacts();
            }
            w.dataset = d;
            w.config = c;
            core.outOfCoreWhenLarge(w);
            core.rebuild(w);
            return null;
        });
    }

    /**
     * Sets up a run of {@code c} on {@code engine} over {@code dataset} (loaded already): all the data in use, or — with
     * {@code streamed} — its first rows, the engine reading every row from that file. For a whole run from a command.
     */
    @CanIgnoreReturnValue
    CompletableFuture<Void> configureRun(StarNetConfig c, Dataset dataset, starnet.model.EngineSpec engine, Streamed streamed) {
        return core.tasks.task(TaskKind.PREPARE, "Setting up the run", ctx -> {
            core.discardTrainedSteps("changing the configuration");
            Work w = core.work;
            w.pinned = new int[0];
            w.forgetDataFacts();
            w.dataset = dataset;
            w.streamed = streamed;
            w.engine = engine;
            w.config = c;
            core.rebuild(w);
            return null;
        });
    }

    /**
     * Makes {@code engine} the run setting: the run restarts on it from its initial state (trained steps are
     * discarded, as for any change of the configuration; Undo brings them back with their engine).
     */
    @CanIgnoreReturnValue
    public CompletableFuture<Void> setEngine(starnet.model.EngineSpec engine) {
        return core.tasks.task(TaskKind.PREPARE, "Setting up " + engine.words(), ctx -> {
            Work w = core.work;
            if (engine.equals(w.engine) && w.run != null) return null;
            if (engine.kind() == starnet.model.EngineKind.MEMORY && w.streamed != null) {
                throw new UserError("This data is read from a file, not held in memory; it trains out of core or on Spark.");
            }
            if (engine.kind() == starnet.model.EngineKind.SPARK && !SparkRuns.available()) {
                throw new UserError("Spark is not part of this workbench: start it from bin/starnet-spark (or with Spark on the class path) to train on Spark.");
            }
            core.discardTrainedSteps("changing where the run trains");
            w = core.work;
            w.engine = engine;
            core.rebuild(w);
            core.notice(Notice.info("The run trains " + engine.words() + " from now on."));
            return null;
        });
    }

    /** Frees what the session's runs hold (engines' files, native memory, cached partitions); the session is not used after. */
    public void close() {
        CompletableFuture<Void> done = core.tasks.task(TaskKind.PREPARE, "Closing", ctx -> {
            if (core.work.run != null) core.work.run.close();
            core.discards.closeAll();
            if (core.parked != null) {
                core.parked.discards().closeAll();
                if (core.parked.work().run != null) core.parked.work().run.close();
            }
            SparkRuns.stop(); // the window's Spark context, if a run started one: its executors go with the window
            return null;
        });
        done.exceptionally(e -> null);
    }

    /** Starts the run again from its initial state (the trained steps can be brought back by {@link #undoDiscard()}). */
    @CanIgnoreReturnValue
    public CompletableFuture<Void> reset() {
        return core.tasks.task(TaskKind.PREPARE, "Resetting the model", ctx -> {
            core.discardTrainedSteps("Reset");
            core.rebuild(core.work);
            return null;
        });
    }

    /** Defaults and the MNIST sample, untitled. */
    @CanIgnoreReturnValue
    public CompletableFuture<Void> newSession() {
        return core.tasks.task(TaskKind.PREPARE, "New session", ctx -> {
            Dataset d = Datasets.load(DataSpec.defaults());
            core.discardTrainedSteps("New session");
            Work w = core.work.successor();
            core.work = w;
            w.config = StarNetConfig.defaults();
            w.dataset = d;
            w.identity = FileIdentity.UNTITLED;
            w.pinned = new int[0];
            w.forgetDataFacts();
            core.rebuild(w);
            return null;
        });
    }

    /** Shows other items (rows below the number of datapoints in use); the model stays, the history restarts from now. */
    @CanIgnoreReturnValue
    public CompletableFuture<Void> setPinned(int[] rows) {
        int[] copy = rows.clone();
        return core.tasks.task(TaskKind.PREPARE, "Pinning items", ctx -> {
            Work w = core.work;
            if (w.dataset == null || copy.length == 0) return null;
            for (int r : copy) {
                if (r < 0 || r >= w.datapoints) {
                    throw new UserError("Item " + r + " is not among the " + w.datapoints + " datapoints in use; pick rows 0–" + (w.datapoints - 1) + ".");
                }
            }
            w.pinned = copy;
            if (w.run != null) {
                w.run = w.run.withPinned(copy, 0);
                w.log.history.clear();
                w.log.history.add(w.run.snapshot(null));
            }
            core.changed(w);
            return null;
        });
    }

    /** Pins {@link #DEFAULT_PINNED} random items, seeded by the configuration's seed and {@code salt}. */
    @CanIgnoreReturnValue
    public CompletableFuture<Void> pinRandom(long salt) {
        SessionState s = core.state;
        int n = Math.min(DEFAULT_PINNED, s.datapoints());
        SplittableRandom r = new SplittableRandom(s.config().training().seed() * 31 + salt);
        Set<Integer> rows = new LinkedHashSet<>();
        while (rows.size() < n) rows.add(r.nextInt(s.datapoints()));
        return setPinned(rows.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Training runs stop by themselves at these points (none by default); any thread. */
    public void setStopPoints(Set<StopPoint> points) {
        training.stopPoints = points.isEmpty() ? Set.of() : java.util.EnumSet.copyOf(points);
    }

    /** Stops the running task (a training run within its current solve); the state stays as after the last completed solve. */
    public void pause() {
        core.tasks.cancelRunning();
    }

    /** Cancels a running or waiting task. */
    public void cancel(long taskId) {
        core.tasks.cancel(taskId);
    }

    /**
     * Sets the current work aside untouched — trained or not, saved or not, with its undo history and delay — and
     * continues on fresh, untitled work with the same data, for a lesson; {@link #unpark()} gives it back exactly.
     */
    @CanIgnoreReturnValue
    public CompletableFuture<Void> park() {
        return core.tasks.task(TaskKind.PREPARE, "Setting your work aside for the lesson", ctx -> {
            if (core.parked != null) throw new UserError("Your work is set aside already; leave the lesson to get it back.");
            core.parked = new SessionCore.Parked(core.work, core.discards, core.stepDelayMillis.get());
            Work fresh = new Work(core.work.config);
            fresh.dataset = core.work.dataset;
            fresh.datapoints = core.work.datapoints;
            fresh.revision = ++core.revisions;
            core.work = fresh;
            core.discards = new Discards();
            core.stepDelayMillis.set(0);
            core.rebuild(fresh);
            return null;
        });
    }

    /** Gives back the work {@link #park()} set aside, exactly as it was; what was done meanwhile is dropped. */
    @CanIgnoreReturnValue
    public CompletableFuture<Void> unpark() {
        return core.tasks.task(TaskKind.PREPARE, "Bringing your work back", ctx -> {
            SessionCore.Parked p = core.parked;
            if (p == null) return null;
            core.parked = null;
            core.discards.closeAll();
            if (core.work.run != null && core.work.run != p.work().run && !p.discards().holds(core.work.run)) core.work.run.close();
            core.work = p.work();
            core.discards = p.discards();
            core.stepDelayMillis.set(p.stepDelayMillis());
            core.publish();
            core.notice(Notice.info("Your work is back as you left it: " + core.work.log.steps.size() + " trained steps."));
            return null;
        });
    }

    /** Brings back the work the last discard replaced (model, history, charts, configuration, data and file); Redo takes it back again. */
    @CanIgnoreReturnValue
    public CompletableFuture<Void> undoDiscard() {
        return core.tasks.task(TaskKind.PREPARE, "Undo", ctx -> {
            Discards.Entry back = core.discards.undo(core.work, replacedBy(core.work, "Undo"));
            if (back == null) throw new UserError("There is nothing to undo.");
            core.work = back.work();
            core.publish();
            core.notice(Notice.info("Brought back " + back.what() + ". Edit → Redo (Ctrl+Shift+Z) takes the work before it back."));
            return null;
        });
    }

    /** Takes back the work the last Undo replaced. */
    @CanIgnoreReturnValue
    public CompletableFuture<Void> redoDiscard() {
        return core.tasks.task(TaskKind.PREPARE, "Redo", ctx -> {
            Discards.Entry again = core.discards.redo(core.work, replacedBy(core.work, "Redo"));
            if (again == null) throw new UserError("There is nothing to redo.");
            core.work = again.work();
            core.publish();
            core.notice(Notice.info("Brought back " + again.what() + "."));
            return null;
        });
    }

    private static String replacedBy(Work w, String action) {
        return w.log.steps.isEmpty() ? "the untrained model replaced by " + action : "the " + w.log.steps.size() + " trained steps replaced by " + action;
    }

    /** Writes something made from a session's contents (on the I/O worker). */
    @FunctionalInterface
    public interface ContentsWriter {
        /** @param image the session as it would be saved now (immutable) */
        void write(SessionFile.Session image) throws IOException;
    }

    /** What a research job may read: the trainer (never step it), the data in use, the configuration and the backend. */
    record WorkView(StarNetTrainer trainer, Dataset dataset, StarNetConfig config, LinearAlgebra la) {}

    /** The jobs on the trained model: generation, refinement, scores, experiments. */
    public ResearchJobs research() { return research; }

    /** A research job's inputs and its task context. */
    record ResearchJob(WorkView view, TaskContext context) {}

    /**
     * Whether each step also measures held-out items (the loss chart's held-out curve; paper Lemma 3). On in the window;
     * off for the command line, whose files do not carry the curve (it cost 13 % of a `train` run on the MNIST sample).
     */
    public void setHeldOutCurve(boolean on) { training.heldOutCurve = on; }

    /** While on, every training step's system is inspected as it is solved (costs a Gram eigen-decomposition and a residual pass per step). */
    public void setInspectEveryStep(boolean on) { training.inspectEveryStep = on; }

    /** While on, the latent map follows training: a PCA map of the newest step's latents after every step. */
    public void setLiveLatentMap(boolean on) { training.liveLatentMap = on; }

    /** The steps of the current run so far (a copy; any thread, from the last published state). */
    public List<StepResult> steps() { return new ArrayList<>(core.state.steps()); }

    // ---- training (SessionTraining) ----

    /** Runs a training command as a background task, publishing a state after every solve; {@link #pause()} stops it within the solve. */
    @CanIgnoreReturnValue
    public CompletableFuture<Void> run(TrainAction command) { return training.run(command); }

    /** Waits this long after each solve of a run (for watching step by step); 0 = none. */
    public void setStepDelayMillis(long ms) { core.stepDelayMillis.set(Math.max(0, ms)); }

    /** Writes an autosave at every layer boundary and at most every minute while training; null = off. */
    public void setAutosave(Autosave a) { training.autosave = a; }

    /** Writes an autosave now if the work differs from its file and from the last autosave (taken between two solves). */
    public void autosaveNow() { training.autosaveNow(); }

    /**
     * Keeps a finished run's latents — when its rows were read from a file, so that its session holds none — as files under
     * {@code dir} written by the machines that hold them, and names them in its session where {@code place} puts them
     * (called on the session's worker with the files written; it returns them where they are then); null when its engine
     * does not write them (the session then holds no latents, as before).
     */
    CompletableFuture<starnet.model.LatentFiles> keepFinalLatents(String dir, java.util.function.UnaryOperator<starnet.model.LatentFiles> place) {
        return core.tasks.task(TaskKind.SAVE, "Keeping the run's latents", ctx -> {
            Work w = core.work;
            starnet.model.LatentFiles f = w.run == null || w.streamed == null ? null : w.run.keepFinalLatents(dir);
            w.finalLatents = f == null ? null : place.apply(f);
            return w.finalLatents;
        });
    }

    /** An image for the autosave set now, whether or not the work changed (a batch run's image as it starts). */
    void imageNow() { training.imageNow(); }

    // ---- files (SessionStorage) ----

    /** Saves everything needed to reopen exactly here, atomically; the contents are taken between two solves, the write runs on the I/O worker. */
    @CanIgnoreReturnValue
    public CompletableFuture<Path> save(Path file) { return storage.save(file); }

    /** Writes something made from the session as it would be saved now (a figure, the model, the metrics) as a background task. */
    @CanIgnoreReturnValue
    public CompletableFuture<Void> export(String title, ContentsWriter writer) { return storage.export(title, writer); }

    /** The session as it would be saved now (taken between two solves), for exports. */
    @CanIgnoreReturnValue
    public CompletableFuture<SessionFile.Session> contents() { return storage.contents(); }

    /** How many trained steps the session file {@code file} holds (−1 when it is not one): asked before replacing it. */
    public static int stepsIn(Path file) {
        return SessionFile.stepsIn(file);
    }

    /** Opens a saved session: the data is reloaded and checked against the file, the run continues where it was. */
    @CanIgnoreReturnValue
    public CompletableFuture<Void> open(Path file) { return storage.open(file); }

    /** Opens {@code file} to continue its run on {@code engine} (how a stopped batch run is resumed). */
    @CanIgnoreReturnValue
    CompletableFuture<Void> openOn(Path file, starnet.model.EngineSpec engine) { return storage.openOn(file, engine); }

    /** Opens an autosave: the work comes back untitled and unsaved. */
    @CanIgnoreReturnValue
    public CompletableFuture<Void> recover(Path autosaveFile) { return storage.recover(autosaveFile); }

    /** Keeps the run as it stands for comparison: writes its session contents to {@code file} and returns it as a run named {@code name}. */
    @CanIgnoreReturnValue
    public CompletableFuture<starnet.model.RunRecord> keepRun(String name, Path file) { return storage.keepRun(name, file); }

    /** The run as it stands, named {@code name}, for comparison (not written anywhere). */
    @CanIgnoreReturnValue
    public CompletableFuture<starnet.model.RunRecord> currentRun(String name) { return storage.currentRun(name); }

    /** Writes the run's model, session and figure into {@code folder} (a run folder being staged). */
    @CanIgnoreReturnValue
    CompletableFuture<RunFolder.Written> writeRunFolder(starnet.io.StagedFolder folder, Runs.Progress progress) { return storage.writeRunFolder(folder, progress); }

    /** Where the current model comes from (data, engine, backends, precision), as its files will record it. */
    @CanIgnoreReturnValue
    public CompletableFuture<starnet.model.Provenance> provenance() { return storage.provenance(); }

    // ---- jobs that read the model (SessionAnalysis) ----

    /** Runs {@code job} as a cancellable background task on the current model; its result completes the future. */
    @CanIgnoreReturnValue
    <T> CompletableFuture<T> researchTask(TaskKind kind, String title, Function<ResearchJob, T> job) { return analysis.researchTask(kind, title, job); }

    /** The PCA of the data in use once computed, else null (worker). */
    Pca pcaFitted() { return analysis.pcaFitted(); }

    /** Opens one item: its image, current reconstruction and latest residual. */
    @CanIgnoreReturnValue
    public CompletableFuture<ItemDetail> inspect(int row) { return analysis.inspect(row); }

    /** Fits PCA to the data in use (for the bound on the loss chart and the PCA row of the grid); kept until the data changes. */
    @CanIgnoreReturnValue
    public CompletableFuture<starnet.model.PcaBound> computePca() { return analysis.computePca(); }

    /** Fig. 6's references for the data and architecture in use: PCA at the code width and an Adam autoencoder of the same widths. */
    @CanIgnoreReturnValue
    public CompletableFuture<Baselines> computeBaselines() { return analysis.computeBaselines(); }

    /** Continues from a refined model of the same shape (the run becomes finished with {@code decoder} and {@code codes}). */
    @CanIgnoreReturnValue
    public CompletableFuture<Void> adoptRefined(Decoder decoder, Matrix codes, String label) { return analysis.adoptRefined(decoder, codes, label); }

    /** Inspects the newest step's system and keeps the result with the run. */
    @CanIgnoreReturnValue
    public CompletableFuture<starnet.model.SystemInspection> inspectNewestSystem() { return analysis.inspectNewestSystem(); }

    /** Maps the newest step's latents (the codes h₀ once training is done) to 2D and keeps the map with the run. */
    @CanIgnoreReturnValue
    public CompletableFuture<starnet.model.LatentMap> latentMap(starnet.model.Projection p) { return analysis.latentMap(p); }

    /** Runs a sweep on the data in use into {@code dir} (resuming what is there); {@code onRow} gets each row on the worker. */
    @CanIgnoreReturnValue
    public CompletableFuture<List<starnet.model.SweepRow>> sweep(starnet.model.SweepPlan plan, Path dir, java.util.function.Consumer<starnet.model.SweepRow> onRow) {
        return analysis.sweep(plan, dir, onRow);
    }

    /** Each run's reconstruction of the pinned items in use (their codes inferred through its decoder); null where the images differ. */
    @CanIgnoreReturnValue
    public CompletableFuture<List<Matrix>> reconstructPinned(List<starnet.model.RunRecord> runs) { return analysis.reconstructPinned(runs); }
}
