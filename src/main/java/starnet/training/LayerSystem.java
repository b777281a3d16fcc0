package starnet.training;

import starnet.math.Block;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.math.PixelBytes;
import starnet.math.Rows;
import starnet.math.NormalEquationsSolver;
import starnet.math.RowParallel;
import starnet.math.SingleBlock;
import starnet.math.SinglePrecision;
import starnet.math.Solution;
import starnet.math.Workspace;
import starnet.model.Decoder;
import starnet.model.DenseLayer;
import starnet.model.LeakyRelu;

import java.nio.DoubleBuffer;

/**
 * The linear systems of one dense layer (DESIGN §2), computed over row chunks in work blocks that the
 * backend reads without copying. No method modifies its {@code Matrix} arguments.
 * <p>
 * Notation per layer: V (d_out × d_in) and b (d_out) are the weights, T (N × d_out) the targets,
 * P = a⁻¹(T) the pre-activation targets, H (N × d_in) the latents.
 */
public final class LayerSystem {
    private final LinearAlgebra la;
    private final LeakyRelu act;
    private final NormalEquationsSolver solver;
    private final java.util.List<Block> pool = new java.util.ArrayList<>();
    private final java.util.List<SingleBlock> singlePool = new java.util.ArrayList<>();
    private MeasurePrecision measure = MeasurePrecision.configured();

    public LayerSystem(LinearAlgebra la, LeakyRelu act, NormalEquationsSolver solver) {
        this.la = la;
        this.act = act;
        this.solver = solver;
    }

    public LinearAlgebra linearAlgebra() { return la; }

    public LeakyRelu activation() { return act; }

    public NormalEquationsSolver solver() { return solver; }

    /** Multiplies the products that only measure a fit in {@code p} from now on; returns this. */
    public LayerSystem measuring(MeasurePrecision p) {
        measure = p;
        return this;
    }

    /** Whether measured products run in float32 now: asked for, and the backend has them. */
    private boolean single() {
        return measure == MeasurePrecision.SINGLE && la instanceof SinglePrecision;
    }

    private Workspace workspace() {
        return new Workspace(la, pool, singlePool);
    }

    /**
     * The widest row a chunk touches: the layer's own outputs and inputs, and — when the output MSE is measured —
     * every layer above that the chunk is decoded through. Chunk sizes follow it, so a narrow layer under a wide
     * image never allocates chunk × image-width buffers sized for its own width.
     */
    static int widest(OutputCheck check, int dout, int din) {
        int w = Math.max(dout, din);
        if (check != null) {
            for (int i = check.layerIndex() + 1; i < check.decoder().depth(); i++) w = Math.max(w, check.decoder().layers().get(i).outputWidth());
        }
        return w;
    }

    /** Frees the pooled work memory now (it is also freed when this object is garbage collected). */
    public void releaseWorkMemory() {
        Workspace.free(pool);
        Workspace.freeSingle(singlePool);
        dropPrepared();
    }

    /** The SL operator for a layer: h = S·(p − b), S = (VᵀV)⁻¹Vᵀ of shape d_in × d_out (in {@code x()}). */
    public Solution latentOperator(DenseLayer layer) {
        Matrix v = layer.weights();
        Matrix g = new Matrix(v.cols(), v.cols());
        la.gramAccumulate(1.0, v, 0.0, g);
        return solver.solve(g, v.transpose());
    }

    /**
     * Ask for the output MSE too: the layer's outputs are decoded on through {@code decoder}'s layers
     * above {@code layerIndex} (0-based) and compared with {@code images} (N × D), in the same pass.
     */
    public record OutputCheck(Decoder decoder, int layerIndex, Rows images) {
        boolean hasLayersAbove() { return layerIndex < decoder.depth() - 1; }
    }

    /** The latents of every datapoint (a new N × d_in matrix) and the layer's fit to its targets with them. */
    public record LatentSolve(Matrix latents, LayerFit fit) {}

