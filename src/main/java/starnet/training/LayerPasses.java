package starnet.training;

import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.math.Rows;
import starnet.math.Solution;
import starnet.model.ConvUnpoolLayer;
import starnet.model.Decoder;
import starnet.model.DenseLayer;
import starnet.model.LatentPath;
import starnet.model.Layer;

/**
 * A layer's passes over one block of datapoints — all of them in memory, a chunk of a store, a partition on a
 * cluster — written once for every engine and every layer kind. SL is independent per datapoint (paper Lemma 2);
 * SW's normal equations of disjoint blocks add up to those of their union; the fit is summed by {@link FitTotals}.
 * <p>
 * Notation: the block's targets T (rows × d_out: the images for the last layer, else the latents of the layer
 * above), its latents H (rows × d_in) and its images X (rows × D, for the output MSE below the last layer). Targets
 * and images are doubles or 8-bit pixels for dense layers, doubles for convolutional ones.
 * No method modifies its matrix arguments. Not thread-safe (its systems pool work memory).
 */
public final class LayerPasses {
    /** Conjugate-gradient iterations at most per matrix-free SL. */
    static final int CG_ITERATIONS = 500;
    private final LayerSystem system;
    private final ConvWeightSolver convWeights;
    private final LatentPath path;

    public LayerPasses(LayerSystem system, LatentPath path) {
        this.system = system;
        this.convWeights = new ConvWeightSolver(system.linearAlgebra(), system.activation(), system.solver());
        this.path = path;
    }

    public LayerSystem system() { return system; }

    public LinearAlgebra linearAlgebra() { return system.linearAlgebra(); }

    /** The operator SL applies with layer {@code current}'s weights fixed (on the driver, once per solve). */
    public LatentOperator latentOperator(Layer current) {
        if (current instanceof ConvUnpoolLayer c && path.matrixFree(c)) return LatentOperator.MATRIX_FREE;
        return new LatentOperator(system.latentOperator(current.affine()));
    }

    /**
     * SL on a block: the latents of layer {@code layer} (0-based) of {@code decoder} for targets T, and the layer's fit
     * with them (with the output MSE through the layers above when {@code images} is given).
     *
     * @param images X of the block, or null on the last layer
     * @param into   where the latents go (rows × d_in, written), or null for a new matrix; the matrix-free path ignores it
     */
    public LayerSystem.LatentSolve solveLatents(Decoder decoder, int layer, LatentOperator op, Rows targets, Rows images, Matrix into,
                                                Cancellation cancel) {
        Layer current = decoder.layers().get(layer);
        if (op.matrixFree()) {
            ConvUnpoolLayer conv = (ConvUnpoolLayer) current;
            Matrix latents = new ConvLatentSolver(linearAlgebra(), system.activation(), CG_ITERATIONS).solve(conv, doubles(targets), cancel);
            return new LayerSystem.LatentSolve(latents, matrixFreeFit(decoder, layer, latents, doubles(targets), images, cancel));
        }
        return system.solveLatents(current.affine(), op.solution().x(), targets, check(decoder, layer, images), into, cancel);
    }

    /** The fit of layer {@code layer} of {@code decoder} with latents H on a block (see {@link #solveLatents}). */
    public LayerFit evaluate(Decoder decoder, int layer, Matrix latents, Rows targets, Rows images, Cancellation cancel) {
        if (decoder.layers().get(layer) instanceof ConvUnpoolLayer conv && path.matrixFree(conv)) {
            return matrixFreeFit(decoder, layer, latents, doubles(targets), images, cancel);
        }
        return system.evaluate(decoder.layers().get(layer).affine(), latents, targets, check(decoder, layer, images), cancel);
    }

    private LayerFit matrixFreeFit(Decoder decoder, int layer, Matrix latents, Matrix targets, Rows images, Cancellation cancel) {
        ConvUnpoolLayer conv = (ConvUnpoolLayer) decoder.layers().get(layer);
        LayerFit own = new ConvLatentSolver(linearAlgebra(), system.activation(), CG_ITERATIONS).evaluate(conv, latents, targets, cancel);
        double out = images == null ? own.mse() : LayerSystem.mse(decoder.decodeFrom(linearAlgebra(), layer, latents), doubles(images));
        return new LayerFit(own.mse(), own.mae(), own.residuals(), out);
    }

    /**
     * The rows as doubles, for the convolutional solvers, which read them whole: an engine gives these solvers blocks of
     * doubles (pixels are widened by blocks where a layer is convolutional).
     */
    private static Matrix doubles(Rows rows) {
        if (rows instanceof Matrix m) return m;
        throw new IllegalArgumentException("a convolutional layer's solves read doubles; widen the pixels by blocks first");
    }

