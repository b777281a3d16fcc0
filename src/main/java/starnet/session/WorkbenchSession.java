package starnet.session;

import starnet.baseline.Autoencoder;
import starnet.baseline.Pca;
import starnet.model.Dataset;
import starnet.data.Datasets;
import starnet.model.IoMessages;
import starnet.io.SessionFile;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.DataSpec;
import starnet.model.Baselines;
import starnet.model.Decoder;
import starnet.model.DeterminednessReport;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;
import starnet.model.TrainingSnapshot;
import starnet.training.Cancellation;
import starnet.training.CancelledException;
import starnet.training.Engines;
import starnet.training.LayerSystem;
import starnet.training.StarNetTrainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
 */
public final class WorkbenchSession {
    /** Items shown in the reconstruction grids unless others are pinned. */
    public static final int DEFAULT_PINNED = 12;
    /** Snapshots kept for the step slider; older ones are dropped (the first is kept). */
    public static final int HISTORY_LIMIT = 400;
    /** While training, an autosave at most this often (and at every layer boundary). */
    public static final long AUTOSAVE_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(60);

    private final LinearAlgebra la;
    private final Worker worker;
    private final Worker io;
    private final boolean interactive;
    private final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    private final TaskRunner tasks;
    private final ResearchJobs research = new ResearchJobs(this);
    private final AtomicLong stepDelayMillis = new AtomicLong();
    private final Object publishLock = new Object();
    private volatile Autosave autosave;
    private volatile boolean inspectEveryStep;
    private volatile boolean heldOutCurve;
    private volatile boolean liveLatentMap;
    private volatile Set<StopPoint> stopPoints = Set.of();
    private volatile TrainAction activeCommand;
    private volatile SessionState state = SessionState.empty();

    // worker-confined
    private Work work = new Work(StarNetConfig.defaults());
    private Work discarded;
    private String discardedWhat;
    private long revisions;
    private long lastAutosave = System.nanoTime();
    private long autosavedRevision = -1;