    /**
     * SL for every datapoint, fused with the evaluation of the fit: per chunk P = a⁻¹(T), H = P·Sᵀ − (S·b)ᵀ,
     * Y = H·Vᵀ + b, then errors against T and residuals against P.
     *
     * @param op      S from {@link #latentOperator}, d_in × d_out, read only
     * @param targets T, N × d_out, read only
     */
    public LatentSolve solveLatents(DenseLayer layer, Matrix op, Rows targets, Cancellation cancel) {
        return solveLatents(layer, op, targets, null, null, cancel);
    }

    /**
     * {@link #solveLatents(DenseLayer, Matrix, Matrix, Cancellation)} that also measures the output MSE
     * (check may be null) and writes the latents into {@code into} (N × d_in, written; null for a new matrix).
     */
    public LatentSolve solveLatents(DenseLayer layer, Matrix op, Rows targets, OutputCheck check, Matrix into, Cancellation cancel) {
        int n = targets.rows(), dout = targets.cols(), din = layer.inputWidth();
        int width = widest(check, dout, din);
        int chunk = ChunkedRows.balancedRows(n, width);
        try (Workspace ws = workspace()) {
        Block s = ws.blockOf(op);
        double[] sb = new double[din];
        for (int i = 0; i < din; i++) {
            double acc = 0;
            for (int j = 0; j < dout; j++) acc += op.get(i, j) * layer.bias()[j];
            sb[i] = acc;
        }
        Block p = ws.scratch(chunk, dout), h = ws.scratch(chunk, din);
        if (into != null && (into.rows() != n || into.cols() != din)) throw new IllegalArgumentException("latents buffer " + into.shape() + ", expected " + n + "x" + din);
        Matrix latents = into != null ? into : new Matrix(n, din);
        Measurement m = new Measurement(layer, check, n, chunk, ws);
        ChunkedRows.forEach(n, width, cancel, (from, to) -> {
            int rows = to - from;
            Block pc = preActivation(targets, from, to, p);
            Block hc = h.withRows(rows);
            la.gemm(false, true, 1.0, pc, s, 0.0, hc);
            subtractFromRows(hc, sb);
            hc.storeInto(latents, from);
            m.add(hc, pc, targets, from);
        });
        return new LatentSolve(latents, m.result());
        }
    }

    /** SL for every datapoint: a new N × d_in matrix (see {@link #solveLatents}). */
    public Matrix solveAllLatents(DenseLayer layer, Matrix op, Rows targets, Cancellation cancel) {
        return solveLatents(layer, op, targets, cancel).latents();
    }

    /** The result of SW: the new layer and the least-squares report. */
    public record WeightSolve(starnet.model.Layer layer, Solution solution) {}

    /**
     * SW: min_W ‖[H 1]Wᵀ − a⁻¹(T)‖² through the shared Gram matrix [H 1]ᵀ[H 1] and right-hand sides
     * [H 1]ᵀa⁻¹(T), both accumulated over row chunks.
     *
     * @param latents H, N × d_in, read only
     * @param targets T, N × d_out, read only
     */
    public WeightSolve solveWeights(Matrix latents, Rows targets, Cancellation cancel) {
        Matrix[] eq = normalEquations(latents, targets, cancel);
        cancel.check();
        return solveNormalEquations(eq[0], eq[1]);
    }

    /**
     * SW's normal equations for these rows: {[H 1]ᵀ[H 1] ((d_in+1)²), [H 1]ᵀa⁻¹(T) ((d_in+1) × d_out)}, accumulated over
     * row chunks. Sums over disjoint row sets add up to the sums over their union (how a distributed SW combines them).
     *
     * @param latents H, N × d_in, read only
     * @param targets T, N × d_out, read only
     */
    public Matrix[] normalEquations(Matrix latents, Rows targets, Cancellation cancel) {
        int n = latents.rows(), din = latents.cols(), dout = targets.cols();
        int chunk = ChunkedRows.balancedRows(n, Math.max(dout, din + 1));
        try (Workspace ws = new Workspace(la, pool)) {
            Block gram = ws.zeros(din + 1, din + 1), rhs = ws.zeros(din + 1, dout);
            Block a = ws.scratch(chunk, din + 1), p = ws.scratch(chunk, dout);
            ChunkedRows.forEach(n, Math.max(dout, din + 1), cancel, (from, to) -> {
                Block ac = withOnesColumn(latents, from, to, a);
                Block pc = preActivation(targets, from, to, p);
                la.gramAccumulate(1.0, ac, 1.0, gram);
                la.gemm(true, false, 1.0, ac, pc, 1.0, rhs);
            });
            return new Matrix[] {gram.toMatrix(), rhs.toMatrix()};
        }
    }