    private static LayerSystem.OutputCheck check(Decoder decoder, int layer, Rows images) {
        return images == null ? null : new LayerSystem.OutputCheck(decoder, layer, images);
    }

    /**
     * SW's normal equations of a block for layer {@code current}: {Gram (u × u), right-hand sides (u × r)} with u the
     * unknowns per output (d_in + 1 dense; c_in·k² + 1 conv, whose every (datapoint, position) is an equation).
     * New matrices; sums over disjoint blocks are the normal equations of their union.
     */
    public Matrix[] normalEquations(Layer current, Matrix latents, Rows targets, Cancellation cancel) {
        if (current instanceof ConvUnpoolLayer c) return convWeights.normalEquations(c.shape(), latents, doubles(targets), cancel);
        return system.normalEquations(latents, targets, cancel);
    }

    /**
     * Adds the normal equations of a block — rows [from, to) of the datapoints, latents {@code h} and targets {@code t} —
     * to {@code sum}, one pair per row set ({@code rowSets} null: every row, one pair; see {@link WeightRows}).
     */
    public void addNormalEquations(Matrix[][] sum, Layer current, Matrix h, Rows t, int[][] rowSets, long from, long to, Cancellation cancel) {
        for (int s = 0; s < sum.length; s++) {
            Matrix[] eq;
            if (rowSets == null) {
                eq = normalEquations(current, h, t, cancel);
            } else {
                int[] local = WeightRows.within(rowSets[s], from, to);
                if (local.length == 0) continue;
                eq = normalEquations(current, h.selectRows(local), t.selectRows(local), cancel);
            }
            if (sum[s] == null) sum[s] = eq;
            else addInto(sum[s], eq);
        }
    }

    /** The layer of {@code current}'s kind that solves normal equations {@code eq} (from {@link #normalEquations}). */
    public LayerSystem.WeightSolve solveWeights(Layer current, Matrix[] eq) {
        if (current instanceof ConvUnpoolLayer c) {
            Solution sol = system.solver().solve(eq[0], eq[1]); // (p+1) × nk
            Matrix x = sol.x();
            int p = c.shape().patchSize();
            return new LayerSystem.WeightSolve(new ConvUnpoolLayer(c.shape(), x.rowRange(0, p).transpose(), x.row(p)), sol);
        }
        return system.solveNormalEquations(eq[0], eq[1]);
    }

    /**
     * SW from the normal equations of each row set (see {@link WeightRows}): one set is solved as it is; several are
     * solved one by one and their weights averaged (paper Lemma 8), the condition estimate the worst of them.
     *
     * @param sampled datapoints in all the sets, when they are a sample (for the method's wording), else 0
     */
    public LayerSystem.WeightSolve solveWeights(Layer current, Matrix[][] perSet, int sampled) {
        if (perSet.length == 1) {
            LayerSystem.WeightSolve only = solveWeights(current, perSet[0]);
            if (sampled == 0) return only;
            Solution s = only.solution();
            return new LayerSystem.WeightSolve(only.layer(), new Solution(s.x(), s.conditionEstimate(), s.method() + " on " + sampled + " sampled datapoints",
                    s.fellBack()));
        }
        Matrix sum = null;
        double cond = 0;
        LayerSystem.WeightSolve first = null;
        for (Matrix[] eq : perSet) {
            LayerSystem.WeightSolve w = solveWeights(current, eq);
            if (first == null) first = w;
            Matrix m = augmented(w.layer());
            if (sum == null) sum = m;
            else for (int i = 0; i < m.data().length; i++) sum.data()[i] += m.data()[i];
            cond = Math.max(cond, w.solution().conditionEstimate());
        }
        for (int i = 0; i < sum.data().length; i++) sum.data()[i] /= perSet.length;
        Layer averaged = current instanceof ConvUnpoolLayer c ? ConvUnpoolLayer.fromAugmented(c.shape(), sum) : DenseLayer.fromAugmented(sum);
        String method = first.solution().method() + ", averaged over " + perSet.length + " partitions";
        return new LayerSystem.WeightSolve(averaged, new Solution(sum, cond, method, first.solution().fellBack()));
    }

    private static Matrix augmented(Layer l) {
        return l instanceof ConvUnpoolLayer c ? c.augmentedKernels() : ((DenseLayer) l).augmentedWeights();
    }

    /** Adds {@code part} into {@code sum} entry by entry (normal equations of another block). */
    public static void addInto(Matrix[] sum, Matrix[] part) {
        for (int m = 0; m < sum.length; m++) {
            double[] s = sum[m].data(), p = part[m].data();
            for (int i = 0; i < s.length; i++) s[i] += p[i];
        }
    }

    /** Frees pooled work memory now. */
    public void releaseWorkMemory() {
        system.releaseWorkMemory();
        convWeights.releaseWorkMemory();
    }
}
