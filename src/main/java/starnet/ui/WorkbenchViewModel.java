package starnet.ui;

import starnet.training.TrainingSnapshot;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import starnet.AppLog;
import starnet.data.DataException;
import starnet.data.Dataset;
import starnet.data.Datasets;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.math.SolverKind;
import starnet.model.ArchitectureConfig;
import starnet.model.DataSpec;
import starnet.model.DeterminednessReport;
import starnet.model.InitKind;
import starnet.model.LayerPlan;
import starnet.model.Padding;
import starnet.model.Presets;
import starnet.model.SolveOrder;
import starnet.model.StarNetConfig;
import starnet.model.TrainingConfig;
import starnet.training.CancelledException;
import starnet.training.StarNetTrainer;
import starnet.training.StepResult;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Everything the workbench window shows and does, without any view. State lives on the UI thread;
 * solves run on the single worker of {@link Threads}; the worker publishes immutable
 * {@link TrainingSnapshot}s into a queue that the UI drains at most ~30 times a second.
 */
public final class WorkbenchViewModel {
    /** Items shown in the reconstruction grid unless the user pins others. */
    public static final int DEFAULT_PINNED = 12;
    /** Snapshots kept for the step slider; older ones are dropped (Init is kept). */
    public static final int HISTORY_LIMIT = 400;

    private final Threads threads;
    private final LinearAlgebra la;

    // ---- configuration (editable) ----
    private final ObservableList<Integer> widths = FXCollections.observableArrayList(128, 256);
    private final DoubleProperty slope = new SimpleDoubleProperty(0.5);
    private final ObjectProperty<InitKind> init = new SimpleObjectProperty<>(InitKind.GAUSSIAN);
    private final ObjectProperty<SolverKind> solver = new SimpleObjectProperty<>(SolverKind.CHOLESKY);
    private final ObjectProperty<SolveOrder> order = new SimpleObjectProperty<>(SolveOrder.SL_FIRST);
    private final LongProperty seed = new SimpleLongProperty(0);
    private final DoubleProperty ridge = new SimpleDoubleProperty(1e-10);
    private final DoubleProperty tolerance = new SimpleDoubleProperty(1e-3);
    private final IntegerProperty maxEpochs = new SimpleIntegerProperty(5);
    private final IntegerProperty limit = new SimpleIntegerProperty(0);
    private final IntegerProperty delayMillis = new SimpleIntegerProperty(0);
    private final ObjectProperty<String> kind = new SimpleObjectProperty<>(ArchitectureConfig.FEEDFORWARD);
    private final ObservableList<Integer> kernels = FXCollections.observableArrayList(6, 2);
    private final IntegerProperty kernelSize = new SimpleIntegerProperty(7);
    private final IntegerProperty unpool = new SimpleIntegerProperty(2);
    private final ObjectProperty<Padding> padding = new SimpleObjectProperty<>(Padding.SAME);
    private final IntegerProperty swSample = new SimpleIntegerProperty(0);
    private final IntegerProperty swPartitions = new SimpleIntegerProperty(1);

    // ---- derived and published state (read-only outside) ----
    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<StarNetConfig> config = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper configError = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<DeterminednessReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<LayerPlan>> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper trainBlockedReason = new ReadOnlyStringWrapper("Load a dataset first");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper();
    private final ObservableList<TrainingSnapshot> history = FXCollections.observableArrayList();
    private final ObservableList<StepResult> steps = FXCollections.observableArrayList();
    private final ObservableList<TrainingSnapshot> historyView = FXCollections.unmodifiableObservableList(history);
    private final ObservableList<StepResult> stepsView = FXCollections.unmodifiableObservableList(steps);
    private final ReadOnlyObjectWrapper<TrainingSnapshot> latest = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<int[]> pinned = new ReadOnlyObjectWrapper<>(new int[0]);
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Starting");
    private final ReadOnlyObjectWrapper<TrainCommand> activeCommand = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<int[]> schedule = new ReadOnlyObjectWrapper<>(new int[0]);

    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<java.nio.file.Path> sessionPath = new ReadOnlyObjectWrapper<>();
    private final ObservableList<java.nio.file.Path> recent = FXCollections.observableArrayList();
    private boolean restoring;