    /** The layer that solves the normal equations {@code gram} ((d_in+1)², read only) and {@code rhs} ((d_in+1) × d_out, read only). */
    public WeightSolve solveNormalEquations(Matrix gram, Matrix rhs) {
        Solution s = solver.solve(gram, rhs);
        Matrix x = s.x(); // (din+1) × dout
        int din = gram.rows() - 1;
        Matrix vNew = x.rowRange(0, din).transpose();
        double[] b = x.row(din);
        return new WeightSolve(new DenseLayer(vNew, b), s);
    }

    /**
     * The layer's fit: MSE and MAE of a(Vh + b) against T, and per-datapoint residuals ‖Vh + b − p‖/‖p‖.
     *
     * @param latents H, N × d_in, read only
     * @param targets T, N × d_out, read only
     */
    public LayerFit evaluate(DenseLayer layer, Matrix latents, Rows targets, Cancellation cancel) {
        return evaluate(layer, latents, targets, null, cancel);
    }

    /** {@link #evaluate(DenseLayer, Matrix, Matrix, Cancellation)} that also measures the output MSE (check may be null). */
    public LayerFit evaluate(DenseLayer layer, Matrix latents, Rows targets, OutputCheck check, Cancellation cancel) {
        int n = latents.rows(), dout = targets.cols(), din = latents.cols();
        int width = widest(check, dout, din);
        int chunk = ChunkedRows.balancedRows(n, width);
        try (Workspace ws = workspace()) {
        Block h = ws.scratch(chunk, din), p = ws.scratch(chunk, dout);
        Measurement m = new Measurement(layer, check, n, chunk, ws);
        ChunkedRows.forEach(n, width, cancel, (from, to) -> m.add(h.load(latents, from, to), preActivation(targets, from, to, p), targets, from));
        return m.result();
        }
    }

    /**
     * The fit (as {@link #evaluate}) from outputs computed elsewhere, e.g. matrix-free:
     * {@code outputs.apply(from, to)} gives rows [from, to) of V·h without the bias (a new matrix).
     */
    public LayerFit evaluateOutputs(java.util.function.BiFunction<Integer, Integer, Matrix> outputs, double[] bias, Rows targets, Cancellation cancel) {
        int n = targets.rows(), dout = targets.cols();
        int chunk = ChunkedRows.balancedRows(n, dout);
        try (Workspace ws = new Workspace(la, pool)) {
            Block y = ws.scratch(chunk, dout), p = ws.scratch(chunk, dout);
            FitAccumulator fit = new FitAccumulator(n, dout);
            ChunkedRows.forEach(n, dout, cancel, (from, to) -> {
                Block yc = y.load(outputs.apply(from, to));
                fit.add(yc, bias, preActivation(targets, from, to, p), targets, from);
            });
            return fit.result(Double.NaN);
        }
    }

    // ---- element-wise helpers on blocks ----

    /** a⁻¹(T[from:to]): rows of the prepared copy when {@code targets} were prepared, else computed into the first rows of {@code dst}. */
    private Block preActivation(Rows targets, int from, int to, Block dst) {
        if (targets == preparedTargets) return prepared.rows(from, to);
        return preActivated(targets, from, to, dst);
    }

