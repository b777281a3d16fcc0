package starnet.training;

import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.math.Solution;
import starnet.model.Decoder;
import starnet.model.Layer;
import starnet.model.LeakyRelu;
import starnet.model.Phase;
import starnet.model.SolveOrder;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;
import starnet.model.TrainingConfig;
import starnet.model.TrainingSnapshot;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * StarNet's layer-wise coordinate descent (paper §3.3, DESIGN §2), one solve at a time, on any {@link TrainingEngine}.
 * <p>
 * The last layer is trained first with targets T = X. For the current layer, each epoch is SL (solve
 * the latents H with the weights fixed) then SW (solve the weights with the latents fixed), or the
 * other way round for {@link SolveOrder#SW_FIRST} (which starts from random latents). A layer is done
 * when an epoch improves its loss by less than the tolerance (relatively) or after the maximum number
 * of epochs; its latents then become the targets of the layer below. The first layer's latents are the codes.
 * <p>
 * This class is the schedule and owns the decoder; the engine owns the datapoints and their passes. The small
 * systems (SL's operator, SW's normal equations) are solved here, the same way for every engine.
 * <p>
 * Not thread-safe: one worker thread drives it. Every step either completes or, when cancelled,
 * leaves the state exactly as before it.
 */
public final class StarNetTrainer {
    private final LayerPasses passes;
    private final TrainingEngine engine;
    private final TrainingConfig config;
    private final List<StepResult> log = new ArrayList<>();
    private Decoder decoder;
    private Consumer<StepResult> listener = r -> {};
    private boolean newestResidualsOnly;
    private EquationsAhead ahead; // SW's normal equations made by the SL before it, for the step that follows only

    // the current layer's state (its latents live in the engine)
    private int layer;            // 0-based; -1 once every layer is done
    private int epoch;            // epochs completed on the current layer
    private boolean firstHalfDone; // the order's first phase has run in the open epoch
    private double lastEpochLoss = Double.NaN;

    /**
     * A schedule over {@code engine}, which holds the data and starts at the last layer.
     *
     * @param initial the initial decoder (see {@link Initializer}); its output width must be the engine's D
     */
    public StarNetTrainer(LayerPasses passes, TrainingConfig config, TrainingEngine engine, Decoder initial) {
        int[] w = initial.widths();
        if (w[w.length - 1] != engine.pixels()) {
            throw new IllegalArgumentException("the decoder outputs " + w[w.length - 1] + " values but the images have " + engine.pixels());
        }
        this.passes = passes;
        this.engine = engine;
        this.config = config;
        this.decoder = initial;
        startLayer(initial.depth() - 1);
    }

    /**
     * A schedule with the data in memory.
     *
     * @param data    X, N × D with pixels in [0, 1]; read only, never copied
     * @param initial the initial decoder (see {@link Initializer}); its output width must be D
     */
    public StarNetTrainer(LayerSystem system, TrainingConfig config, Matrix data, Decoder initial) {
        this(new LayerPasses(system, config.latentPath()), config, memory(new LayerPasses(system, config.latentPath()), data, initial), initial);
    }

    private static MemoryEngine memory(LayerPasses passes, Matrix data, Decoder initial) {
        int[] w = initial.widths();
        if (w[w.length - 1] != data.cols()) throw new IllegalArgumentException("the decoder outputs " + w[w.length - 1] + " values but the images have " + data.cols());
        return new MemoryEngine(passes, data, inputWidths(initial));
    }

    /** d_in of every layer of {@code d}, first to last. */
    public static int[] inputWidths(Decoder d) {
        int[] w = d.widths();
        return java.util.Arrays.copyOf(w, d.depth());
    }

    /**
     * A fresh feedforward trainer for {@code config} on {@code data} (N × D, read only); conv
     * architectures need the image shape (the other {@code create}).
     */
    public static StarNetTrainer create(StarNetConfig config, Matrix data, LinearAlgebra la) {
        return create(config, data, 1, 1, data.cols(), la);
    }

    /**
     * A fresh trainer for {@code config} on {@code data} (N × c·h·w, read only) of images of (c, h, w), in memory:
     * layers from the architecture's plan, initial weights from its init and seed, solver from its solver and ridge.
     */
    public static StarNetTrainer create(StarNetConfig config, Matrix data, int channels, int height, int width, LinearAlgebra la) {
        LayerPasses passes = Engines.passes(config, la);
        Decoder d = initialDecoder(config, channels, height, width);
        return new StarNetTrainer(passes, config.training(), new MemoryEngine(passes, data, inputWidths(d)), d);
    }

    /**
     * A fresh trainer for {@code config} on every image of {@code data}, in memory: over its bytes, widened by blocks,
     * when it holds its pixels as bytes; else over its doubles.
     */
    public static StarNetTrainer create(StarNetConfig config, starnet.model.Dataset data, LinearAlgebra la) {
        if (!(data.held() instanceof starnet.math.PixelBytes bytes)) return create(config, data.images(), data.channels(), data.height(), data.width(), la);
        LayerPasses passes = Engines.passes(config, la);
        Decoder d = initialDecoder(config, data.channels(), data.height(), data.width());
        return new StarNetTrainer(passes, config.training(), new MemoryEngine(passes, bytes, data::images, inputWidths(d)), d);
    }

    /** The seeded initial decoder of {@code config} for images of (c, h, w). */
    public static Decoder initialDecoder(StarNetConfig config, int channels, int height, int width) {
        LeakyRelu act = new LeakyRelu(config.architecture().slope());
        TrainingConfig t = config.training();
        return Initializer.decoder(config.architecture().plan(channels, height, width), act, t.init(), t.seed());
    }

    private void startLayer(int index) {
        layer = index;
        epoch = 0;
        firstHalfDone = false;
        lastEpochLoss = Double.NaN;
        engine.startLayer(index); // latents made on demand: an SL-first run never needs the random start
    }

    /** Does the one-off work of the first solve on the current targets now (for interactive use, while the user is idle). */
    public void prepareFirstSolve() {
        if (!isFinished()) engine.prepare();
    }

    /** The current latents; before any SL, the seeded random start N(0, 1) (made once, then kept). */
    private void ensureLatents() {
        if (!engine.hasLatents()) engine.randomLatents(config.seed());
    }

    /**
     * Everything needed to continue a run exactly (for session files). Matrices are shared, not copied:
     * treat them as read only.
     *
     * @param layer           0-based current layer, −1 when finished
     * @param latents         the current layer's latents, or null before its first SL/SW
     * @param finishedLatents per layer, its final latents once done, else null
     * @param files           where the latents are kept instead (the matrices are then null), or null when they are in the state
     */
    public record State(Decoder decoder, int layer, Matrix latents, int epoch, boolean firstHalfDone, double lastEpochLoss,
                        Matrix[] finishedLatents, List<StepResult> log, starnet.model.LatentFiles files) {
        /** A state that holds its latents. */
        public State(Decoder decoder, int layer, Matrix latents, int epoch, boolean firstHalfDone, double lastEpochLoss, Matrix[] finishedLatents,
                     List<StepResult> log) {
            this(decoder, layer, latents, epoch, firstHalfDone, lastEpochLoss, finishedLatents, log, null);
        }
    }

    public State state() {
        Matrix[] finished = new Matrix[decoder.depth()];
        for (int i = 0; i < finished.length; i++) finished[i] = engine.finishedLatents(i);
        return new State(decoder, layer, isFinished() ? null : engine.currentLatents(), epoch, firstHalfDone, lastEpochLoss, finished, List.copyOf(log));
    }

    /**
     * {@link #state()} with the latents left where the engine keeps them, written as files under {@code dir} by the machines
     * that hold them ({@link TrainingEngine#writeLatents}); null when the engine cannot, so that the caller takes {@link #state()}.
     */
    public State stateWritingLatents(String dir) {
        // before the layer's first solve its latents are the seeded start (or none), which a continued run makes again alike
        starnet.model.LatentFiles files = engine.writeLatents(dir, epoch > 0 || firstHalfDone);
        if (files == null) return null;
        return new State(decoder, layer, null, epoch, firstHalfDone, lastEpochLoss, new Matrix[decoder.depth()], List.copyOf(log), files);
    }

    /** A trainer that continues from {@code state} (as saved by {@link #state()}) on the same data, in memory. */
    public static StarNetTrainer restore(StarNetConfig config, Matrix data, LinearAlgebra la, State state) {
        LayerPasses passes = Engines.passes(config, la);
        return restore(passes, config.training(), new MemoryEngine(passes, data, inputWidths(state.decoder())), state);
    }

    /** A trainer that continues from {@code state} on {@code engine} (which holds the same data). */
    public static StarNetTrainer restore(LayerPasses passes, TrainingConfig config, TrainingEngine engine, State state) {
        StarNetTrainer tr = new StarNetTrainer(passes, config, engine, state.decoder());
        int k = state.decoder().depth();
        if (state.finishedLatents().length != k) throw new IllegalArgumentException("saved state has " + state.finishedLatents().length + " layers of latents, the decoder " + k);
        if (state.files() != null) engine.restore(state.layer(), state.files());
        else engine.restore(state.layer(), state.latents(), state.finishedLatents());
        tr.layer = state.layer();
        tr.epoch = state.epoch();
        tr.firstHalfDone = state.firstHalfDone();
        tr.lastEpochLoss = state.lastEpochLoss();
        tr.log.addAll(state.log());
        return tr;
    }

    /**
     * From now on the log keeps per-datapoint residuals for its newest step only (older steps keep their losses): for
     * runs of millions of datapoints, whose residuals would otherwise grow by N values per step.
     */
    public void keepNewestResidualsOnly() { newestResidualsOnly = true; }

    public void setListener(Consumer<StepResult> listener) { this.listener = listener == null ? r -> {} : listener; }

    /** SL on the current layer. */
    public StepResult stepLatents(Cancellation cancel) { return step(Phase.SL, cancel, false); }

    /** SW on the current layer. */
    public StepResult stepWeights(Cancellation cancel) { return step(Phase.SW, cancel, false); }

    /** The phase the schedule runs next on the current layer. */
    public Phase nextPhase() {
        Phase first = config.order() == SolveOrder.SL_FIRST ? Phase.SL : Phase.SW;
        return firstHalfDone ? other(first) : first;
    }

    /**
     * Whether {@code r}, the step this trainer just took, completed an epoch of the schedule (its second
     * phase, or the solve that finished the layer).
     */
    public boolean closedEpoch(StepResult r) {
        if (r.layerDone()) return true;
        Phase first = config.order() == SolveOrder.SL_FIRST ? Phase.SL : Phase.SW;
        return epoch > 0 && !firstHalfDone && r.phase() != first;
    }

    /** One full epoch (the rest of the open one, if half done). */
    public List<StepResult> stepEpoch(Cancellation cancel) {
        requireNotFinished();
        List<StepResult> out = new ArrayList<>();
        int startLayer = layer, startEpoch = epoch;
        while (!isFinished() && layer == startLayer && epoch == startEpoch) out.add(step(nextPhase(), cancel, true));
        return out;
    }

    /** Epochs on the current layer until it is done. */
    public List<StepResult> trainLayer(Cancellation cancel) {
        requireNotFinished();
        List<StepResult> out = new ArrayList<>();
        int startLayer = layer;
        while (!isFinished() && layer == startLayer) out.add(step(nextPhase(), cancel, true));
        return out;
    }

    /** Every remaining layer. */
    public List<StepResult> trainAll(Cancellation cancel) {
        List<StepResult> out = new ArrayList<>();
        while (!isFinished()) out.add(step(nextPhase(), cancel, true));
        return out;
    }

    /**
     * One solve of the schedule; {@code more}: the caller goes on with the schedule's next step, so an SL that opens an
     * epoch may have the engine compute the SW that follows in the same pass ({@link TrainingEngine#solveLatentsAhead}).
     */
    private StepResult step(Phase phase, Cancellation cancel, boolean more) {
        requireNotFinished();
        cancel.check();
        EquationsAhead ahead = this.ahead;
        this.ahead = null; // good for the very next step only
        EquationsAhead madeAhead = null;
        engine.prepare(); // once per layer: in memory its a⁻¹(T) then serves every epoch's solves
        long t0 = System.nanoTime();
        Layer current = decoder.layers().get(layer);
        Layer newLayer = current;
        Solution solution;
        LayerFit fit;
        boolean lastLayer = layer == decoder.depth() - 1;
        boolean newLatents = false;
        double moved = 0; // seconds of this step's pass that belong to another step (SW's normal equations computed with SL)
        if (phase == Phase.SL) {
            LatentOperator op = passes.latentOperator(current);
            if (more && swFollows()) {
                int[][] sets = WeightRows.sets(config, engine.rows(), layer, log.size() + 1);
                TrainingEngine.Ahead a = engine.solveLatentsAhead(decoder, op, sets, cancel);
                fit = a.fit();
                madeAhead = new EquationsAhead(layer, log.size() + 1, sets, a.equations(), a.equationSeconds()); // the row sets, at least
                moved = -a.equationSeconds();
            } else {
                fit = engine.solveLatents(decoder, op, cancel);
            }
            solution = op.report();
            newLatents = true;
        } else {
            ensureLatents();
            int[][] sets;
            Matrix[][] eq;
            if (ahead != null && ahead.layer() == layer && ahead.step() == log.size()) {
                sets = ahead.sets();
                eq = ahead.equations() != null ? ahead.equations() : engine.normalEquations(decoder, sets, cancel);
                moved = ahead.seconds();
            } else {
                sets = WeightRows.sets(config, engine.rows(), layer, log.size());
                eq = engine.normalEquations(decoder, sets, cancel);
            }
            cancel.check();
            LayerSystem.WeightSolve ws = passes.solveWeights(current, eq, sets != null && sets.length == 1 ? sets[0].length : 0);
            solution = ws.solution();
            newLayer = ws.layer();
            fit = engine.evaluate(decoder.withLayer(layer, newLayer), cancel);
        }
        Decoder newDecoder = decoder.withLayer(layer, newLayer);
        double outputMse = lastLayer ? fit.mse() : fit.outputMse();
        double seconds = (System.nanoTime() - t0) / 1e9 + moved;

        // commit: nothing above may throw past this point
        decoder = newDecoder;
        if (newLatents) engine.adoptLatents();
        this.ahead = madeAhead;
        int layerNumber = layer + 1;
        Phase first = config.order() == SolveOrder.SL_FIRST ? Phase.SL : Phase.SW;
        boolean layerDone = false;
        if (phase == first && !firstHalfDone) {
            firstHalfDone = true;
        } else if (phase != first && firstHalfDone) {
            firstHalfDone = false;
            epoch++;
            layerDone = layerConverged(fit.mse());
            lastEpochLoss = fit.mse();
        } // any other solve is an extra one outside the schedule and does not count as an epoch
        int epochNumber = layerDone || (!firstHalfDone && phase != first) ? Math.max(1, epoch) : epoch + 1;
        StepResult r = new StepResult(log.size(), layerNumber, epochNumber, phase, fit.mse(), fit.mae(), outputMse,
                seconds, solution.conditionEstimate(), solution.method(), fit.residuals(), fit.summary(), layerDone);
        if (newestResidualsOnly && !log.isEmpty()) log.set(log.size() - 1, log.get(log.size() - 1).withoutResiduals());
        log.add(r);
        if (layerDone) {
            engine.finishLayer();
            startLayer(layer - 1);
        }
        listener.accept(r);
        return r;
    }

    /** Whether the schedule's next solve on this layer is an SW: an SL opens the epoch (SL first) and SW closes it. */
    private boolean swFollows() {
        return config.order() == SolveOrder.SL_FIRST && !firstHalfDone;
    }

    /**
     * SW's row sets of step {@code step} on layer {@code layer}, drawn for the SL before it, and its normal equations when
     * the engine computed them in that SL's pass (else null), with their share of that pass's seconds.
     */
    private record EquationsAhead(int layer, int step, int[][] sets, Matrix[][] equations, double seconds) {}

    private boolean layerConverged(double loss) {
        return layerDone(epoch, lastEpochLoss, loss, config);
    }

    /**
     * The schedule's stopping rule, shared by every engine: a layer is done after {@code epochs} epochs when that is
     * the maximum, or when the last epoch improved its loss ({@code previous} → {@code loss}) by less than the tolerance, relatively.
     */
    public static boolean layerDone(int epochs, double previous, double loss, TrainingConfig t) {
        if (epochs >= t.maxEpochs()) return true;
        if (Double.isNaN(previous) || previous <= 0) return false;
        return (previous - loss) / previous < t.tolerance();
    }

    private static Phase other(Phase p) { return p == Phase.SL ? Phase.SW : Phase.SL; }

    private void requireNotFinished() {
        if (isFinished()) throw new IllegalStateException("every layer is trained already");
    }

    // ---- read access (for the worker that owns this trainer) ----

    public boolean isFinished() { return layer < 0; }

    /** 1-based current layer, 0 when finished. */
    public int currentLayer() { return layer + 1; }

    /** Epochs completed on the current layer. */
    public int epochsDone() { return epoch; }

    public Decoder decoder() { return decoder; }

    public TrainingConfig config() { return config; }

    /** The images in use when the engine holds them in this heap (N × D, shared: read only), else null. */
    public Matrix data() {
        TrainingEngine.InMemory m = engine.inMemory();
        return m == null ? null : m.images();
    }

    /** The engine that holds the data. */
    public TrainingEngine engine() { return engine; }

    public LinearAlgebra linearAlgebra() { return passes.linearAlgebra(); }

    public List<StepResult> log() { return Collections.unmodifiableList(log); }

    /**
     * The system of the newest step as it stands after it: its layer (0-based index and weights), the layer's
     * targets T (N × d_out: the images for the last layer, else the latents of the layer above) and its
     * latents H (N × d_in); null before the first step. Arrays are shared: read only.
     */
    public record StepSystem(StepResult step, int index, Layer layer, Matrix targets, Matrix latents) {}

    /** See {@link StepSystem}; null before the first step, or when the engine does not hold its arrays in this heap. */
    public StepSystem newestSystem() {
        if (log.isEmpty() || engine.inMemory() == null) return null;
        StepResult r = log.get(log.size() - 1);
        int i = r.layer() - 1;
        Matrix t = i == decoder.depth() - 1 ? data() : engine.finishedLatents(i + 1);
        Matrix h = i == layer ? engine.currentLatents() : engine.finishedLatents(i);
        return new StepSystem(r, i, decoder.layers().get(i), t, h);
    }

    /**
     * The newest step's system on the datapoints {@code rows} (ascending) only, read from wherever the engine keeps them (a
     * job on a cluster, a read of a store); null before the first step or when the engine has no latents of its layer.
     */
    public StepSystem newestSystemOf(int[] rows) {
        if (log.isEmpty()) return null;
        StepResult r = log.get(log.size() - 1);
        int i = r.layer() - 1;
        Matrix h = engine.latentRows(i, rows);
        Matrix t = i == decoder.depth() - 1 ? engine.imageRows(rows) : engine.latentRows(i + 1, rows);
        return h == null || t == null ? null : new StepSystem(r, i, decoder.layers().get(i), t, h);
    }

    /** The codes h_0 (N × d_0) once the first layer is done, else null. */
    public Matrix codes() { return engine.finishedLatents(0); }

    /** The codes in blocks of rows (see {@link TrainingEngine#finishedLatentBlocks}), or null before the first layer is done. */
    public starnet.math.RowBlocks codeBlocks() { return engine.finishedLatentBlocks(0); }

    /** Latents entering layer {@code index} (0-based) once that layer is done, else null. Shared, do not modify. */
    public Matrix finishedLatents(int index) { return engine.finishedLatents(index); }

    /**
     * The current layer's latents (shared, do not modify; overwritten by the SL after next): the random
     * start before any SL; null when finished.
     */
    public Matrix currentLatents() {
        if (isFinished()) return null;
        ensureLatents();
        return engine.currentLatents();
    }

    /**
     * A picture of the current state for the given dataset rows: the reconstruction from the current
     * latents (for a step that closed its layer, that layer's result) and after each finished layer.
     *
     * @param step the step that led here, or null for the initial state
     */
    public TrainingSnapshot snapshot(int index, StepResult step, int[] rows) {
        engine.watch(rows);
        int k = decoder.depth();
        List<Matrix> after = new ArrayList<>(Collections.nCopies(k, (Matrix) null));
        for (int i = 0; i < k; i++) after.set(i, reconstructAfterLayer(i, rows));
        String label = step == null ? "Init" : "L" + step.layer() + " " + step.phase() + step.epoch();
        Matrix current = step != null && step.layerDone() ? after.get(step.layer() - 1) : reconstructCurrent(rows);
        return new TrainingSnapshot(index, step, label, currentLayer(), isFinished() ? null : nextPhase(), epochsDone(),
                current, Collections.unmodifiableList(after));
    }

    /**
     * Images decoded from the current layer's latents of rows {@code rows}, through the current layer
     * and every layer above: a new rows.length × D matrix. When finished, decodes the codes.
     */
    public Matrix reconstructCurrent(int[] rows) {
        if (isFinished()) return reconstructAfterLayer(0, rows);
        ensureLatents();
        return decoder.decodeFrom(linearAlgebra(), layer, engine.latentRows(layer, rows));
    }

    /** Images decoded from the finished latents of layer {@code index} (0-based); null if not done yet. */
    public Matrix reconstructAfterLayer(int index, int[] rows) {
        if (index <= layer) return null;
        Matrix h = engine.latentRows(index, rows);
        return h == null ? null : decoder.decodeFrom(linearAlgebra(), index, h);
    }
}
