package starnet.training;

import starnet.model.TrainingSnapshot;

import starnet.model.StepResult;

import starnet.model.Phase;

import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.math.Solution;
import starnet.model.Decoder;
import starnet.model.ConvUnpoolLayer;
import starnet.model.DenseLayer;
import starnet.model.Layer;
import starnet.model.LeakyRelu;
import starnet.model.SolveOrder;
import starnet.model.StarNetConfig;
import starnet.model.TrainingConfig;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * StarNet's layer-wise coordinate descent (paper §3.3, DESIGN §2), one solve at a time.
 * <p>
 * The last layer is trained first with targets T = X. For the current layer, each epoch is SL (solve
 * the latents H with the weights fixed) then SW (solve the weights with the latents fixed), or the
 * other way round for {@link SolveOrder#SW_FIRST} (which starts from random latents). A layer is done
 * when an epoch improves its loss by less than the tolerance (relatively) or after the maximum number
 * of epochs; its latents then become the targets of the layer below. The first layer's latents are the codes.
 * <p>
 * Not thread-safe: one worker thread drives it. Every step either completes or, when cancelled,
 * leaves the state exactly as before it.
 */
public final class StarNetTrainer {
    private final LayerSystem system;
    private final ConvWeightSolver convWeights;
    private final TrainingConfig config;
    private final Matrix data;
    private final Matrix[] finishedLatents;
    private final List<StepResult> log = new ArrayList<>();
    private Decoder decoder;
    private Consumer<StepResult> listener = r -> {};

    // the current layer's state
    private int layer;            // 0-based; -1 once every layer is done
    private Matrix targets;       // T: N × d_out of the current layer (X itself for the last layer)
    private Matrix latents;       // H: N × d_in of the current layer
    private Matrix spareLatents;  // a free buffer of H's shape: the next SL writes here, then the two swap
    private Matrix[][] reserved;  // optional: two latents buffers per layer, allocated up front (see reserveLatents)
    private int epoch;            // epochs completed on the current layer
    private boolean firstHalfDone; // the order's first phase has run in the open epoch
    private double lastEpochLoss = Double.NaN;

    /**
     * @param data    X, N × D with pixels in [0, 1]; read only, never copied
     * @param initial the initial decoder (see {@link Initializer}); its output width must be D
     */
    public StarNetTrainer(LayerSystem system, TrainingConfig config, Matrix data, Decoder initial) {
        int[] w = initial.widths();
        if (w[w.length - 1] != data.cols()) {
            throw new IllegalArgumentException("the decoder outputs " + w[w.length - 1] + " values but the images have " + data.cols());
        }
        this.system = system;
        this.convWeights = new ConvWeightSolver(system.linearAlgebra(), system.activation(), system.solver());
        this.config = config;
        this.data = data;
        this.decoder = initial;
        this.finishedLatents = new Matrix[initial.depth()];
        startLayer(initial.depth() - 1, data);
    }

    /**
     * A fresh feedforward trainer for {@code config} on {@code data} (N × D, read only); conv
     * architectures need the image shape (the other {@code create}).
     */
    public static StarNetTrainer create(StarNetConfig config, Matrix data, LinearAlgebra la) {
        return create(config, data, 1, 1, data.cols(), la);
    }

    /**
     * A fresh trainer for {@code config} on {@code data} (N × c·h·w, read only) of images of (c, h, w):
     * layers from the architecture's plan, initial weights from its init and seed, solver from its solver and ridge.
     */
    public static StarNetTrainer create(StarNetConfig config, Matrix data, int channels, int height, int width, LinearAlgebra la) {
        LeakyRelu act = new LeakyRelu(config.architecture().slope());
        TrainingConfig t = config.training();
        Decoder d = Initializer.decoder(config.architecture().plan(channels, height, width), act, t.init(), t.seed());
        return new StarNetTrainer(Engines.layerSystem(t, act, la), t, data, d);
    }

    private void startLayer(int index, Matrix layerTargets) {
        layer = index;
        targets = layerTargets;
        epoch = 0;
        firstHalfDone = false;
        lastEpochLoss = Double.NaN;
        latents = null; // made on demand: an SL-first run never needs the random start
        spareLatents = null;
    }

    /**
     * Allocates both latents buffers of every layer now (2 × N × d_in each), so that training allocates
     * no large arrays: the JVM zeroes a large new array without pausing for safepoints, which stalls
     * every thread, the UI's included. For interactive use; costs the memory up front.
     */
    public void reserveLatents() {
        reserved = new Matrix[decoder.depth()][2];
        for (int i = 0; i < decoder.depth(); i++) {
            int d = decoder.layers().get(i).inputWidth();
            reserved[i][0] = new Matrix(data.rows(), d);
            reserved[i][1] = new Matrix(data.rows(), d);
        }
    }

    /** Does the one-off work of the first solve on the current targets now (for interactive use, while the user is idle). */
    public void prepareFirstSolve() {
        if (targets != null) system.prepareTargets(targets);
    }

    /** A buffer for the next SL's latents that holds nothing still in use. */
    private Matrix freeLatentsBuffer(int width) {
        if (spareLatents != null) return spareLatents;
        if (reserved != null) {
            for (Matrix m : reserved[layer]) if (m != latents) return m;
        }
        return new Matrix(data.rows(), width);
    }

    /** The current latents; before any SL, the seeded random start N(0, 1) (made once, then kept). */
    private Matrix latentsOrRandom() {
        if (latents == null) latents = Initializer.randomLatents(data.rows(), decoder.layers().get(layer).inputWidth(), config.seed(), layer);
        return latents;
    }

    /**
     * Everything needed to continue a run exactly (for session files). Matrices are shared, not copied:
     * treat them as read only.
     *
     * @param layer           0-based current layer, −1 when finished
     * @param latents         the current layer's latents, or null before its first SL/SW
     * @param finishedLatents per layer, its final latents once done, else null
     */
    public record State(Decoder decoder, int layer, Matrix latents, int epoch, boolean firstHalfDone, double lastEpochLoss,
                        Matrix[] finishedLatents, List<StepResult> log) {}

    public State state() {
        return new State(decoder, layer, latents, epoch, firstHalfDone, lastEpochLoss, finishedLatents.clone(), List.copyOf(log));
    }

    /** A trainer that continues from {@code state} (as saved by {@link #state()}) on the same data. */
    public static StarNetTrainer restore(StarNetConfig config, Matrix data, LinearAlgebra la, State state) {
        LeakyRelu act = new LeakyRelu(config.architecture().slope());
        TrainingConfig t = config.training();
        StarNetTrainer tr = new StarNetTrainer(Engines.layerSystem(t, act, la), t, data, state.decoder());
        int k = state.decoder().depth();
        if (state.finishedLatents().length != k) throw new IllegalArgumentException("saved state has " + state.finishedLatents().length + " layers of latents, the decoder " + k);
        System.arraycopy(state.finishedLatents(), 0, tr.finishedLatents, 0, k);
        tr.layer = state.layer();
        tr.targets = state.layer() < 0 ? null : state.layer() == k - 1 ? data : state.finishedLatents()[state.layer() + 1];
        if (state.layer() >= 0 && tr.targets == null) throw new IllegalArgumentException("saved state lacks the latents of layer " + (state.layer() + 2));
        tr.latents = state.latents();
        tr.epoch = state.epoch();
        tr.firstHalfDone = state.firstHalfDone();
        tr.lastEpochLoss = state.lastEpochLoss();
        tr.log.addAll(state.log());
        return tr;
    }

    public void setListener(Consumer<StepResult> listener) { this.listener = listener == null ? r -> {} : listener; }

    /** SL on the current layer. */
    public StepResult stepLatents(Cancellation cancel) { return step(Phase.SL, cancel); }

    /** SW on the current layer. */
    public StepResult stepWeights(Cancellation cancel) { return step(Phase.SW, cancel); }

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
        while (!isFinished() && layer == startLayer && epoch == startEpoch) out.add(step(nextPhase(), cancel));
        return out;
    }

    /** Epochs on the current layer until it is done. */
    public List<StepResult> trainLayer(Cancellation cancel) {
        requireNotFinished();
        List<StepResult> out = new ArrayList<>();
        int startLayer = layer;
        while (!isFinished() && layer == startLayer) out.add(step(nextPhase(), cancel));
        return out;
    }

    /** Every remaining layer. */
    public List<StepResult> trainAll(Cancellation cancel) {
        List<StepResult> out = new ArrayList<>();
        while (!isFinished()) out.add(step(nextPhase(), cancel));
        return out;
    }

    private StepResult step(Phase phase, Cancellation cancel) {
        requireNotFinished();
        cancel.check();
        system.prepareTargets(targets); // once per layer: its a⁻¹(T) then serves every epoch's solves
        long t0 = System.nanoTime();
        Layer current = decoder.layers().get(layer);
        Layer newLayer = current;
        Matrix newLatents = latents;
        Solution solution;
        LayerFit fit;
        boolean lastLayer = layer == decoder.depth() - 1;
        LayerSystem.OutputCheck check = lastLayer ? null : new LayerSystem.OutputCheck(decoder, layer, data);
        if (phase == Phase.SL && current instanceof ConvUnpoolLayer conv && matrixFree(conv)) {
            ConvLatentSolver cg = new ConvLatentSolver(system.linearAlgebra(), system.activation(), 500);
            newLatents = cg.solve(conv, targets, cancel);
            LayerFit own = cg.evaluate(conv, newLatents, targets, cancel);
            double out = lastLayer ? own.mse() : LayerSystem.mse(decoder.decodeFrom(system.linearAlgebra(), layer, newLatents), data);
            fit = new LayerFit(own.mse(), own.mae(), own.residuals(), out);
            solution = new Solution(null, Double.NaN, "conjugate gradients (matrix-free)", false);
        } else if (phase == Phase.SL) {
            solution = system.latentOperator(current.affine());
            Matrix into = freeLatentsBuffer(current.inputWidth());
            LayerSystem.LatentSolve ls = system.solveLatents(current.affine(), solution.x(), targets, check, into, cancel);
            newLatents = ls.latents();
            fit = ls.fit();
        } else {
            LayerSystem.WeightSolve ws = solveWeights(current, latentsOrRandom(), targets, cancel);
            solution = ws.solution();
            newLayer = ws.layer();
            newLatents = latentsOrRandom();
            if (newLayer instanceof ConvUnpoolLayer conv && matrixFree(conv)) {
                ConvLatentSolver cg = new ConvLatentSolver(system.linearAlgebra(), system.activation(), 500);
                LayerFit own = cg.evaluate(conv, newLatents, targets, cancel);
                Decoder next = decoder.withLayer(layer, newLayer);
                double out = lastLayer ? own.mse() : LayerSystem.mse(next.decodeFrom(system.linearAlgebra(), layer, newLatents), data);
                fit = new LayerFit(own.mse(), own.mae(), own.residuals(), out);
            } else {
                fit = system.evaluate(newLayer.affine(), newLatents, targets, check, cancel);
            }
        }
        Decoder newDecoder = decoder.withLayer(layer, newLayer);
        double outputMse = lastLayer ? fit.mse() : fit.outputMse();
        double seconds = (System.nanoTime() - t0) / 1e9;

        // commit: nothing above may throw past this point
        decoder = newDecoder;
        if (newLatents != latents) {
            spareLatents = latents; // the previous latents are free now: the next SL overwrites them (no 100 MB allocation per step)
            latents = newLatents;
        }
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
                seconds, solution.conditionEstimate(), solution.method(), fit.residuals(), layerDone);
        log.add(r);
        if (layerDone) {
            finishedLatents[layer] = latents;
            startLayer(layer - 1, latents);
        }
        listener.accept(r);
        return r;
    }

    /** Whether SL on this conv layer runs matrix-free: chosen by the configuration, or by size when "auto". */
    private boolean matrixFree(ConvUnpoolLayer c) {
        return config.latentPath().equals("cg") || (config.latentPath().equals("auto") && !c.denseFits());
    }

    /**
     * SW on all datapoints, or — per the configuration — on a random subset of them and/or on P
     * partitions whose solutions are averaged (paper Lemma 8, Fig. 8).
     */
    private LayerSystem.WeightSolve solveWeights(Layer current, Matrix h, Matrix t, Cancellation cancel) {
        int[][] parts = weightRowSets();
        if (parts == null) return solveWeightsOn(current, h, t, cancel);
        List<LayerSystem.WeightSolve> solves = new ArrayList<>();
        for (int[] rows : parts) solves.add(solveWeightsOn(current, h.selectRows(rows), t.selectRows(rows), cancel));
        if (solves.size() == 1) {
            LayerSystem.WeightSolve only = solves.get(0);
            return new LayerSystem.WeightSolve(only.layer(), new Solution(only.solution().x(), only.solution().conditionEstimate(),
                    only.solution().method() + " on " + parts[0].length + " sampled datapoints", only.solution().fellBack()));
        }
        Matrix sum = null;
        double cond = 0;
        for (LayerSystem.WeightSolve w : solves) {
            Matrix m = augmented(w.layer());
            if (sum == null) sum = m;
            else for (int i = 0; i < m.data().length; i++) sum.data()[i] += m.data()[i];
            cond = Math.max(cond, w.solution().conditionEstimate());
        }
        for (int i = 0; i < sum.data().length; i++) sum.data()[i] /= solves.size();
        Layer averaged = current instanceof ConvUnpoolLayer c ? ConvUnpoolLayer.fromAugmented(c.shape(), sum) : DenseLayer.fromAugmented(sum);
        String method = solves.get(0).solution().method() + ", averaged over " + solves.size() + " partitions";
        return new LayerSystem.WeightSolve(averaged, new Solution(sum, cond, method, solves.get(0).solution().fellBack()));
    }

    private LayerSystem.WeightSolve solveWeightsOn(Layer current, Matrix h, Matrix t, Cancellation cancel) {
        if (current instanceof ConvUnpoolLayer c) return convWeights.solve(c.shape(), h, t, cancel);
        return system.solveWeights(h, t, cancel);
    }

    private static Matrix augmented(Layer l) {
        return l instanceof ConvUnpoolLayer c ? c.augmentedKernels() : ((DenseLayer) l).augmentedWeights();
    }

    /** Row sets for SW, or null for all rows in one solve. Seeded by (seed, layer, step). */
    private int[][] weightRowSets() {
        int n = data.rows(), sample = config.swSample(), parts = config.swPartitions();
        if ((sample == 0 || sample >= n) && parts == 1) return null;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + 7919L * (layer + 1) + log.size());
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        int m = sample == 0 || sample >= n ? n : sample;
        parts = Math.max(1, Math.min(parts, m));
        int[][] out = new int[parts][];
        for (int p = 0; p < parts; p++) {
            int from = (int) ((long) m * p / parts), to = (int) ((long) m * (p + 1) / parts);
            out[p] = java.util.Arrays.copyOfRange(perm, from, to);
            java.util.Arrays.sort(out[p]);
        }
        return out;
    }

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

    public Matrix data() { return data; }

    public LinearAlgebra linearAlgebra() { return system.linearAlgebra(); }

    public List<StepResult> log() { return Collections.unmodifiableList(log); }

    /**
     * The system of the newest step as it stands after it: its layer (0-based index and weights), the layer's
     * targets T (N × d_out: the images for the last layer, else the latents of the layer above) and its
     * latents H (N × d_in); null before the first step. Arrays are shared: read only.
     */
    public record StepSystem(StepResult step, int index, Layer layer, Matrix targets, Matrix latents) {}

    /** See {@link StepSystem}; null before the first step. */
    public StepSystem newestSystem() {
        if (log.isEmpty()) return null;
        StepResult r = log.get(log.size() - 1);
        int i = r.layer() - 1;
        Matrix t = i == decoder.depth() - 1 ? data : finishedLatents[i + 1];
        Matrix h = i == layer ? latents : finishedLatents[i];
        return new StepSystem(r, i, decoder.layers().get(i), t, h);
    }

    /** The codes h_0 (N × d_0) once the first layer is done, else null. */
    public Matrix codes() { return finishedLatents[0]; }

    /** Latents entering layer {@code index} (0-based) once that layer is done, else null. Shared, do not modify. */
    public Matrix finishedLatents(int index) { return finishedLatents[index]; }

    /**
     * The current layer's latents (shared, do not modify; overwritten by the SL after next): the random
     * start before any SL; null when finished.
     */
    public Matrix currentLatents() { return isFinished() ? null : latentsOrRandom(); }

    /**
     * A picture of the current state for the given dataset rows: the reconstruction from the current
     * latents (for a step that closed its layer, that layer's result) and after each finished layer.
     *
     * @param step the step that led here, or null for the initial state
     */
    public TrainingSnapshot snapshot(int index, StepResult step, int[] rows) {
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
        return decoder.decodeFrom(system.linearAlgebra(), layer, latentsOrRandom().selectRows(rows));
    }

    /** Images decoded from the finished latents of layer {@code index} (0-based); null if not done yet. */
    public Matrix reconstructAfterLayer(int index, int[] rows) {
        Matrix h = finishedLatents[index];
        return h == null ? null : decoder.decodeFrom(system.linearAlgebra(), index, h.selectRows(rows));
    }
}