    /** a⁻¹(T[from:to]) into the first rows of {@code dst}; returns the view of those rows. */
    private Block preActivated(Rows targets, int from, int to, Block dst) {
        Block p = dst.load(targets, from, to);
        if (inverseIsIdentity(targets)) return p;
        DoubleBuffer d = p.buffer();
        double inv = 1.0 / act.slope();
        int c = targets.cols();
        RowParallel.run(la.threads(), to - from, c, (part, r0, r1) -> {
            for (int i = r0 * c, end = r1 * c; i < end; i++) {
                double t = d.get(i);
                d.put(i, Math.min(t, t * inv)); // a⁻¹ for α ≤ 1, without a branch
            }
        });
        return p;
    }

    private Rows checkedTargets;
    private boolean checkedNonNegative;

    /** Targets whose a⁻¹ is kept in native memory for the solves on them (a layer's epochs), and that copy; or null. */
    private Rows preparedTargets;
    private Block prepared;
    /** Targets of at most this many values get a prepared copy (64 MB): larger data keeps the memory it would take. */
    static final long PREPARED_VALUES = 1L << 23;

    /**
     * Checks the sign of {@code targets} now (a scan of all values), so the first solve on them does not pay for it, and —
     * when they are small enough and the backend's blocks can be offset — keeps a⁻¹(T) in native memory until other
     * targets are prepared: every SL, SW and evaluation on these targets then reads it instead of copying and
     * inverting each chunk again. {@code targets} must not change while prepared.
     */
    public void prepareTargets(Matrix targets) {
        nonNegative(targets);
        if (targets == preparedTargets) return;
        dropPrepared();
        if (!la.rowViews() || (long) targets.rows() * targets.cols() > PREPARED_VALUES || targets.rows() == 0) return;
        Block all = la.allocate(targets.rows(), targets.cols());
        preActivated(targets, 0, targets.rows(), all);
        prepared = all;
        preparedTargets = targets;
    }

    /** Whether a⁻¹ of {@code targets} is kept (for tests). */
    boolean holdsPrepared(Matrix targets) {
        return targets == preparedTargets;
    }

    private void dropPrepared() {
        if (prepared != null) prepared.close();
        prepared = null;
        preparedTargets = null;
    }

    /**
     * Tells the sign of {@code targets}' values instead of scanning them: for a work buffer refilled block by block, whose
     * identity says nothing of its contents. {@code false} is always safe: a⁻¹ of a value ≥ 0 is that value, bit for bit.
     */
    public void knownSign(Matrix targets, boolean nonNegative) {
        checkedTargets = targets;
        checkedNonNegative = nonNegative;
    }

    /** Whether a⁻¹(T) = T bit for bit: a slope of 1, or every target ≥ 0 (8-bit pixels always are). */
    private boolean inverseIsIdentity(Rows targets) {
        return act.slope() == 1 || nonNegative(targets);
    }

    /** Whether every target is ≥ 0 (then a⁻¹(T) = T); remembered for the last matrix asked about. */
    private boolean nonNegative(Rows rows) {
        if (!(rows instanceof Matrix targets)) return true; // pixels b / 255
        if (targets != checkedTargets) {
            boolean ok = true;
            double[] d = targets.data();
            // in calls of 1 M values: one loop over 10⁸ values with an early exit would hold off safepoints (stalling the UI) for its whole run
            for (int from = 0; from < d.length && ok; from += 1 << 20) ok = noneNegative(d, from, Math.min(d.length, from + (1 << 20)));
            checkedTargets = targets;
            checkedNonNegative = ok;
        }
        return checkedNonNegative;
    }

    private static boolean noneNegative(double[] d, int from, int to) {
        double min = 0;
        for (int i = from; i < to; i++) min = Math.min(min, d[i]);
        return min >= 0;
    }

    private void subtractFromRows(Block m, double[] v) {
        DoubleBuffer d = m.buffer();
        int c = m.cols();
        RowParallel.run(la.threads(), m.rows(), c, (part, r0, r1) -> {
            for (int r = r0, off = r0 * c; r < r1; r++, off += c) {
                for (int j = 0; j < c; j++) d.put(off + j, d.get(off + j) - v[j]);
            }
        });
    }

