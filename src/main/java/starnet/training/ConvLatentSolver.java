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
            latents.setRows(from, cgls(op, b, cancel));
        });
        return latents;
    }

    /**
     * The layer's fit without its explicit operator: MSE/MAE of a(A·z + b) against T and residuals
     * ‖A·z + b − p‖/‖p‖ per datapoint (the same definitions as {@link LayerSystem#evaluate}).
     */
    public LayerFit evaluate(ConvUnpoolLayer layer, Matrix latents, Matrix targets, Cancellation cancel) {
        ConvOperator op = new ConvOperator(la, layer);
        double[] bias = op.outputBias();
        int n = targets.rows(), dout = layer.outputWidth();
        double[] residuals = new double[n];
        double[] sums = new double[2];
        double slope = act.slope(), inv = 1.0 / slope;
        ChunkedRows.forEach(n, dout * 4, cancel, (from, to) -> {
            double[] y = op.apply(latents.rowRange(from, to)).data(), t = targets.data();
            for (int r = 0; r < to - from; r++) {
                double rr = 0, pp = 0;
                for (int j = 0; j < dout; j++) {
                    double yv = y[r * dout + j] + bias[j], tv = t[(from + r) * dout + j], pv = Math.min(tv, tv * inv);
                    rr += (yv - pv) * (yv - pv);
                    pp += pv * pv;
                    double e = Math.max(yv, slope * yv) - tv;
                    sums[0] += e * e;
                    sums[1] += Math.abs(e);
                }
                residuals[from + r] = pp > 0 ? Math.sqrt(rr / pp) : Math.sqrt(rr);
            }
        });
        double count = (double) n * dout;
        return new LayerFit(sums[0] / count, sums[1] / count, residuals, Double.NaN);
    }

    /** CGLS for each row of b (m × d_out) from z = 0; b is used as the residual and overwritten. */
    private Matrix cgls(ConvOperator op, Matrix r, Cancellation cancel) {
        int m = r.rows();
        Matrix s = op.applyTranspose(r);
        int din = s.cols(), dout = r.cols();
        Matrix z = new Matrix(m, din);
        Matrix p = s.copy();
        double[] gamma = rowNormsSquared(s), start = gamma.clone();
        for (int it = 0; it < maxIterations; it++) {
            cancel.check();
            boolean done = true;
            for (int i = 0; i < m; i++) if (gamma[i] > TOLERANCE * TOLERANCE * start[i] && gamma[i] > 0) done = false;
            if (done) break;
            Matrix q = op.apply(p);
            double[] qq = rowNormsSquared(q);
            for (int i = 0; i < m; i++) {
                double alpha = qq[i] > 0 ? gamma[i] / qq[i] : 0;
                axpy(alpha, p.data(), i * din, z.data(), din);
                axpy(-alpha, q.data(), i * dout, r.data(), dout);
            }
            s = op.applyTranspose(r);
            double[] next = rowNormsSquared(s);
            for (int i = 0; i < m; i++) {
                double beta = gamma[i] > 0 ? next[i] / gamma[i] : 0;
                double[] pd = p.data(), sd = s.data();
                for (int j = i * din, end = j + din; j < end; j++) pd[j] = sd[j] + beta * pd[j];
            }
            gamma = next;
        }
        return z;
    }

    private static void axpy(double a, double[] x, int off, double[] y, int len) {
        for (int j = off, end = off + len; j < end; j++) y[j] += a * x[j];
    }

    private static double[] rowNormsSquared(Matrix m) {
        double[] out = new double[m.rows()];
        double[] d = m.data();
        for (int i = 0; i < m.rows(); i++) {
            double acc = 0;
            for (int j = i * m.cols(), end = j + m.cols(); j < end; j++) acc += d[j] * d[j];
            out[i] = acc;
        }
        return out;
    }
}