    // ---- worker side ----
    private final AtomicBoolean cancel = new AtomicBoolean();
    private final ConcurrentLinkedQueue<Object> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private TrainingSession session; // worker thread only
    private boolean batchEdit;
    private int datapoints;

    public WorkbenchViewModel(Threads threads, LinearAlgebra la) {
        this.threads = threads;
        this.la = la;
        Runnable changed = this::configurationChanged;
        widths.addListener((javafx.collections.ListChangeListener<Integer>) c -> changed.run());
        kernels.addListener((javafx.collections.ListChangeListener<Integer>) c -> changed.run());
        for (var p : List.of(slope, init, solver, order, seed, ridge, tolerance, maxEpochs, limit, kind, kernelSize, unpool, padding, swSample, swPartitions)) {
            p.addListener((obs, o, n) -> changed.run());
        }
        running.addListener((obs, o, n) -> updateBlockedReason());
        finished.addListener((obs, o, n) -> updateBlockedReason());
    }

    // =====================================================================================
    // Dataset
    // =====================================================================================

    /** Loads {@code sample:NAME} or a path on the worker; on failure the previous dataset stays. */
    public void loadSource(String source) {
        if (running.get()) {
            notice.set(Notice.error("Pause training before loading another dataset."));
            return;
        }
        loading.set(true);
        status.set("Loading " + source + " …");
        threads.background(() -> {
            try {
                Dataset d = Datasets.load(source, "train", 0);
                post(() -> {
                    loading.set(false);
                    pca.set(null);
                    dataset.set(d);
                    notice.set(Notice.info("Loaded " + d.name() + ": " + d.facts() + "."));
                    pinned.set(defaultPinned(d));
                    configurationChanged();
                });
            } catch (DataException e) {
                post(() -> {
                    loading.set(false);
                    notice.set(Notice.error("Could not load the dataset. " + e.getMessage()
                            + (dataset.get() != null ? " The previous dataset (" + dataset.get().name() + ") is still loaded." : "")));
                    status.set(dataset.get() == null ? "No dataset" : "Ready");
                });
            } catch (RuntimeException | OutOfMemoryError e) {
                AppLog.error("loading " + source, e);
                post(() -> {
                    loading.set(false);
                    notice.set(Notice.error("Could not load " + source + " (" + e.getClass().getSimpleName()
                            + "). Details are in the log; the previous dataset is still loaded."));
                });
            }
        });
    }

    /** One item per class first (by label order), then the next items in order, up to {@link #DEFAULT_PINNED}. */
    static int[] defaultPinned(Dataset d) {
        return d.representativeRows(DEFAULT_PINNED, d.size());
    }

    /** Pins other items (dataset rows below the number of datapoints in use); the history restarts from now. */
    public void setPinned(int[] rows) {
        Dataset d = dataset.get();
        if (d == null || rows.length == 0) return;
        for (int r : rows) {
            if (r < 0 || r >= datapoints) {
                notice.set(Notice.error("Item " + r + " is not among the " + datapoints + " datapoints in use; pick rows 0–" + (datapoints - 1) + "."));
                return;
            }
        }
        pinned.set(rows.clone());
        reset();
    }

    /** Pins {@link #DEFAULT_PINNED} random items (seeded by the configuration's seed and a counter). */
    public void pinRandom(long salt) {
        int n = Math.min(DEFAULT_PINNED, datapoints);
        SplittableRandom r = new SplittableRandom(seed.get() * 31 + salt);
        Set<Integer> rows = new LinkedHashSet<>();
        while (rows.size() < n) rows.add(r.nextInt(datapoints));
        setPinned(rows.stream().mapToInt(Integer::intValue).toArray());
    }

    // =====================================================================================
    // Configuration
    // =====================================================================================

    /** Applies several edits as one change (one report, one reset). */
    public void edit(Runnable edits) {
        batchEdit = true;
        try {
            edits.run();
        } finally {
            batchEdit = false;
        }
        configurationChanged();
    }

