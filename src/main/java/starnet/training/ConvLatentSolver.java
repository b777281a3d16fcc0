package starnet.training;

import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.ConvOperator;
import starnet.model.ConvUnpoolLayer;
import starnet.model.LeakyRelu;

/**
 * Matrix-free SL for a conv-unpool layer: conjugate gradients on the normal equations (CGLS) for
 * min ‖A·z − (a⁻¹(t) − b)‖ per datapoint, batched over chunks of datapoints, using only the
 * convolution and its adjoint ({@link ConvOperator}). For layers whose explicit operator is too large.
 */
public final class ConvLatentSolver {
    /** Stop when ‖Aᵀr‖ has fallen by this factor (relative to its start) for every datapoint. */
    public static final double TOLERANCE = 1e-10;
    private final LinearAlgebra la;
    private final LeakyRelu act;
    private final int maxIterations;

    public ConvLatentSolver(LinearAlgebra la, LeakyRelu act, int maxIterations) {
        this.la = la;
        this.act = act;
        this.maxIterations = maxIterations;
    }

    /** Latents (a new N × c_in·h·w matrix) for targets T (N × d_out, read only). */
    public Matrix solve(ConvUnpoolLayer layer, Matrix targets, Cancellation cancel) {
        ConvOperator op = new ConvOperator(la, layer);
        double[] bias = op.outputBias();
        int n = targets.rows(), din = layer.inputWidth(), dout = layer.outputWidth();
        Matrix latents = new Matrix(n, din);
        ChunkedRows.forEach(n, Math.max(dout, din) * 4, cancel, (from, to) -> {
            Matrix b = targets.rowRange(from, to);
            double[] bd = b.data();
            double inv = 1.0 / act.slope();
            for (int i = 0; i < bd.length; i++) bd[i] = Math.min(bd[i], bd[i] * inv) - bias[i % dout];
            BatchedCgls.Operator a = new BatchedCgls.Operator() {
                @Override public Matrix apply(Matrix x) { return op.apply(x); }
                @Override public Matrix applyTranspose(Matrix w) { return op.applyTranspose(w); }
            };
            latents.setRows(from, BatchedCgls.solve(a, b, din, 0, maxIterations, TOLERANCE, cancel));
        });
        return latents;
    }

    /**
     * The layer's fit without its explicit operator: MSE/MAE of a(A·z + b) against T and residuals
     * ‖A·z + b − p‖/‖p‖ per datapoint (the same definitions as {@link LayerSystem#evaluate}).
     */
    public LayerFit evaluate(ConvUnpoolLayer layer, Matrix latents, Matrix targets, Cancellation cancel) {
        ConvOperator op = new ConvOperator(la, layer);
        return Engines.evaluator(act, la).evaluateOutputs((from, to) -> op.apply(latents.rowRange(from, to)), op.outputBias(), targets, cancel);
    }
}
