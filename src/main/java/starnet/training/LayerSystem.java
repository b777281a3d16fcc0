package starnet.training;

import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.math.NormalEquationsSolver;
import starnet.math.Solution;
import starnet.model.DenseLayer;
import starnet.model.LeakyRelu;

/**
 * The linear systems of one dense layer (DESIGN §2), computed in row chunks. No method modifies its
 * {@code Matrix} arguments unless it says "written".
 */
public final class LayerSystem {
    private final LinearAlgebra la;
    private final LeakyRelu act;
    private final NormalEquationsSolver solver;

    public LayerSystem(LinearAlgebra la, LeakyRelu act, NormalEquationsSolver solver) {
        this.la = la;
        this.act = act;
        this.solver = solver;
    }

    public LinearAlgebra linearAlgebra() { return la; }

    /** The SL operator for a layer: h = S·(p − b), S = (VᵀV)⁻¹Vᵀ of shape d_in × d_out (in {@code x()}). */
    public Solution latentOperator(DenseLayer layer) {
        Matrix v = layer.weights();
        Matrix g = new Matrix(v.cols(), v.cols());
        la.gramAccumulate(1.0, v, 0.0, g);
        return solver.solve(g, v.transpose());
    }

    /**
     * SL for rows [from, to) of the targets: a new (to−from) × d_in matrix of latents.
     *
     * @param op      S from {@link #latentOperator}
     * @param targets T, N × d_out, read only
     */
    public Matrix solveLatents(DenseLayer layer, Matrix op, Matrix targets, int from, int to) {
        Matrix p = preActivationTargets(targets, from, to, layer.bias());
        return la.multiply(false, true, p, op);
    }

    /** SL for every datapoint: a new N × d_in matrix. */
    public Matrix solveAllLatents(DenseLayer layer, Matrix op, Matrix targets, Cancellation cancel) {
        Matrix h = new Matrix(targets.rows(), layer.inputWidth());
        ChunkedRows.forEach(targets.rows(), targets.cols(), cancel, (from, to) -> h.setRows(from, solveLatents(layer, op, targets, from, to)));
        return h;
    }

    /** a⁻¹(T[from:to]) − b as a new matrix (b may be null for none). */
    Matrix preActivationTargets(Matrix targets, int from, int to, double[] bias) {
        Matrix p = targets.rowRange(from, to);
        act.inverseInPlace(p.data());
        if (bias != null) {
            int c = p.cols();
            double[] d = p.data();
            for (int off = 0; off < d.length; off += c) {
                for (int j = 0; j < c; j++) d[off + j] -= bias[j];
            }
        }
        return p;
    }

    /**
     * SW: min_W ‖[H 1]Wᵀ − a⁻¹(T)‖² through the shared Gram matrix [H 1]ᵀ[H 1], accumulated in chunks.
     *
     * @param latents H, N × d_in, read only
     * @param targets T, N × d_out, read only
     * @return the new layer and the solve's report
     */
    public WeightSolve solveWeights(Matrix latents, Matrix targets, Cancellation cancel) {
        int n = latents.rows(), din = latents.cols(), dout = targets.cols();
        Matrix gram = new Matrix(din + 1, din + 1);
        Matrix rhs = new Matrix(din + 1, dout);
        ChunkedRows.forEach(n, Math.max(dout, din + 1), cancel, (from, to) -> {
            Matrix a = withOnesColumn(latents, from, to);
            Matrix p = preActivationTargets(targets, from, to, null);
            la.gramAccumulate(1.0, a, 1.0, gram);
            la.gemm(true, false, 1.0, a, p, 1.0, rhs);
        });
        cancel.check();
        Solution s = solver.solve(gram, rhs);
        Matrix x = s.x(); // (din+1) × dout
        Matrix v = x.rowRange(0, din).transpose();
        double[] b = x.row(din);
        return new WeightSolve(new DenseLayer(v, b), s);
    }

    /** The result of SW: the new layer and the least-squares report. */
    public record WeightSolve(DenseLayer layer, Solution solution) {}

    /** [H[from:to] | 1] as a new (to−from) × (d_in+1) matrix. */
    static Matrix withOnesColumn(Matrix h, int from, int to) {
        int d = h.cols(), rows = to - from;
        Matrix a = new Matrix(rows, d + 1);
        double[] src = h.data(), dst = a.data();
        for (int r = 0; r < rows; r++) {
            System.arraycopy(src, (from + r) * d, dst, r * (d + 1), d);
            dst[r * (d + 1) + d] = 1.0;
        }
        return a;
    }

    /**
     * The layer's fit: MSE and MAE of a(Vh + b) against T, and per-datapoint residuals ‖Vh + b − p‖/‖p‖.
     *
     * @param latents H, N × d_in, read only
     * @param targets T, N × d_out, read only
     */
    public LayerFit evaluate(DenseLayer layer, Matrix latents, Matrix targets, Cancellation cancel) {
        int n = latents.rows(), dout = targets.cols();
        double[] residuals = new double[n];
        double[] sums = new double[2];
        ChunkedRows.forEach(n, dout, cancel, (from, to) -> {
            Matrix y = layer.preActivation(la, latents.rowRange(from, to));
            Matrix p = preActivationTargets(targets, from, to, null);
            double[] yd = y.data(), pd = p.data(), td = targets.data();
            int base = from * dout;
            for (int r = 0; r < to - from; r++) {
                double rr = 0, pp = 0;
                for (int j = 0, off = r * dout; j < dout; j++, off++) {
                    double diff = yd[off] - pd[off];
                    rr += diff * diff;
                    pp += pd[off] * pd[off];
                    double e = act.apply(yd[off]) - td[base + off];
                    sums[0] += e * e;
                    sums[1] += Math.abs(e);
                }
                residuals[from + r] = pp > 0 ? Math.sqrt(rr / pp) : Math.sqrt(rr);
            }
        });
        double count = (double) n * dout;
        return new LayerFit(sums[0] / count, sums[1] / count, residuals);
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

    /** Mean absolute error between two equally shaped matrices. */
    public static double mae(Matrix a, Matrix b) {
        a.requireSameShape(b);
        double s = 0;
        double[] x = a.data(), y = b.data();
        for (int i = 0; i < x.length; i++) s += Math.abs(x[i] - y[i]);
        return x.length == 0 ? 0 : s / x.length;
    }
}