    /**
     * @param worker      where the session's state lives and its tasks run
     * @param io          where saves are written (so a save never waits for a solve)
     * @param interactive reserve memory and warm up at set-up so the first steps run smoothly (the window)
     */
    public WorkbenchSession(LinearAlgebra la, Worker worker, Worker io, boolean interactive) {
        this.la = la;
        this.worker = worker;
        this.io = io;
        this.interactive = interactive;
        this.heldOutCurve = interactive;
        this.tasks = new TaskRunner(worker, io, this::publishTasks, this::notice);
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

    /** Where the current model comes from (data, engine, backends, precision), as its files will record it. */
    public CompletableFuture<starnet.model.Provenance> provenance() {
        return tasks.task(TaskKind.INSPECT, "Where the model comes from", ctx -> {
            Work w = work;
            if (w.run == null) throw new UserError("Load a dataset and make a valid model first.");
            return w.run.provenance(w.config, w.datapoints, w.streamed == null ? w.contentHash() : "");
        });
    }

    /** What the backend is, in a few words (e.g. "OpenBLAS 0.3.31 (2 threads)"). */
    public String backendDescription() { return la.description(); }

    /** An immediate session on the backend {@code compute} names (the command line). */
    public static WorkbenchSession immediate(Compute compute) {
        return immediate(compute.load());
    }

    public void addListener(SessionListener l) { listeners.add(l); }

    public void removeListener(SessionListener l) { listeners.remove(l); }

    /** The latest published state (any thread). */
    public SessionState state() { return state; }

    public LinearAlgebra linearAlgebra() { return la; }

    /** Waits this long after each solve of a run (for watching step by step); 0 = none. */
    public void setStepDelayMillis(long ms) { stepDelayMillis.set(Math.max(0, ms)); }

    /** Writes an image at every layer boundary and at most every minute while training; null = off. */
    public void setAutosave(Autosave a) { autosave = a; }

    // =====================================================================================
    // Data and configuration
    // =====================================================================================

    /** Loads the data {@code spec} names (its split; the limit is the configuration's); a failure keeps the previous data. */
    public CompletableFuture<Void> load(DataSpec spec) {
        return tasks.task(TaskKind.LOAD, "Loading " + spec.source(), ctx -> {
            Dataset d = Datasets.load(spec.withLimit(0));
            ctx.check();
            discardTrainedSteps("loading other data");
            Work w = work;
            w.dataset = d;
            w.config = w.config.withData(spec);
            outOfCoreWhenLarge(w);
            w.pinned = new int[0];
            w.forgetDataFacts();
            rebuild(w);
            notice(Notice.info("Loaded " + d.name() + ": " + d.facts() + "."));
            return null;
        });
    }

    /**
     * Makes {@code c} the configuration (reloading the data when its source or split differ); the run
     * restarts from its initial state. Nothing happens when {@code c} is the configuration in force.
     */
    public CompletableFuture<Void> configure(StarNetConfig c) {
        return configure(c, null);
    }

    /** {@link #configure(StarNetConfig)} on data already loaded for {@code c}'s data source ({@code preloaded}; null = load it). */
    public CompletableFuture<Void> configure(StarNetConfig c, Dataset preloaded) {
        return tasks.task(TaskKind.PREPARE, "Setting up the model", ctx -> {
            Work w = work;
            if (preloaded == null && c.equals(w.config) && w.dataset != null && (w.run != null || !w.problem.isEmpty() || hasErrors(w))) return null;
            boolean reload = w.dataset == null || c.data().readsOtherValuesThan(w.config.data());
            Dataset d = preloaded != null ? preloaded : reload ? Datasets.load(c.data().withLimit(0)) : w.dataset;
            ctx.check();
            discardTrainedSteps("changing the configuration");
            w = work;
            if (d != w.dataset) {
                w.pinned = new int[0];
                w.forgetDataFacts();
            }
            w.dataset = d;
            w.config = c;
            outOfCoreWhenLarge(w);
            rebuild(w);
            return null;
        });
    }

    /**
     * A run in memory whose data would take more than its share of the heap trains out of core instead (as the command
     * line's train does), with a notice; another engine chosen by the person stays.
     */
    private void outOfCoreWhenLarge(Work w) {
        if (w.engine.kind() != starnet.model.EngineKind.MEMORY || w.dataset == null) return;
        int limit = w.config.data().limit();
        long values = (long) (limit > 0 ? Math.min(limit, w.dataset.size()) : w.dataset.size()) * w.dataset.pixels();
        if (values * 8 <= Runs.heapBudget()) return;
        w.engine = starnet.model.EngineSpec.store(null, starnet.model.StoragePrecision.F32);
        notice(Notice.info(String.format("The data (%.1f GB as doubles) is large for this window's memory (%.1f GB): the run trains out of core, "
                + "with the latents on disk.", values * 8 / 1e9, Runtime.getRuntime().maxMemory() / 1e9)));
    }

    /**
     * Sets up a run of {@code c} on {@code engine} over {@code dataset} (loaded already): all the data in use, or — with
     * {@code streamed} — its first rows, the engine reading every row from that file. For a whole run from a command.
     */
    CompletableFuture<Void> configureRun(StarNetConfig c, Dataset dataset, starnet.model.EngineSpec engine, Streamed streamed) {
        return tasks.task(TaskKind.PREPARE, "Setting up the run", ctx -> {
            discardTrainedSteps("changing the configuration");
            Work w = work;
            w.pinned = new int[0];
            w.forgetDataFacts();
            w.dataset = dataset;
            w.streamed = streamed;
            w.engine = engine;
            w.config = c;
            rebuild(w);
            return null;
        });
    }

    /**
     * Makes {@code engine} the run setting: the run restarts on it from its initial state (trained steps are
     * discarded, as for any change of the configuration; Undo brings them back with their engine).
     */
    public CompletableFuture<Void> setEngine(starnet.model.EngineSpec engine) {
        return tasks.task(TaskKind.PREPARE, "Training " + engine.words(), ctx -> {
            Work w = work;
            if (engine.equals(w.engine) && w.run != null) return null;
            if (engine.kind() == starnet.model.EngineKind.MEMORY && w.streamed != null) {
                throw new UserError("This data is read from a file, not held in memory; it trains out of core or on Spark.");
            }
            if (engine.kind() == starnet.model.EngineKind.SPARK && !SparkRuns.available()) {
                throw new UserError("Spark is not part of this workbench: start it from bin/starnet-spark (or with Spark on the class path) to train on Spark.");
            }
            discardTrainedSteps("changing where the run trains");
            w = work;
            w.engine = engine;
            rebuild(w);
            notice(Notice.info("The run trains " + engine.words() + " from now on."));
            return null;
        });
    }

    /** Writes the run's model, session and figure into {@code folder} (a run folder being staged). */
    CompletableFuture<RunFolder.Written> writeRunFolder(starnet.io.StagedFolder folder, Runs.Progress progress) {
        return tasks.task(TaskKind.SAVE, "Writing the run folder", ctx -> {
            try {
                return RunFolder.write(work, folder, progress);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Frees what the session's runs hold (engines' files, native memory, cached partitions); the session is not used after. */
    public void close() {
        CompletableFuture<Void> done = tasks.task(TaskKind.PREPARE, "Closing", ctx -> {
            if (work.run != null) work.run.close();
            if (discarded != null && discarded.run != null) discarded.run.close();
            return null;
        });
        done.exceptionally(e -> null);
    }

    /** Starts the run again from its initial state (the trained steps can be brought back by {@link #undoDiscard()}). */
    public CompletableFuture<Void> reset() {
        return tasks.task(TaskKind.PREPARE, "Resetting the model", ctx -> {
            discardTrainedSteps("Reset");
            rebuild(work);
            return null;
        });
    }

    /** Defaults and the MNIST sample, untitled. */
    public CompletableFuture<Void> newSession() {
        return tasks.task(TaskKind.PREPARE, "New session", ctx -> {
            Dataset d = Datasets.load(DataSpec.defaults());
            discardTrainedSteps("New session");
            Work w = work.successor();
            work = w;
            w.config = StarNetConfig.defaults();
            w.dataset = d;
            w.file = null;
            w.pinned = new int[0];
            w.forgetDataFacts();
            rebuild(w);
            return null;
        });
    }

    /** Shows other items (rows below the number of datapoints in use); the model stays, the history restarts from now. */
    public CompletableFuture<Void> setPinned(int[] rows) {
        int[] copy = rows.clone();
        return tasks.task(TaskKind.PREPARE, "Pinning items", ctx -> {
            Work w = work;
            if (w.dataset == null || copy.length == 0) return null;
            for (int r : copy) {
                if (r < 0 || r >= w.datapoints) {
                    throw new UserError("Item " + r + " is not among the " + w.datapoints + " datapoints in use; pick rows 0–" + (w.datapoints - 1) + ".");
                }
            }
            w.pinned = copy;
            if (w.run != null) {
                w.run = w.run.withPinned(copy, 0);
                w.history.clear();
                w.history.add(w.run.snapshot(null));
            }
            changed(w);
            return null;
        });
    }

    /** Pins {@link #DEFAULT_PINNED} random items, seeded by the configuration's seed and {@code salt}. */
    public CompletableFuture<Void> pinRandom(long salt) {
        SessionState s = state;
        int n = Math.min(DEFAULT_PINNED, s.datapoints());
        SplittableRandom r = new SplittableRandom(s.config().training().seed() * 31 + salt);
        Set<Integer> rows = new LinkedHashSet<>();
        while (rows.size() < n) rows.add(r.nextInt(s.datapoints()));
        return setPinned(rows.stream().mapToInt(Integer::intValue).toArray());
    }

    /** Plan, report and a fresh run for the work's configuration and data (on the worker). */
    private void rebuild(Work w) {
        worker.checkOnWorker();
        if (w.run != null && (discarded == null || discarded.run != w.run)) w.run.close();
        w.plan = null;
        w.report = null;
        w.problem = "";
        w.run = null;
        w.history.clear();
        w.steps.clear();
        w.heldOut.clear();
        w.inspections.clear();
        w.latentMap = null;
        Dataset d = w.dataset;
        if (d != null) {
            int limit = w.config.data().limit();
            int n = w.streamed != null ? (int) w.streamed.rows() : limit > 0 ? Math.min(limit, d.size()) : d.size();
            int shown = Math.min(n, d.size()); // rows whose images are in the heap: all, or the first ones of streamed data
            if (n != w.datapoints) w.forgetDataFacts();
            w.datapoints = n;
            if (w.pinned.length == 0 || java.util.Arrays.stream(w.pinned).anyMatch(r -> r >= shown)) w.pinned = d.representativeRows(DEFAULT_PINNED, shown);
            try {
                w.plan = List.copyOf(w.config.architecture().plan(d.channels(), d.height(), d.width()));
                w.report = DeterminednessReport.forDecoder(w.plan, n, w.config.architecture().slope(), w.config.training());
            } catch (IllegalArgumentException e) {
                w.problem = e.getMessage() + " (images are " + d.channels() + "×" + d.height() + "×" + d.width() + ")";
            }
            changed(w); // the report shows before the (slower) set-up
            if (w.problem.isEmpty() && !w.report.hasErrors()) {
                try {
                    TrainingRun run = TrainingRun.start(w.config, d, n, w.streamed, w.pinned, w.engine, la, interactive);
                    if (w.config.architecture().isConv()) w.report = w.report.withRank(run.trainer().decoder(), la);
                    if (!w.report.hasErrors()) {
                        w.run = run;
                        w.history.add(run.snapshot(null));
                        if (interactive) warmUpWhenIdle(w, run);
                    }
                } catch (IllegalArgumentException | UserError e) {
                    w.problem = e.getMessage();
                }
            }
        }
        changed(w);
    }

    /** After this task (the first model is shown by then), a JIT warm-up on the worker that yields to any command. */
    private void warmUpWhenIdle(Work w, TrainingRun run) {
        StarNetConfig c = w.config;
        Dataset d = w.dataset;
        Cancellation yield = () -> !tasks.list().isEmpty() || work.run != run;
        worker.submit(() -> run.warmUp(c, d, la, yield));
    }

    private static boolean hasErrors(Work w) {
        return w.report != null && w.report.hasErrors();
    }

    // =====================================================================================
    // Training
    // =====================================================================================

    /** Runs a training command as a background task, publishing a state after every solve; {@link #pause()} stops it within the solve. */
    public CompletableFuture<Void> run(TrainAction command) {
        return tasks.task(TaskKind.TRAIN, command.label(), ctx -> {
            Work w = work;
            String blocked = state.trainBlockedReason();
            if (!blocked.isEmpty()) throw new UserError(blocked);
            TrainingRun run = w.run;
            StarNetTrainer t = run.trainer();
            int total = Math.max(1, w.config.architecture().depth() * w.config.training().maxEpochs() * 2);
            activeCommand = command;
            publish();
            StopPoint[] stoppedAt = new StopPoint[1];
            TaskContext runContext = new TaskContext() {
                @Override public boolean isCancelled() { return stoppedAt[0] != null || ctx.isCancelled(); }
                @Override public void progress(double fraction, String detail) { ctx.progress(fraction, detail); }
            };
            LayerSystem evaluation = Engines.layerSystem(w.config, la);
            t.setListener(r -> {
                w.steps.add(r);
                w.heldOut.add(heldOutCurve ? HeldOutItems.outputMse(w, t, r, evaluation) : Double.NaN); // the step is committed already
                Exploring.afterStep(w, t, evaluation, inspectEveryStep, liveLatentMap);
                w.history.add(run.snapshot(r));
                if (w.history.size() > HISTORY_LIMIT) w.history.subList(1, w.history.size() - HISTORY_LIMIT + 1).clear();
                for (SessionListener l : listeners) l.stepDone(r);
                changed(w);
                ctx.progress(Math.min(1, w.steps.size() / (double) total), r.summary());
                tasks.drainSafePoint();
                autosaveIfDue(r.layerDone());
                stoppedAt[0] = stopAfter(r, t);
                if (stoppedAt[0] == null) pauseBetweenSteps(ctx);
            });
            try {
                switch (command) {
                    case STEP_SL -> t.stepLatents(runContext);
                    case STEP_SW -> t.stepWeights(runContext);
                    case STEP_EPOCH -> t.stepEpoch(runContext);
                    case TRAIN_LAYER -> t.trainLayer(runContext);
                    case TRAIN_ALL -> t.trainAll(runContext);
                }
            } catch (CancelledException e) {
                if (stoppedAt[0] == null || ctx.isCancelled()) throw e;
                notice(Notice.info("Stopped " + stoppedAt[0].words() + ", as asked: " + stopStory(t) + " Press Play to continue."));
            } finally {
                t.setListener(null);
                activeCommand = null;
                publish();
            }
            return null;
        });
    }

    /** The narration stop that {@code r} reaches, if it is asked for and training goes on after it; else null. */
    private StopPoint stopAfter(StepResult r, StarNetTrainer t) {
        if (t.isFinished()) return null;
        Set<StopPoint> stops = stopPoints;
        if (r.layerDone() && stops.contains(StopPoint.LAYER_END)) return StopPoint.LAYER_END;
        return t.closedEpoch(r) && stops.contains(StopPoint.EPOCH_END) ? StopPoint.EPOCH_END : null;
    }

    /** Where the run stands, in words, for the notice of a narration stop. */
    private static String stopStory(StarNetTrainer t) {
        return "layer " + t.currentLayer() + " is next, " + t.epochsDone() + " epoch" + (t.epochsDone() == 1 ? "" : "s") + " done on it.";
    }

    /** Training runs stop by themselves at these points (none by default); any thread. */
    public void setStopPoints(Set<StopPoint> points) {
        stopPoints = points.isEmpty() ? Set.of() : java.util.EnumSet.copyOf(points);
    }

    private void pauseBetweenSteps(TaskContext ctx) {
        long until = System.currentTimeMillis() + stepDelayMillis.get();
        while (System.currentTimeMillis() < until) {
            ctx.check();
            try {
                Thread.sleep(Math.min(20, Math.max(1, until - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }
    }

    /** Stops the running task (a training run within its current solve); the state stays as after the last completed solve. */
    public void pause() {
        tasks.cancelRunning();
    }

    /** Cancels a running or waiting task. */
    public void cancel(long taskId) {
        tasks.cancel(taskId);
    }

    // =====================================================================================
    // Discard and undo
    // =====================================================================================

    /** Keeps the current work for undo when it has trained steps, and continues on a copy without them. */
    private void discardTrainedSteps(String why) {
        worker.checkOnWorker();
        if (work.steps.isEmpty()) return;
        if (discarded != null && discarded.run != null) discarded.run.close();
        discarded = work;
        discardedWhat = "the " + work.steps.size() + " trained steps discarded by " + why;
        work = work.successor();
        work.revision = ++revisions;
        notice(Notice.info("Discarded " + discarded.steps.size() + " trained steps (" + why + "). Edit → Undo (Ctrl+Z) brings them back."));
    }

    /** Brings back the work the last discard replaced (model, history, charts, configuration, data and file). */
    public CompletableFuture<Void> undoDiscard() {
        return tasks.task(TaskKind.PREPARE, "Undo", ctx -> {
            if (discarded == null) throw new UserError("There is nothing to undo.");
            Work back = discarded;
            String what = discardedWhat;
            discarded = null;
            discardedWhat = null;
            if (work.run != null && work.run != back.run) work.run.close();
            work = back;
            publish();
            notice(Notice.info("Brought back " + what + "."));
            return null;
        });
    }

    // =====================================================================================
    // Files
    // =====================================================================================

    /** Saves everything needed to reopen exactly here, atomically; the image is taken between two solves, the write runs on the I/O worker. */
    public CompletableFuture<Path> save(Path file) {
        return tasks.ioTask(TaskKind.SAVE, "Saving " + file.getFileName(), () -> capture("save"), c -> {
            try {
                SessionFile.write(file, c.image());
            } catch (IOException | RuntimeException e) {
                AppLog.error("saving " + file, e);
                String why = e instanceof IOException io ? IoMessages.describe(io) : "an internal error (details are in the log)";
                throw new UserError("Could not save to " + file + ": " + why + ". Nothing was lost: the previous file, if any, is unchanged.");
            }
            worker.submit(() -> {
                c.work().file = file;
                c.work().savedRevision = c.revision();
                publish();
                notice(Notice.info("Saved the session to " + file + "."));
            });
            return file;
        });
    }

    /** Writes something made from the session as it would be saved now (a figure, the model, the metrics) as a background task. */
    public CompletableFuture<Void> export(String title, ImageWriter writer) {
        return tasks.ioTask(TaskKind.EXPORT, title, () -> capture("export"), c -> {
            writer.write(c.image());
            return null;
        });
    }

    /** Writes something made from a session image (on the I/O worker). */
    @FunctionalInterface
    public interface ImageWriter {
        /** @param image the session as it would be saved now (immutable) */
        void write(SessionFile.Session image) throws IOException;
    }

    /** An image of the work at one revision. */
    private record Captured(SessionFile.Session image, long revision, Work work) {}

    private TaskRunner.Capture<Captured> capture(String what) {
        Work w = work;
        if (w.run == null || w.dataset == null) return TaskRunner.Capture.nothing("Nothing to " + what + " yet: load a dataset and make a valid model first.");
        return TaskRunner.Capture.of(new Captured(image(w), w.revision, w));
    }

    /** Writes an autosave image now if the work differs from its file and from the last autosave (taken between two solves). */
    public void autosaveNow() {
        tasks.atSafePoint(() -> {
            Autosave a = autosave;
            if (a != null && work.run != null && work.dirty() && work.revision != autosavedRevision) offerAutosave(a);
        });
    }

    private void autosaveIfDue(boolean layerDone) {
        Autosave a = autosave;
        if (a != null && (layerDone || System.nanoTime() - lastAutosave >= AUTOSAVE_INTERVAL_NANOS)) offerAutosave(a);
    }

    private void offerAutosave(Autosave a) {
        lastAutosave = System.nanoTime();
        autosavedRevision = work.revision;
        if (!work.run.fitsASessionImage()) {
            if (!work.autosaveSkipped) notice(Notice.info("No autosave for this run: its latents are on disk and larger than memory holds; "
                    + "the model can still be exported (File → Export)."));
            work.autosaveSkipped = true;
            return;
        }
        try {
            a.offer(image(work));
        } catch (RuntimeException | OutOfMemoryError e) { // an autosave never stops the training it protects
            AppLog.error("taking an autosave image", e);
        }
    }

    private SessionFile.Session image(Work w) {
        worker.checkOnWorker();
        return SessionImages.image(w);
    }

    /** The session as it would be saved now (taken between two solves), for exports. */
    public CompletableFuture<SessionFile.Session> image() {
        CompletableFuture<SessionFile.Session> f = new CompletableFuture<>();
        tasks.atSafePoint(() -> {
            if (work.run == null) f.completeExceptionally(new UserError("load a dataset and make a valid model first"));
            else f.complete(image(work));
        });
        return f;
    }

    /** Opens a saved session: the data is reloaded and checked against the file, the run continues where it was. */
    public CompletableFuture<Void> open(Path file) {
        return openAs(file, false);
    }

    /** Opens an autosave: the work comes back untitled and unsaved. */
    public CompletableFuture<Void> recover(Path autosaveFile) {
        return openAs(autosaveFile, true);
    }

    private CompletableFuture<Void> openAs(Path file, boolean recovered) {
        return tasks.task(TaskKind.OPEN, (recovered ? "Recovering " : "Opening ") + file.getFileName(), ctx -> {
            Work w = SessionImages.restore(file, la, ctx);
            discardTrainedSteps("opening " + file.getFileName());
            w.revision = ++revisions;
            w.file = recovered ? null : file;
            w.savedRevision = recovered ? -1 : w.revision;
            work = w;
            publish();
            notice(Notice.info((recovered ? "Recovered the autosaved work: " : "Opened " + file.getFileName() + ": ")
                    + w.steps.size() + " steps, " + w.dataset.name() + "."));
            return null;
        });
    }

    // =====================================================================================
    // Research: jobs that read the model
    // =====================================================================================

    /** What a research job may read: the trainer (never step it), the data in use, the configuration and the backend. */
    record WorkView(StarNetTrainer trainer, Dataset dataset, StarNetConfig config, LinearAlgebra la) {}

    /** Runs {@code job} as a cancellable background task on the current model; its result completes the future. */
    <T> CompletableFuture<T> researchTask(TaskKind kind, String title, Function<ResearchJob, T> job) {
        return tasks.task(kind, title, ctx -> {
            Work w = work;
            if (w.run == null) throw new UserError(title + ": load a dataset and make a valid model first.");
            if (w.run.trainer().data() == null) throw new UserError(title + ": this needs the data in memory; the run trains " + w.engine.words() + ".");
            return job.apply(new ResearchJob(new WorkView(w.run.trainer(), w.dataset.limit(w.datapoints), w.config, la), ctx));
        });
    }

    /** The jobs on the trained model: generation, refinement, scores, experiments. */
    public ResearchJobs research() { return research; }

    /** The PCA of the data in use once computed, else null (worker). */
    starnet.baseline.Pca pcaFitted() { return work.pca; }

    /** A research job's inputs and its task context. */
    record ResearchJob(WorkView view, TaskContext context) {}

    /** Opens one item: its image, current reconstruction and latest residual. */
    public CompletableFuture<ItemDetail> inspect(int row) {
        return tasks.task(TaskKind.INSPECT, "Opening item " + row, ctx -> {
            Work w = work;
            if (w.run == null || row < 0 || row >= w.datapoints) throw new UserError("Item " + row + " is not among the datapoints in use.");
            StepResult last = w.steps.isEmpty() ? null : w.steps.get(w.steps.size() - 1);
            return new ItemDetail(row, w.dataset.labelText(row), w.dataset.images().rowRange(row, row + 1), w.run.reconstructItem(row),
                    last == null ? Double.NaN : last.residuals()[row]);
        });
    }

    /** Fits PCA to the data in use (for the bound on the loss chart and the PCA row of the grid); kept until the data changes. */
    public CompletableFuture<starnet.model.PcaBound> computePca() {
        return tasks.task(TaskKind.BASELINE, "PCA of the data in use", ctx -> {
            Work w = work;
            if (w.pca == null) {
                if (w.dataset == null) throw new UserError("PCA: load a dataset first.");
                w.pca = Pca.fit(w.datapoints < w.dataset.size() ? w.dataset.images().rowRange(0, w.datapoints) : w.dataset.images(), la);
                publish();
            }
            return w.pca.bound();
        });
    }

    /**
     * Fig. 6's references for the data and architecture in use: PCA at the code width (the Eckart–Young bound) and
     * an Adam autoencoder of the same widths, trained for as many epochs as StarNet has run over all layers (at
     * least the configuration's epochs per layer times the depth). Kept with the session and saved in its file.
     */
    public CompletableFuture<Baselines> computeBaselines() {
        return tasks.task(TaskKind.BASELINE, "Autoencoder and PCA baselines", ctx -> {
            Work w = work;
            if (w.run == null) throw new UserError("Baselines: load a dataset and make a valid model first.");
            Dataset d = w.dataset;
            Matrix x = w.datapoints < d.size() ? d.images().rowRange(0, w.datapoints) : d.images();
            int[] widths = w.config.architecture().widths(d.channels(), d.height(), d.width());
            ctx.progress(0, "PCA");
            if (w.pca == null) w.pca = Pca.fit(x, la);
            double pcaMse = w.pca.mse(widths[0]);
            int closed = 0;
            for (int i = 0; i < w.steps.size(); i++) if (StepResult.closesEpoch(w.steps, i)) closed++;
            int epochs = Math.max(closed, w.config.training().maxEpochs() * w.config.architecture().depth());
            Autoencoder ae = new Autoencoder(widths, w.config.architecture().slope(), w.config.training().seed());
            double[] curve = new double[epochs];
            for (int e = 0; e < epochs; e++) {
                ctx.check();
                ctx.progress((double) e / epochs, "autoencoder epoch " + (e + 1) + " of " + epochs);
                ae.trainEpoch(x, la);
                curve[e] = starnet.training.LayerSystem.mse(ae.reconstruct(x, la), x);
            }
            w.baselines = new Baselines(widths[0], pcaMse, curve);
            w.baselinesFor = w.config;
            changed(w);
            notice(Notice.info(String.format(java.util.Locale.ROOT, "Baselines: PCA rank %d MSE %.5f; autoencoder MSE %.5f after %d epochs.",
                    widths[0], pcaMse, curve[epochs - 1], epochs)));
            return w.baselines;
        });
    }

    /**
     * Continues from a refined model of the same shape: the run becomes finished with {@code decoder} and
     * {@code codes} (and the latents they give every layer); a snapshot labelled {@code label} is added.
     */
    public CompletableFuture<Void> adoptRefined(Decoder decoder, Matrix codes, String label) {
        return tasks.task(TaskKind.REFINE, "Adopting the refined model", ctx -> {
            Work w = work;
            StarNetTrainer.State st = w.run.trainer().state();
            Matrix[] finished = st.finishedLatents().clone();
            finished[0] = codes;
            for (int i = 1; i < finished.length; i++) finished[i] = decoder.decodeFrom(la, 0, codes, i);
            var refined = new StarNetTrainer.State(decoder, -1, null, st.epoch(), false, st.lastEpochLoss(), finished, st.log());
            if (w.run.trainer().data() == null) throw new UserError("Refinement needs the data in memory; this run trains " + w.engine.words() + ".");
            w.run = TrainingRun.restore(w.config, w.dataset, w.datapoints, null, w.pinned, starnet.model.EngineSpec.memory(), la, refined, w.history.size());
            TrainingSnapshot snap = w.run.snapshot(null);
            w.history.add(new TrainingSnapshot(snap.index(), null, label, snap.layer(), snap.nextPhase(), snap.epochsDone(), snap.current(), snap.afterLayer()));
            changed(w);
            return null;
        });
    }

    // =====================================================================================
    // Exploration: the solver inspector, the latent map, sweeps, runs compared
    // =====================================================================================

    /**
     * Whether each step also measures held-out items (the loss chart's held-out curve; paper Lemma 3). On in the window;
     * off for the command line, whose files do not carry the curve (it cost 13 % of a `train` run on the MNIST sample).
     */
    public void setHeldOutCurve(boolean on) { heldOutCurve = on; }

    /** While on, every training step's system is inspected as it is solved (costs a Gram eigen-decomposition and a residual pass per step). */
    public void setInspectEveryStep(boolean on) { inspectEveryStep = on; }

    /** While on, the latent map follows training: a PCA map of the newest step's latents after every step. */
    public void setLiveLatentMap(boolean on) { liveLatentMap = on; }

    /** Inspects the newest step's system and keeps the result with the run. */
    public CompletableFuture<starnet.model.SystemInspection> inspectNewestSystem() {
        return tasks.task(TaskKind.EXPLORE, "Inspecting the newest solve", ctx -> {
            Work w = work;
            if (w.run == null || w.steps.isEmpty()) throw new UserError("Solver inspector: run a step first (SL or SW).");
            var in = Exploring.inspect(w, ctx);
            changed(w);
            return in;
        });
    }

    /** Maps the newest step's latents (the codes h₀ once training is done) to 2D and keeps the map with the run. */
    public CompletableFuture<starnet.model.LatentMap> latentMap(starnet.model.Projection p) {
        return tasks.task(TaskKind.EXPLORE, "Latent map (" + p.label() + ")", ctx -> {
            Work w = work;
            if (w.run == null || w.steps.isEmpty()) throw new UserError("Latent map: run a step first; the map shows the latents it solved.");
            ctx.progress(-1, p == starnet.model.Projection.UMAP ? "UMAP on up to " + starnet.explore.LatentMaps.UMAP_POINTS + " items" : "PCA");
            w.latentMap = Exploring.map(w, p, Engines.layerSystem(w.config, la), ctx);
            changed(w);
            return w.latentMap;
        });
    }

    /**
     * Runs {@code sweep} on the data in use into {@code dir} (resuming what is there), as a cancellable background
     * task; training waits for it. {@code onRow} gets each row on the worker.
     */
    public CompletableFuture<List<starnet.model.SweepRow>> sweep(starnet.model.SweepPlan plan, Path dir, java.util.function.Consumer<starnet.model.SweepRow> onRow) {
        starnet.explore.Sweep sweep = new starnet.explore.Sweep(plan);
        return tasks.task(TaskKind.SWEEP, "Sweep of " + String.join(" × ", sweep.axes().stream().map(a -> a.param().id()).toList()), ctx -> {
            Work w = work;
            if (w.dataset == null) throw new UserError("Sweep: load a dataset first.");
            try {
                return sweep.run(w.dataset, la, dir, onRow, ctx::progress, ctx);
            } catch (IllegalArgumentException e) {
                throw new UserError("Sweep: " + e.getMessage() + ".");
            } catch (IOException e) {
                throw new UserError("Sweep: could not write to " + dir + " (" + IoMessages.describe(e) + "). The rows finished so far are kept there.");
            }
        });
    }

    /** Keeps the run as it stands for comparison: writes its session image to {@code file} and returns it as a run named {@code name}. */
    public CompletableFuture<starnet.model.RunRecord> keepRun(String name, Path file) {
        return tasks.ioTask(TaskKind.SAVE, "Keeping the run \"" + name + "\"", () -> capture("keep"), c -> {
            try {
                Files.createDirectories(file.getParent());
                SessionFile.write(file, c.image());
            } catch (IOException e) {
                throw new UserError("Could not keep the run in " + file + ": " + IoMessages.describe(e) + ".");
            }
            return Comparisons.of(name, c.image(), file);
        });
    }

    /** The run as it stands, named {@code name}, for comparison (not written anywhere). */
    public CompletableFuture<starnet.model.RunRecord> currentRun(String name) {
        return image().thenApply(i -> Comparisons.of(name, i, null));
    }

    /** Each run's reconstruction of the pinned items in use (their codes inferred through its decoder); null where the images differ. */
    public CompletableFuture<List<Matrix>> reconstructPinned(List<starnet.model.RunRecord> runs) {
        return tasks.task(TaskKind.EXPLORE, "Reconstructing the pinned items with " + runs.size() + " runs", ctx -> {
            Work w = work;
            if (w.dataset == null) throw new UserError("Compare: load a dataset first; the runs reconstruct its pinned items.");
            Matrix items = w.dataset.images().selectRows(w.pinned);
            List<Matrix> out = new ArrayList<>(starnet.explore.RunComparison.reconstructions(runs, items, la, ctx));
            out.add(0, items);
            return out;
        });
    }

    // =====================================================================================
    // Tasks and publication
    // =====================================================================================

    private void notice(Notice n) {
        for (SessionListener l : listeners) l.notice(n);
    }

    /** The work changed: a new revision, and a new state for the listeners. */
    private void changed(Work w) {
        w.revision = ++revisions;
        publish();
    }

    /** Publishes the whole state (worker only). */
    private void publish() {
        worker.checkOnWorker();
        Work w = work;
        synchronized (publishLock) {
            state = new SessionState(w.revision, w.dirty(), w.file, w.dataset, w.datapoints, w.config, w.plan, w.report, w.problem, w.pinned.clone(),
                    List.copyOf(w.history), List.copyOf(w.steps), List.copyOf(w.heldOut), w.heldOutData == null ? 0 : w.heldOutData.size(),
                    w.run != null, w.finished(), tasks.list(), activeCommand, discardedWhat, w.pca == null ? null : w.pca.bound(),
                    java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(w.inspections)), w.latentMap, w.engine);
            for (SessionListener l : listeners) l.stateChanged(state);
        }
    }

    /** Publishes the task list on its own (any thread). */
    private void publishTasks() {
        synchronized (publishLock) {
            state = state.withTasks(tasks.list(), activeCommand);
            for (SessionListener l : listeners) l.stateChanged(state);
        }
    }

    /** The steps of the current run so far (a copy; any thread, from the last published state). */
    public List<StepResult> steps() { return new ArrayList<>(state.steps()); }
}