    /** Applies one of the paper's architectures (feedforward or conv) as one change. */
    public void applyPreset(Presets.Preset p) {
        ArchitectureConfig a = p.architecture();
        edit(() -> {
            kind.set(a.kind());
            if (a.isConv()) {
                kernels.setAll(a.kernels());
                kernelSize.set(a.kernelSizes().get(0));
                unpool.set(a.unpools().get(0));
                padding.set(a.padding());
            } else {
                widths.setAll(a.widths());
            }
            slope.set(a.slope());
        });
    }

    private void configurationChanged() {
        if (batchEdit) return;
        try {
            StarNetConfig c = new StarNetConfig(StarNetConfig.FORMAT,
                    new DataSpec(dataset.get() == null ? "sample:mnist" : dataset.get().source(), "train", limit.get()),
                    new ArchitectureConfig(kind.get(), new ArrayList<>(widths), slope.get(), new ArrayList<>(kernels),
                            List.of(kernelSize.get()), List.of(unpool.get()), padding.get()),
                    new TrainingConfig(maxEpochs.get(), tolerance.get(), seed.get(), solver.get(), ridge.get(), order.get(), init.get(),
                            swSample.get(), swPartitions.get()));
            config.set(c);
            configError.set("");
        } catch (IllegalArgumentException e) {
            config.set(null);
            configError.set(e.getMessage());
        }
        Dataset d = dataset.get();
        plan.set(null);
        if (d != null && config.get() != null) {
            int before = datapoints;
            datapoints = limit.get() > 0 ? Math.min(limit.get(), d.size()) : d.size();
            if (datapoints != before) pca.set(null);
            try {
                plan.set(List.copyOf(config.get().architecture().plan(d.channels(), d.height(), d.width())));
                report.set(DeterminednessReport.of(plan.get(), datapoints));
            } catch (IllegalArgumentException e) {
                config.set(null);
                configError.set(e.getMessage() + " (images are " + d.channels() + "×" + d.height() + "×" + d.width() + ")");
                report.set(null);
            }
        } else {
            report.set(null);
        }
        updateBlockedReason();
        if (!running.get() && d != null && !restoring) reset();
    }

    private void updateBlockedReason() {
        String why;
        if (dataset.get() == null) why = "Load a dataset first";
        else if (!configError.get().isEmpty()) why = "Fix the configuration: " + configError.get();
        else if (report.get() != null && report.get().hasErrors()) why = "Not determined: " + report.get().firstError();
        else if (running.get()) why = "Training is running; pause it first";
        else if (finished.get()) why = "Every layer is trained; press Reset to start again";
        else why = "";
        trainBlockedReason.set(why);
        scheduleChanged();
    }

    // =====================================================================================
    // Training
    // =====================================================================================

    /** Starts a fresh run with the current configuration (on the worker). */
    public void reset() {
        StarNetConfig c = config.get();
        Dataset d = dataset.get();
        if (c == null || d == null || (report.get() != null && report.get().hasErrors())) {
            history.clear();
            steps.clear();
            latest.set(null);
            finished.set(false);
            status.set(c == null ? "Configuration has errors" : "Not determined — fix the ✗ lines");
            scheduleChanged();
            return;
        }
        if (running.get()) {
            cancel.set(true);
        }
        int[] pins = pinned.get();
        threads.background(() -> {
            try {
                TrainingSession s = new TrainingSession(c, d, pins, la);
                session = s;
                TrainingSnapshot init = s.snapshot(null);
                DeterminednessReport base = report.get();
                if (base != null && c.architecture().isConv()) {
                    DeterminednessReport ranked = base.withRank(s.trainer().decoder(), la);
                    post(() -> {
                        if (report.get() == base) report.set(ranked);
                        updateBlockedReason();
                    });
                }
                post(() -> {
                    history.clear();
                    steps.clear();
                    finished.set(false);
                    cancel.set(false);
                    dirty.set(false);
                    status.set("Ready — next: layer " + init.layer() + ", " + init.nextPhase());
                });
                publish(init);
            } catch (RuntimeException | OutOfMemoryError e) {
                AppLog.error("reset", e);
                post(() -> notice.set(Notice.error("Could not start training: " + e.getMessage())));
            }
        });
    }

