package starnet.training;

import starnet.math.Matrix;

/**
 * Conjugate gradients on the normal equations (CGLS), for many independent least-squares problems at
 * once: row i solves min ‖A x_i − b_i‖² + μ‖x_i‖² with its own step sizes, all rows sharing the
 * operator applications (so each iteration is a few large matrix products).
 */
final class BatchedCgls {
    /** A linear operator applied to every row: A·x for rows of x, Aᵀ·w for rows of w (new matrices). */
    interface Operator {
        Matrix apply(Matrix x);

        Matrix applyTranspose(Matrix w);
    }

    private BatchedCgls() {}

    /**
     * @param b         right-hand sides, one per row (read only)
     * @param unknowns  columns of x
     * @param mu        damping μ ≥ 0
     * @param tolerance stop when every row's ‖Aᵀr − μx‖ has fallen by this factor (0: run all iterations)
     * @return x, one solution per row
     */
    static Matrix solve(Operator op, Matrix b, int unknowns, double mu, int maxIterations, double tolerance, Cancellation cancel) {
        int n = b.rows(), m = b.cols(), d = unknowns;
        Matrix x = new Matrix(n, d);
        Matrix r = b.copy();
        Matrix s = op.applyTranspose(r);
        Matrix p = s.copy();
        double[] gamma = rowDots(s, s), start = gamma.clone();
        for (int it = 0; it < maxIterations; it++) {
            cancel.check();
            boolean done = tolerance > 0;
            for (int i = 0; i < n && done; i++) if (gamma[i] > tolerance * tolerance * start[i] && gamma[i] > 0) done = false;
            if (done) break;
            Matrix q = op.apply(p);
            double[] qq = rowDots(q, q), pp = rowDots(p, p);
            double[] xd = x.data(), pd = p.data(), rd = r.data(), qd = q.data();
            for (int i = 0; i < n; i++) {
                double denom = qq[i] + mu * pp[i];
                double alpha = denom > 0 ? gamma[i] / denom : 0;
                for (int j = i * d, e = j + d; j < e; j++) xd[j] += alpha * pd[j];
                for (int j = i * m, e = j + m; j < e; j++) rd[j] -= alpha * qd[j];
            }
            s = op.applyTranspose(r);
            double[] sd = s.data();
            if (mu != 0) for (int j = 0; j < sd.length; j++) sd[j] -= mu * xd[j];
            double[] next = rowDots(s, s);
            for (int i = 0; i < n; i++) {
                double beta = gamma[i] > 0 ? next[i] / gamma[i] : 0;
                for (int j = i * d, e = j + d; j < e; j++) pd[j] = sd[j] + beta * pd[j];
            }
            gamma = next;
        }
        return x;
    }

    private static double[] rowDots(Matrix a, Matrix b) {
        double[] out = new double[a.rows()];
        int c = a.cols();
        double[] ad = a.data(), bd = b.data();
        for (int i = 0; i < a.rows(); i++) {
            double acc = 0;
            for (int j = i * c, e = j + c; j < e; j++) acc += ad[j] * bd[j];
            out[i] = acc;
        }
        return out;
    }
}