    private void biasAndActivate(Block m, double[] bias) {
        DoubleBuffer d = m.buffer();
        int c = m.cols();
        double slope = act.slope();
        RowParallel.run(la.threads(), m.rows(), c, (part, r0, r1) -> {
            for (int r = r0, off = r0 * c; r < r1; r++, off += c) {
                for (int j = 0; j < c; j++) {
                    double y = d.get(off + j) + bias[j];
                    d.put(off + j, Math.max(y, slope * y)); // a for α ≤ 1, without a branch
                }
            }
        });
    }

    /** [H[from:to] | 1] into the first rows of {@code dst}. */
    private static Block withOnesColumn(Matrix h, int from, int to, Block dst) {
        int d = h.cols(), rows = to - from;
        DoubleBuffer out = dst.buffer();
        double[] src = h.data();
        for (int r = 0; r < rows; r++) {
            out.put(r * (d + 1), src, (from + r) * d, d);
            out.put(r * (d + 1) + d, 1.0);
        }
        return dst.withRows(rows);
    }

    /**
     * The measured half of a solve, chunk by chunk: a layer's outputs Y = H·Vᵀ from the latents, their fit to the
     * targets and their decode to the output MSE — in float32 products when {@link #single()}, else in float64.
     */
    private final class Measurement {
        private final DenseLayer layer;
        private final FitAccumulator fit;
        private final OutputDecoder out;
        private final Block v, y;
        private final SingleBlock vs, hs, ys;

        Measurement(DenseLayer layer, OutputCheck check, int n, int chunk, Workspace ws) {
            this.layer = layer;
            int din = layer.inputWidth(), dout = layer.outputWidth();
            fit = new FitAccumulator(n, dout);
            boolean single = single();
            out = new OutputDecoder(check, chunk, ws, single);
            v = single ? null : ws.blockOf(layer.weights());
            y = single ? null : ws.scratch(chunk, dout);
            vs = single ? ws.singleOf(layer.weights()) : null;
            hs = single ? ws.singleScratch(chunk, din) : null;
            ys = single ? ws.singleScratch(chunk, dout) : null;
        }

        /**
         * @param hc the chunk's latents (rows × d_in, read only)
         * @param pc its pre-activation targets a⁻¹(t) (read only)
         */
        void add(Block hc, Block pc, Rows targets, int from) {
            int rows = hc.rows();
            if (vs != null) {
                SingleBlock yc = ys.withRows(rows);
                ((SinglePrecision) la).gemm(false, true, hs.narrow(hc, la.threads()), vs, yc);
                fit.add(yc, layer.bias(), pc, targets, from);
                out.add(yc, layer.bias(), from);
            } else {
                Block yc = y.withRows(rows);
                la.gemm(false, true, 1.0, hc, v, 0.0, yc);
                fit.add(yc, layer.bias(), pc, targets, from);
                out.add(yc, layer.bias(), from);
            }
        }

        LayerFit result() {
            return fit.result(out.mse());
        }
    }

    /**
     * Continues a layer's chunk outputs through the layers above and sums the squared errors against
     * the images; a no-op without a check. Modifies the chunk block it is given (bias and activation).
     */
    private final class OutputDecoder {
        private final OutputCheck check;
        private final Block[] weights, outs;
        private final SingleBlock[] singleWeights, singleOuts;
        private double sum;

        OutputDecoder(OutputCheck check, int chunk, Workspace ws, boolean single) {
            this.check = check;
            int k = check == null ? 0 : check.decoder().depth();
            weights = new Block[k];
            outs = new Block[k];
            singleWeights = new SingleBlock[k];
            singleOuts = new SingleBlock[k];
            for (int i = check == null ? 0 : check.layerIndex() + 1; i < k; i++) {
                var layer = check.decoder().layers().get(i);
                if (layer instanceof starnet.model.ConvUnpoolLayer c && !c.denseFits()) continue; // decoded matrix-free below
                if (single) {
                    singleWeights[i] = ws.singleOf(layer.affine().weights());
                    singleOuts[i] = ws.singleScratch(chunk, layer.outputWidth());
                } else {
                    weights[i] = ws.blockOf(layer.affine().weights());
                    outs[i] = ws.scratch(chunk, layer.outputWidth());
                }
            }
        }

