package starnet.math;

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
        double gramCondition = estimateGramCondition(gram, factor, la);
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

    /** λmax(G)/λmin(G) by power iteration on G and inverse iteration through the factor: an estimate from below, good to a small factor. */
    private static double estimateGramCondition(Matrix gram, Matrix factor, LinearAlgebra la) {
        if (gram.rows() == 0) return 1.0;
        double[] extremes = la.extremeEigenvalues(gram, factor, POWER_STEPS);
        double lmax = extremes[0], lmin = extremes[1];
        return lmax == 0 || lmin == 0 ? Double.POSITIVE_INFINITY : lmax / lmin;
    }
}
