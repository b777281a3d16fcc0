package starnet.session;

import starnet.model.Dataset;
import starnet.io.SessionFile;
import starnet.math.LinearAlgebra;
import starnet.model.DeterminednessReport;
import starnet.model.StarNetConfig;
import starnet.training.Cancellation;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
/**
 * What every part of a session shares, confined to its worker unless marked volatile: the work and the discarded work
 * (for undo), the backend, the workers and tasks, the listeners and the published state, and the few steps every part
 * takes (publish a new state, discard trained steps, set up a fresh run). Package-private: {@link WorkbenchSession} is
 * the door.
 */
final class SessionCore {
    final LinearAlgebra la;
    final Worker worker;
    final Worker io;
    final boolean interactive;
    final List<SessionListener> listeners = new CopyOnWriteArrayList<>();
    final TaskRunner tasks;

    final Object publishLock = new Object();

    volatile TrainAction activeCommand;
    volatile SessionState state = SessionState.empty();

    // worker-confined
    Work work = new Work(StarNetConfig.defaults());
    Discards discards = new Discards();
    /** The work set aside while a lesson runs in its own work, with its undo history and delay; null when none. */
    Parked parked;

    /** Work set aside whole: given back exactly as it was. */
    record Parked(Work work, Discards discards, long stepDelayMillis) {}
    /** Waits this long after each solve of a run (for watching step by step); kept with the work's file. */
    final java.util.concurrent.atomic.AtomicLong stepDelayMillis = new java.util.concurrent.atomic.AtomicLong();
    /** What each file this session wrote or opened holds now, as a stamp: a work is unsaved when its file holds another's. */
    final java.util.Map<java.nio.file.Path, Long> fileStamps = new java.util.HashMap<>();
    long stamps;
    long revisions;
    /** Reaches back to the session for what only it owns (the research jobs, the training's autosave and flags). */
    WorkbenchSession session;

    SessionCore(LinearAlgebra la, Worker worker, Worker io, boolean interactive) {
        this.la = la;
        this.worker = worker;
        this.io = io;
        this.interactive = interactive;
        this.tasks = new TaskRunner(worker, io, this::publishTasks, this::notice);
    }

    /**
     * A run in memory whose data would take more than its share of the heap trains out of core instead (as the command
     * line's train does), with a notice; another engine chosen by the person stays.
     */
    void outOfCoreWhenLarge(Work w) {
        if (w.engine.kind() != starnet.model.EngineKind.MEMORY || w.dataset == null) return;
        int limit = w.config.data().limit();
        Dataset d = w.dataset;
        long images = limit > 0 ? Math.min(limit, d.size()) : d.size(), values = images * d.pixels();
        long need = Runs.inMemoryBytes(w.config, new int[] {d.channels(), d.height(), d.width()}, images, d.holdsDoubles() ? 8 * values : values);
        if (need <= Runs.IN_MEMORY_SHARE * Runtime.getRuntime().maxMemory()) return;
        w.engine = starnet.model.EngineSpec.store(null, starnet.model.StoragePrecision.F32);
        notice(Notice.info(String.format("The data and its latents (%.1f GB) are large for this window's memory (%.1f GB): the run trains out of core, "
                + "with the latents on disk.", need / 1e9, Runtime.getRuntime().maxMemory() / 1e9)));
    }

    /** Plan, report and a fresh run for the work's configuration and data (on the worker). */
    void rebuild(Work w) {
        worker.checkOnWorker();
        if (w.run != null && !discards.holds(w.run)) w.run.close();
        w.setup = ModelSetup.NONE;
        w.run = null;
        w.log.clear();
        Dataset d = w.dataset;
        if (d != null) {
            int limit = w.config.data().limit();
            int n = w.streamed != null ? (int) w.streamed.rows() : limit > 0 ? Math.min(limit, d.size()) : d.size();
            int shown = Math.min(n, d.size()); // rows whose images are in the heap: all, or the first ones of streamed data
            if (n != w.datapoints) w.forgetDataFacts();
            w.datapoints = n;
            if (w.pinned.length == 0 || java.util.Arrays.stream(w.pinned).anyMatch(r -> r >= shown)) w.pinned = d.representativeRows(WorkbenchSession.DEFAULT_PINNED, shown);
            try {
                List<starnet.model.LayerPlan> plan = List.copyOf(w.config.architecture().plan(d.channels(), d.height(), d.width()));
                w.setup = new ModelSetup(plan, DeterminednessReport.forDecoder(plan, n, w.config.architecture().slope(), w.config.training()), "");
            } catch (IllegalArgumentException e) {
                w.setup = ModelSetup.NONE.withProblem(e.getMessage() + " (images are " + d.channels() + "×" + d.height() + "×" + d.width() + ")");
            }
            changed(w); // the report shows before the (slower) set-up
            if (w.setup.problem().isEmpty() && !w.setup.report().hasErrors()) {
                try {
                    TrainingRun run = TrainingRun.start(w.config, d, n, w.streamed, w.pinned, w.engine, la, interactive);
                    if (w.config.architecture().isConv()) w.setup = w.setup.withReport(w.setup.report().withRank(run.trainer().decoder(), la));
                    if (!w.setup.report().hasErrors()) {
                        w.run = run;
                        w.log.history.add(run.snapshot(null));
                        if (interactive) warmUpWhenIdle(w, run);
                    }
                } catch (IllegalArgumentException | UserError e) {
                    w.setup = w.setup.withProblem(e.getMessage());
                }
            }
        }
        changed(w);
    }