        /** @param y the layer's pre-activation outputs without bias for rows from … (written) */
        void add(Block y, double[] bias, int from) {
            if (check == null) return;
            biasAndActivate(y, bias);
            Block z = y;
            for (int i = check.layerIndex() + 1; i < weights.length; i++) {
                if (weights[i] == null) { // an operator too large to build: the rest of the decode goes matrix-free
                    restMatrixFree(i, z.toMatrix(), from);
                    return;
                }
                Block next = outs[i].withRows(y.rows());
                la.gemm(false, true, 1.0, z, weights[i], 0.0, next);
                biasAndActivate(next, check.decoder().layers().get(i).affine().bias());
                z = next;
            }
            sum += squaredError(z, check.images(), from);
        }

        /** {@link #add(Block, double[], int)} for float32 outputs, decoded on in float32 products. */
        void add(SingleBlock y, double[] bias, int from) {
            if (check == null) return;
            SingleBlock z = y;
            double[] zBias = bias; // z's bias and activation are still to apply
            for (int i = check.layerIndex() + 1; i < singleWeights.length; i++) {
                biasAndActivate(z, zBias);
                if (singleWeights[i] == null) {
                    restMatrixFree(i, widened(z), from);
                    return;
                }
                SingleBlock next = singleOuts[i].withRows(y.rows());
                ((SinglePrecision) la).gemm(false, true, z, singleWeights[i], next);
                z = next;
                zBias = check.decoder().layers().get(i).affine().bias();
            }
            sum += activatedSquaredError(z, zBias, check.images(), from);
        }

        private void restMatrixFree(int layer, Matrix z, int from) {
            Matrix rest = check.decoder().decodeFrom(la, layer, z);
            sum += LayerSystem.mse(rest, check.images().rowRange(from, from + z.rows())) * rest.data().length;
        }

        double mse() {
            return check == null ? Double.NaN : sum / ((double) check.images().rows() * check.images().cols());
        }
    }

    private static Matrix widened(SingleBlock b) {
        Matrix m = new Matrix(b.rows(), b.cols());
        double[] d = m.data();
        java.nio.FloatBuffer f = b.buffer();
        for (int i = 0; i < d.length; i++) d[i] = f.get(i);
        return m;
    }

    private void biasAndActivate(SingleBlock m, double[] bias) {
        java.nio.FloatBuffer d = m.buffer();
        int c = m.cols();
        float slope = (float) act.slope();
        float[] b = new float[c];
        for (int j = 0; j < c; j++) b[j] = (float) bias[j];
        RowParallel.run(la.threads(), m.rows(), c, (part, r0, r1) -> {
            for (int r = r0, off = r0 * c; r < r1; r++, off += c) {
                for (int j = 0; j < c; j++) {
                    float y = d.get(off + j) + b[j];
                    d.put(off + j, Math.max(y, slope * y));
                }
            }
        });
    }

    /** Σ (z − images[from…])² over the block's rows, in parallel parts added in order. */
    private double squaredError(Block z, Rows images, int from) {
        DoubleBuffer o = z.buffer();
        Values x = values(images);
        int c = images.cols(), base = from * c;
        double[] partial = new double[RowParallel.PARTS];
        int parts = RowParallel.run(la.threads(), z.rows(), c, (part, r0, r1) -> {
            double acc = 0;
            for (int i = r0 * c, end = r1 * c; i < end; i++) {
                double e = o.get(i) - x.at(base + i);
                acc += e * e;
            }
            partial[part] = acc;
        });
        return inOrder(partial, parts);
    }

    /** Σ (a(z + bias) − images[from…])² over the rows of float32 pre-activations z (read only), in parallel parts added in order. */
    private double activatedSquaredError(SingleBlock z, double[] bias, Rows images, int from) {
        java.nio.FloatBuffer o = z.buffer();
        Values x = values(images);
        int c = images.cols(), base = from * c;
        double slope = act.slope();
        double[] partial = new double[RowParallel.PARTS];
        int parts = RowParallel.run(la.threads(), z.rows(), c, (part, r0, r1) -> {
            double acc = 0;
            for (int r = r0, off = r0 * c; r < r1; r++, off += c) {
                for (int j = 0; j < c; j++) {
                    double y = o.get(off + j) + bias[j];
                    double e = Math.max(y, slope * y) - x.at(base + off + j);
                    acc += e * e;
                }
            }
            partial[part] = acc;
        });
        return inOrder(partial, parts);
    }

