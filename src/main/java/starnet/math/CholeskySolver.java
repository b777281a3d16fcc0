package starnet.math;

import java.util.SplittableRandom;

/**
 * Normal equations solved by Cholesky (LAPACK dpotrf/dpotrs on the native backend) with a relative
 * ridge {@code λ·trace(G)/n} on the diagonal. Falls back to {@link PseudoInverseSolver} when the
 * factorisation fails or the Gram matrix's condition estimate exceeds {@link #FALLBACK_GRAM_CONDITION}.
 */
public final class CholeskySolver implements NormalEquationsSolver {
    /** Gram condition number beyond which Cholesky results are not trusted. */
    public static final double FALLBACK_GRAM_CONDITION = 1e13;
    private static final int POWER_STEPS = 30;
    private final double ridge;
    private final LinearAlgebra la;

    /** @param ridge relative ridge λ ≥ 0 (default 1e-10) */
    public CholeskySolver(double ridge, LinearAlgebra la) {
        if (!(ridge >= 0) || Double.isInfinite(ridge)) throw new IllegalArgumentException("ridge must be a finite number ≥ 0, got " + ridge);
        this.ridge = ridge;
        this.la = la;
    }

    @Override public String name() { return "cholesky"; }

    @Override
    public Solution solve(Matrix gram, Matrix rhs) {
        int n = gram.rows();
        if (gram.cols() != n || rhs.rows() != n) throw new IllegalArgumentException("solve shapes: G " + gram.shape() + ", R " + rhs.shape());
        Matrix factor = gram.copy();
        double trace = 0;
        for (int i = 0; i < n; i++) trace += gram.get(i, i);
        double shift = n == 0 ? 0 : ridge * trace / n;
        for (int i = 0; i < n; i++) factor.set(i, i, factor.get(i, i) + shift);
        if (!la.choleskyInPlace(factor)) {
            return fallback(gram, rhs, "cholesky failed: the system is singular or indefinite");
        }
        double gramCondition = estimateGramCondition(gram, factor);
        if (!(gramCondition < FALLBACK_GRAM_CONDITION)) {
            return fallback(gram, rhs, String.format("condition estimate %.1e too large for cholesky", Math.sqrt(gramCondition)));
        }
        Matrix x = rhs.copy();
        la.choleskySolveInPlace(factor, x);
        for (double v : x.data()) {
            if (!Double.isFinite(v)) return fallback(gram, rhs, "cholesky produced non-finite values");
        }
        return new Solution(x, Math.sqrt(gramCondition), "cholesky", false);
    }

    private static Solution fallback(Matrix gram, Matrix rhs, String why) {
        Solution s = new PseudoInverseSolver().solve(gram, rhs);
        return new Solution(s.x(), s.conditionEstimate(), "svd (fallback: " + why + ")", true);
    }

    /**
     * λmax(G)/λmin(G) estimated by power iteration on G and inverse iteration through the factor
     * (O(n²) per step); an estimate from below, good to a small factor.
     */
    private double estimateGramCondition(Matrix gram, Matrix factor) {
        int n = gram.rows();
        if (n == 0) return 1.0;
        SplittableRandom rnd = new SplittableRandom(12345);
        double[] v = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) v[i] = rnd.nextDouble() + 0.5;
        double lmax = 0;
        double[] g = gram.data();
        for (int s = 0; s < POWER_STEPS; s++) {
            normalise(v);
            for (int i = 0; i < n; i++) {
                double acc = 0;
                int off = i * n;
                for (int j = 0; j < n; j++) acc += g[off + j] * v[j];
                w[i] = acc;
            }
            lmax = norm(w);
            if (lmax == 0) return Double.POSITIVE_INFINITY;
            System.arraycopy(w, 0, v, 0, n);
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rnd.nextDouble() - 0.5;
        double invLmin = 0;
        double[] l = factor.data();
        for (int s = 0; s < POWER_STEPS; s++) {
            normalise(x);
            solveWithFactor(l, n, x);
            invLmin = norm(x);
            if (!Double.isFinite(invLmin)) return Double.POSITIVE_INFINITY;
        }
        return lmax * invLmin;
    }

    /** x ← (L·Lᵀ)⁻¹·x for a lower factor L (n×n row-major); O(n²), no native call. */
    private static void solveWithFactor(double[] l, int n, double[] x) {
        for (int i = 0; i < n; i++) {
            double acc = x[i];
            for (int k = 0, off = i * n; k < i; k++) acc -= l[off + k] * x[k];
            x[i] = acc / l[i * n + i];
        }
        for (int i = n - 1; i >= 0; i--) {
            double acc = x[i];
            for (int k = i + 1; k < n; k++) acc -= l[k * n + i] * x[k];
            x[i] = acc / l[i * n + i];
        }
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) s += x * x;
        return Math.sqrt(s);
    }

    private static void normalise(double[] v) {
        double n = norm(v);
        if (n > 0) for (int i = 0; i < v.length; i++) v[i] /= n;
    }
}