    /** Runs a training command on the worker, publishing a snapshot after every solve. */
    public void run(TrainCommand command) {
        if (!trainBlockedReason.get().isEmpty()) {
            notice.set(Notice.error(trainBlockedReason.get()));
            return;
        }
        running.set(true);
        activeCommand.set(command);
        cancel.set(false);
        status.set(command.label() + " …");
        threads.background(() -> runOnWorker(command));
    }

    private void runOnWorker(TrainCommand command) {
        TrainingSession s = session;
        String ending = null;
        try {
            StarNetTrainer t = s.trainer();
            t.setListener(r -> {
                publish(s.snapshot(r));
                pauseBetweenSteps();
            });
            switch (command) {
                case STEP_SL -> s.stepLatents(cancel::get);
                case STEP_SW -> s.stepWeights(cancel::get);
                case STEP_EPOCH -> t.stepEpoch(cancel::get);
                case TRAIN_LAYER -> t.trainLayer(cancel::get);
                case TRAIN_ALL -> t.trainAll(cancel::get);
            }
        } catch (CancelledException e) {
            ending = "Paused. The model is as it was after the last completed solve.";
        } catch (RuntimeException | OutOfMemoryError e) {
            AppLog.error("training command " + command, e);
            ending = "The solve failed (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                    + "). The model is as it was after the last completed solve; details are in the log.";
        } finally {
            s.trainer().setListener(null);
        }
        boolean done = s.isFinished();
        String message = ending;
        post(() -> {
            running.set(false);
            activeCommand.set(null);
            finished.set(done);
            if (message != null) notice.set(message.startsWith("Paused") ? Notice.info(message) : Notice.error(message));
            TrainingSnapshot l = latest.get();
            status.set(done ? "Every layer is trained" : l == null ? "Ready" : "Ready — next: layer " + l.layer() + ", " + l.nextPhase());
        });
    }

    private void pauseBetweenSteps() {
        long until = System.currentTimeMillis() + delayMillis.get();
        while (System.currentTimeMillis() < until) {
            if (cancel.get()) throw new CancelledException();
            try {
                Thread.sleep(Math.min(20, Math.max(1, until - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }
    }

    /** Asks the running command to stop; it takes effect within the current solve. */
    public void pause() {
        if (running.get()) {
            cancel.set(true);
            status.set("Pausing …");
        }
    }

    /** Opens one item: target, current reconstruction and latest residual, computed on the worker. */
    public void inspect(int row, Consumer<ItemDetail> onReady) {
        Dataset d = dataset.get();
        if (d == null || row < 0 || row >= datapoints || running.get()) return;
        StepResult last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        threads.background(() -> {
            Matrix recon = session.reconstructItem(row);
            Matrix target = d.images().rowRange(row, row + 1);
            double residual = last == null ? Double.NaN : last.residuals()[row];
            post(() -> onReady.accept(new ItemDetail(row, d.labelText(row), target, recon, residual)));
        });
    }

    // =====================================================================================
    // Publishing: worker → UI, coalesced
    // =====================================================================================

    private void publish(TrainingSnapshot s) {
        outbox.add(s);
        scheduleDrain();
    }

    private void post(Runnable uiUpdate) {
        outbox.add(uiUpdate);
        scheduleDrain();
    }

    private void scheduleDrain() {
        if (drainScheduled.compareAndSet(false, true)) threads.ui(this::drain);
    }

    private void drain() {
        drainScheduled.set(false);
        List<TrainingSnapshot> batch = new ArrayList<>();
        Object o;
        while ((o = outbox.poll()) != null) {
            if (o instanceof TrainingSnapshot s) {
                batch.add(s);
            } else {
                flush(batch);
                ((Runnable) o).run();
            }
        }
        flush(batch);
    }

    private void flush(List<TrainingSnapshot> batch) {
        if (batch.isEmpty()) return;
        boolean layerDone = false;
        for (TrainingSnapshot s : batch) {
            if (s.step() != null) {
                steps.add(s.step());
                dirty.set(true);
                layerDone |= s.step().layerDone();
            }
        }
        history.addAll(batch);
        if (history.size() > HISTORY_LIMIT) history.remove(1, history.size() - HISTORY_LIMIT + 1);
        TrainingSnapshot last = batch.get(batch.size() - 1);
        latest.set(last);
        if (last.step() != null) {
            status.set(String.format("%s on layer %d: MSE %.5f in %.2f s", last.step().phase(), last.step().layer(),
                    last.step().mse(), last.step().seconds()));
        }
        batch.clear();
        scheduleChanged();
        // after the history has the layer's last snapshot, so the autosave reopens exactly here
        if (layerDone && autosaveOnLayerDone != null) autosaveOnLayerDone.run();
    }

    /**
     * The schedule ribbon's cells: for every layer (last first), every epoch and phase, a code
     * 2 = done, 1 = next, 0 = to come, 3 = skipped (layer converged early). Layout: K × maxEpochs × 2.
     */
    private void scheduleChanged() {
        StarNetConfig c = config.get();
        if (c == null || dataset.get() == null) {
            schedule.set(new int[0]);
            return;
        }
        int k = c.architecture().depth(), e = c.training().maxEpochs();
        int[] cells = new int[k * e * 2];
        boolean slFirst = c.training().order() == SolveOrder.SL_FIRST;
        for (StepResult r : steps) {
            int row = k - r.layer();
            int col = (r.epoch() - 1) * 2 + ((r.phase() == starnet.training.Phase.SL) == slFirst ? 0 : 1);
            if (row >= 0 && row < k && col >= 0 && col < e * 2) cells[(row * e * 2) + col] = 2;
        }
        TrainingSnapshot l = latest.get();
        for (int row = 0; row < k; row++) {
            int layer = k - row;
            boolean layerDone = l != null && (l.finished() || layer > l.layer());
            for (int col = 0; col < e * 2; col++) {
                int i = row * e * 2 + col;
                if (cells[i] == 0 && layerDone) cells[i] = 3;
            }
        }
        if (l != null && !l.finished()) {
            int row = k - l.layer();
            int phaseCol = (l.nextPhase() == starnet.training.Phase.SL) == slFirst ? 0 : 1;
            int col = l.epochsDone() * 2 + phaseCol;
            if (row >= 0 && row < k && col < e * 2) cells[row * e * 2 + col] = 1;
        }
        schedule.set(cells);
    }

    public void dismissNotice() { notice.set(null); }

    private final ReadOnlyObjectWrapper<starnet.baseline.Pca> pca = new ReadOnlyObjectWrapper<>();

    /** Fits PCA to the data in use (on the worker) for the bound on the loss chart and the PCA row in the grid. */
    public void computePca() {
        withSession("PCA", s -> starnet.baseline.Pca.fit(s.trainer().data(), s.la()), pca::set);
    }

    /** The PCA of the data in use, once computed (cleared when the data changes). */
    public ReadOnlyObjectProperty<starnet.baseline.Pca> pcaProperty() { return pca.getReadOnlyProperty(); }

    /**
     * Runs {@code work} on the worker with the current training session and hands its result to
     * {@code onUi} on the UI thread; a failure becomes a plain notice starting with {@code what}.
     */
    public <T> void withSession(String what, java.util.function.Function<SessionView, T> work, Consumer<T> onUi) {
        if (session == null || dataset.get() == null || config.get() == null) {
            notice.set(Notice.error(what + ": load a dataset and make a valid model first."));
            return;
        }
        StarNetConfig c = config.get();
        threads.background(() -> {
            try {
                T result = work.apply(new SessionView(session.trainer(), session.dataset(), c, la));
                post(() -> onUi.accept(result));
            } catch (IllegalArgumentException | IllegalStateException | DataException e) {
                post(() -> notice.set(Notice.error(what + ": " + e.getMessage())));
            } catch (RuntimeException | OutOfMemoryError e) {
                AppLog.error(what, e);
                post(() -> notice.set(Notice.error(what + " failed (" + e.getClass().getSimpleName() + "); details are in the log.")));
            }
        });
    }

    /** What worker-side tools may read: the trainer (do not step it), its dataset, configuration and backend. */
    public record SessionView(StarNetTrainer trainer, Dataset dataset, StarNetConfig config, LinearAlgebra la) {}

    /**
     * Replaces the trained model by a refined one (same codes width): the session continues from a
     * finished state whose decoder and codes are {@code decoder} and {@code codes}; publishes a snapshot.
     */
    public void adoptRefined(starnet.model.Decoder decoder, Matrix codes, String label) {
        StarNetConfig c = config.get();
        Dataset d = dataset.get();
        int[] pins = pinned.get();
        int next = history.size();
        threads.background(() -> {
            var st = session.trainer().state();
            Matrix[] finished = st.finishedLatents().clone();
            finished[0] = codes;
            for (int i = 1; i < finished.length; i++) finished[i] = decoder.decodeFrom(la, 0, codes, i); // the refined model's own latents
            var refined = new StarNetTrainer.State(decoder, -1, null, st.epoch(), false, st.lastEpochLoss(), finished, st.log());
            TrainingSession ts = new TrainingSession(c, d, pins, la, refined, next);
            session = ts;
            TrainingSnapshot snap = ts.trainer().snapshot(next, null, pins);
            TrainingSnapshot labelled = new TrainingSnapshot(snap.index(), null, label, snap.layer(), snap.nextPhase(), snap.epochsDone(),
                    snap.current(), snap.afterLayer());
            post(() -> {
                history.add(labelled);
                latest.set(labelled);
                dirty.set(true);
            });
        });
    }

    // =====================================================================================
    // Sessions
    // =====================================================================================

    private Runnable autosaveOnLayerDone;

    /** Called after each trained layer (the view installs the autosave here). */
    public void setAutosaveOnLayerDone(Runnable r) { this.autosaveOnLayerDone = r; }

    /**
     * Saves everything needed to reopen exactly here (model, latents, step log, history) to {@code file},
     * atomically, on the worker. {@code remember} = false for autosaves (no change to the title or recent files).
     */
    public void saveSession(java.nio.file.Path file, boolean remember) {
        if (dataset.get() == null || config.get() == null || session == null) {
            if (remember) notice.set(Notice.error("Nothing to save yet: load a dataset and make a valid model first."));
            return;
        }
        java.util.function.Supplier<starnet.io.SessionFile.Session> build = sessionBuilder();
        threads.background(() -> {
            try {
                starnet.io.SessionFile.write(file, build.get());
                if (remember) {
                    post(() -> {
                        sessionPath.set(file);
                        dirty.set(false);
                        remember(file);
                        notice.set(Notice.info("Saved the session to " + file + "."));
                    });
                }
            } catch (java.io.IOException | RuntimeException e) {
                AppLog.error("saving " + file, e);
                if (remember) post(() -> notice.set(Notice.error("Could not save to " + file + ": " + e.getMessage() + ". Nothing was lost: the previous file, if any, is unchanged.")));
            }
        });
    }

    /** Captures the UI-side state now; the returned supplier completes it on the worker (trainer state, hash). */
    private java.util.function.Supplier<starnet.io.SessionFile.Session> sessionBuilder() {
        Dataset d = dataset.get();
        StarNetConfig c = config.get();
        int[] pins = pinned.get().clone();
        List<TrainingSnapshot> hist = List.copyOf(history);
        int n = datapoints;
        return () -> {
            var state = session.trainer().state();
            return new starnet.io.SessionFile.Session(c,
                    new starnet.io.SessionFile.DatasetRef(d.source(), "train", n, d.channels(), d.height(), d.width(), d.contentHash(n)),
                    pins, d.images().selectRows(pins), state, upToDate(hist, state.log(), pins));
        };
    }

    /**
     * The history as captured, plus a snapshot of the trainer now when steps ran after the capture (a
     * save queued during a run executes when the run stops), so a reopened session shows its own state.
     */
    private List<TrainingSnapshot> upToDate(List<TrainingSnapshot> hist, List<StepResult> log, int[] pins) {
        if (hist.isEmpty() || log.isEmpty()) return hist;
        StepResult shown = hist.get(hist.size() - 1).step();
        StepResult last = log.get(log.size() - 1);
        if (shown == null || shown.step() >= last.step()) return hist;
        List<TrainingSnapshot> h = new ArrayList<>(hist);
        h.add(session.trainer().snapshot(h.size(), last, pins));
        return h;
    }

    /** What {@link #export} writes. */
    public enum ExportKind { FIGURE, MODEL, METRICS }

    /**
     * Exports on the worker: a figure ({@code what} = fig2, fig4, fig6, grid or loss; format png or svg),
     * the model as NumPy files into a folder, or the metrics as CSV.
     */
    public void export(ExportKind kind, String what, java.nio.file.Path target, String format, int scale) {
        if (dataset.get() == null || config.get() == null || session == null) {
            notice.set(Notice.error("Nothing to export yet: load a dataset and make a valid model first."));
            return;
        }
        java.util.function.Supplier<starnet.io.SessionFile.Session> build = sessionBuilder();
        threads.background(() -> {
            try {
                var s = build.get();
                switch (kind) {
                    case FIGURE -> starnet.io.SessionFigures.make(what, s).write(target, format, scale);
                    case MODEL -> starnet.io.ModelExport.write(target, s.state().decoder(), s.state().finishedLatents()[0],
                            new int[] {s.dataset().channels(), s.dataset().height(), s.dataset().width()});
                    case METRICS -> {
                        byte[] csv = starnet.io.SessionFigures.metricsCsv(s.state().log()).getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        starnet.io.AtomicFiles.write(target, o -> o.write(csv));
                    }
                }
                post(() -> notice.set(Notice.info("Wrote " + target + ".")));
            } catch (java.io.IOException | RuntimeException e) {
                AppLog.error("export " + kind + " to " + target, e);
                post(() -> notice.set(Notice.error("Could not write " + target + ": " + e.getMessage())));
            }
        });
    }

    /** Opens a saved session on the worker: the dataset is reloaded and checked, the trainer continues where it was. */
    public void openSession(java.nio.file.Path file) {
        if (running.get()) {
            notice.set(Notice.error("Pause training before opening a session."));
            return;
        }
        loading.set(true);
        threads.background(() -> {
            try {
                var s = starnet.io.SessionFile.read(file);
                var ref = s.dataset();
                Dataset d = Datasets.load(ref.source(), ref.split(), 0);
                if (d.size() < ref.count() || !d.contentHash(ref.count()).equals(ref.sha256())) {
                    throw new DataException("the data at " + ref.source() + " is not the data this session was trained on (its content changed)");
                }
                TrainingSession ts = new TrainingSession(s.config(), d, s.pinned(), la, s.state(), s.history().size());
                session = ts;
                boolean done = ts.isFinished();
                post(() -> applyOpened(file, s, d, done));
            } catch (java.io.IOException | DataException e) {
                post(() -> {
                    loading.set(false);
                    notice.set(Notice.error("Could not open " + file + ": " + e.getMessage() + ". Your current work is unchanged."));
                });
            } catch (RuntimeException e) {
                AppLog.error("opening " + file, e);
                post(() -> {
                    loading.set(false);
                    notice.set(Notice.error("Could not open " + file + " (" + e.getClass().getSimpleName() + "); details are in the log. Your current work is unchanged."));
                });
            }
        });
    }

    private void applyOpened(java.nio.file.Path file, starnet.io.SessionFile.Session s, Dataset d, boolean done) {
        restoring = true;
        try {
            StarNetConfig c = s.config();
            ArchitectureConfig a = c.architecture();
            TrainingConfig t = c.training();
            dataset.set(d);
            kind.set(a.kind());
            widths.setAll(a.widths());
            kernels.setAll(a.kernels());
            kernelSize.set(a.kernelSizes().get(0));
            unpool.set(a.unpools().get(0));
            padding.set(a.padding());
            slope.set(a.slope());
            init.set(t.init());
            solver.set(t.solver());
            order.set(t.order());
            seed.set(t.seed());
            ridge.set(t.ridge());
            tolerance.set(t.tolerance());
            maxEpochs.set(t.maxEpochs());
            swSample.set(t.swSample());
            swPartitions.set(t.swPartitions());
            limit.set(c.data().limit());
            pinned.set(s.pinned().clone());
            configurationChanged();
        } finally {
            restoring = false;
        }
        steps.setAll(s.state().log());
        history.setAll(s.history());
        latest.set(history.isEmpty() ? null : history.get(history.size() - 1));
        finished.set(done);
        loading.set(false);
        sessionPath.set(file);
        dirty.set(false);
        remember(file);
        updateBlockedReason();
        TrainingSnapshot l = latest.get();
        status.set(done ? "Every layer is trained" : l == null ? "Ready" : "Ready — next: layer " + l.layer() + ", " + l.nextPhase());
        notice.set(Notice.info("Opened " + file.getFileName() + ": " + s.state().log().size() + " steps, " + d.name() + "."));
    }

    /** Adds to the recent-files list (most recent first, at most 8). */
    public void remember(java.nio.file.Path file) {
        recent.remove(file);
        recent.add(0, file);
        if (recent.size() > 8) recent.remove(8, recent.size());
    }

    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<java.nio.file.Path> sessionPathProperty() { return sessionPath.getReadOnlyProperty(); }
    public ObservableList<java.nio.file.Path> recent() { return recent; }

    // ---- accessors ----
    public ObservableList<Integer> widths() { return widths; }
    public DoubleProperty slopeProperty() { return slope; }
    public ObjectProperty<InitKind> initProperty() { return init; }
    public ObjectProperty<SolverKind> solverProperty() { return solver; }
    public ObjectProperty<SolveOrder> orderProperty() { return order; }
    public LongProperty seedProperty() { return seed; }
    public DoubleProperty ridgeProperty() { return ridge; }
    public DoubleProperty toleranceProperty() { return tolerance; }
    public IntegerProperty maxEpochsProperty() { return maxEpochs; }
    public IntegerProperty limitProperty() { return limit; }
    public IntegerProperty delayMillisProperty() { return delayMillis; }
    public ObjectProperty<String> kindProperty() { return kind; }
    public ObservableList<Integer> kernels() { return kernels; }
    public IntegerProperty kernelSizeProperty() { return kernelSize; }
    public IntegerProperty unpoolProperty() { return unpool; }
    public ObjectProperty<Padding> paddingProperty() { return padding; }
    public IntegerProperty swSampleProperty() { return swSample; }
    public IntegerProperty swPartitionsProperty() { return swPartitions; }
    /** The resolved layers for the loaded dataset, or null while the configuration is not valid. */
    public ReadOnlyObjectProperty<List<LayerPlan>> planProperty() { return plan.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<Dataset> datasetProperty() { return dataset.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<StarNetConfig> configProperty() { return config.getReadOnlyProperty(); }
    public ReadOnlyStringProperty configErrorProperty() { return configError.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<DeterminednessReport> reportProperty() { return report.getReadOnlyProperty(); }
    public ReadOnlyStringProperty trainBlockedReasonProperty() { return trainBlockedReason.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty finishedProperty() { return finished.getReadOnlyProperty(); }
    public ObservableList<TrainingSnapshot> history() { return historyView; }
    public ObservableList<StepResult> steps() { return stepsView; }
    public ReadOnlyObjectProperty<TrainingSnapshot> latestProperty() { return latest.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<int[]> pinnedProperty() { return pinned.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Notice> noticeProperty() { return notice.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<TrainCommand> activeCommandProperty() { return activeCommand.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<int[]> scheduleProperty() { return schedule.getReadOnlyProperty(); }
    public LinearAlgebra linearAlgebra() { return la; }
    public int datapoints() { return datapoints; }
}