    /** The values of {@code rows} by row-major index: doubles as they are, pixels widened one at a time. */
    private static Values values(Rows rows) {
        if (rows instanceof PixelBytes b) return b::value;
        double[] d = ((Matrix) rows).data();
        return i -> d[i];
    }

    private static double inOrder(double[] partial, int parts) {
        double sum = 0;
        for (int i = 0; i < parts; i++) sum += partial[i];
        return sum;
    }

    /** Values read by index: a float64 or float32 work buffer, doubles or pixels. */
    @FunctionalInterface
    private interface Values {
        double at(int index);
    }

    /** Sums of squared and absolute errors and the per-datapoint residuals, over chunks. */
    private final class FitAccumulator {
        final double[] residuals;
        final int dout;
        final double[][] partial = new double[RowParallel.PARTS][2];
        double squares, absolutes;

        FitAccumulator(int n, int dout) {
            residuals = new double[n];
            this.dout = dout;
        }

        /**
         * @param y pre-activation outputs without bias (rows × d_out)
         * @param p pre-activation targets a⁻¹(t) of the same rows
         */
        void add(Block y, double[] bias, Block p, Rows targets, int from) {
            add(y.buffer()::get, y.rows(), bias, p, targets, from);
        }

        /** {@link #add(Block, double[], Block, Matrix, int)} of float32 outputs (the errors are summed in float64). */
        void add(SingleBlock y, double[] bias, Block p, Rows targets, int from) {
            add(y.buffer()::get, y.rows(), bias, p, targets, from);
        }

        /** @param y reads the outputs by index (one kind of buffer per run in practice, so the call inlines) */
        private void add(Values y, int rows, double[] bias, Block p, Rows targets, int from) {
            DoubleBuffer pd = p.buffer();
            // where a⁻¹(t) = t the loaded targets are the targets, bit for bit: read there (pixels are not in the heap as doubles)
            double[] td = inverseIsIdentity(targets) ? null : ((Matrix) targets).data();
            int base = from * dout;
            double slope = act.slope();
            int parts = RowParallel.run(la.threads(), rows, dout, (part, r0, r1) -> {
                double sq = 0, ab = 0;
                for (int r = r0; r < r1; r++) {
                    double rr = 0, pp = 0;
                    for (int j = 0, off = r * dout; j < dout; j++, off++) {
                        double yv = y.at(off) + bias[j];
                        double pv = pd.get(off);
                        double diff = yv - pv;
                        rr += diff * diff;
                        pp += pv * pv;
                        double e = Math.max(yv, slope * yv) - (td == null ? pv : td[base + off]);
                        sq += e * e;
                        ab += Math.abs(e);
                    }
                    residuals[from + r] = pp > 0 ? Math.sqrt(rr / pp) : Math.sqrt(rr);
                }
                partial[part][0] = sq;
                partial[part][1] = ab;
            });
            collect(parts);
        }

        private void collect(int parts) {
            for (int i = 0; i < parts; i++) {
                squares += partial[i][0];
                absolutes += partial[i][1];
            }
        }

        LayerFit result(double outputMse) {
            double count = (double) residuals.length * dout;
            return new LayerFit(squares / count, absolutes / count, residuals, outputMse);
        }
    }

    /** Mean squared error between two equally shaped matrices. */
    public static double mse(Matrix a, Matrix b) {
        a.requireSameShape(b);
        double s = 0;
        double[] x = a.data(), y = b.data();
        for (int i = 0; i < x.length; i++) {
            double d = x[i] - y[i];
            s += d * d;
        }
        return x.length == 0 ? 0 : s / x.length;
    }
}