    /** After this task (the first model is shown by then), a JIT warm-up on the worker that yields to any command. */
    void warmUpWhenIdle(Work w, TrainingRun run) {
        StarNetConfig c = w.config;
        Dataset d = w.dataset;
        Cancellation yield = () -> !tasks.list().isEmpty() || work.run != run;
        worker.submit(() -> run.warmUp(c, d, la, yield));
    }

    static boolean hasErrors(Work w) {
        return w.setup.hasErrors();
    }

    /** Keeps the current work for undo when it has trained steps, and continues on a copy without them. */
    void discardTrainedSteps(String why) {
        worker.checkOnWorker();
        if (work.log.steps.isEmpty()) return;
        Work gone = work;
        work = work.successor();
        work.revision = ++revisions;
        discards.discarded(gone, "the " + gone.log.steps.size() + " trained steps discarded by " + why, r -> r == work.run);
        notice(Notice.info("Discarded " + gone.log.steps.size() + " trained steps (" + why + "). Edit → Undo (Ctrl+Z) brings them back."));
    }

    /** Whether {@code w} differs from what its file holds: untitled with trained steps, changed since saved, or its file rewritten since by other work. */
    boolean dirty(Work w) {
        if (w.identity.file() == null) return !w.log.steps.isEmpty();
        return w.revision != w.identity.savedRevision() || !java.util.Objects.equals(fileStamps.get(w.identity.file()), w.identity.stamp());
    }

    /** {@code w} at {@code revision} now is what {@code file} holds (just saved or opened). */
    void owns(Work w, java.nio.file.Path file, long revision) {
        long stamp = ++stamps;
        fileStamps.put(file.toAbsolutePath().normalize(), stamp);
        w.identity = new FileIdentity(file, revision, stamp);
    }

    /** The contents of the work at one revision. */
    record Captured(SessionFile.Session contents, long revision, Work work) {}

    TaskRunner.Capture<Captured> capture(String what) {
        Work w = work;
        if (w.run == null || w.dataset == null) return TaskRunner.Capture.nothing("Nothing to " + what + " yet: load a dataset and make a valid model first.");
        return TaskRunner.Capture.of(new Captured(contents(w), w.revision, w));
    }

    SessionFile.Session contents(Work w) {
        worker.checkOnWorker();
        return SessionContents.of(w, stepDelayMillis.get());
    }

    void notice(Notice n) {
        for (SessionListener l : listeners) l.notice(n);
    }

    /** The work changed: a new revision, and a new state for the listeners. */
    void changed(Work w) {
        w.revision = ++revisions;
        publish();
    }

    /** Publishes the whole state (worker only). */
    void publish() {
        worker.checkOnWorker();
        Work w = work;
        synchronized (publishLock) {
            state = new SessionState(w.revision, dirty(w), w.identity.file(), w.dataset, w.datapoints, w.config, w.setup.plan(), w.setup.report(), w.setup.problem(), w.pinned.clone(),
                    List.copyOf(w.log.history), List.copyOf(w.log.steps), List.copyOf(w.log.heldOut), w.facts.heldOut() == null ? 0 : w.facts.heldOut().size(),
                    w.run != null, w.finished(), tasks.list(), activeCommand, discards.undoable(), w.facts.pca() == null ? null : w.facts.pca().bound(),
                    java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(w.log.inspections)), w.log.latentMap, w.engine, discards.redoable(), stepDelayMillis.get(),
                    parked != null && dirty(parked.work()) ? Math.max(1, parked.work().log.steps.size()) : 0);
            for (SessionListener l : listeners) l.stateChanged(state);
        }
    }

    /** Publishes the task list on its own (any thread). */
    void publishTasks() {
        synchronized (publishLock) {
            state = state.withTasks(tasks.list(), activeCommand);
            for (SessionListener l : listeners) l.stateChanged(state);
        }
    }
}
