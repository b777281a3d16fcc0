package starnet.math;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.SplittableRandom;

/**
 * Normal equations solved by Cholesky with a relative ridge {@code λ·trace(G)/n} on the diagonal.
 * Falls back to {@link PseudoInverseSolver} when the factorisation fails or the Gram matrix's
 * condition estimate exceeds {@link #FALLBACK_GRAM_CONDITION}.
 */
public final class CholeskySolver implements NormalEquationsSolver {
    /** Gram condition number beyond which Cholesky results are not trusted (≈ 1/√ε squared). */
    public static final double FALLBACK_GRAM_CONDITION = 1e13;
    private static final int POWER_STEPS = 30;
    private final double ridge;

    /** @param ridge relative ridge λ ≥ 0 (default 1e-10) */
    public CholeskySolver(double ridge) {
        if (!(ridge >= 0) || Double.isInfinite(ridge)) throw new IllegalArgumentException("ridge must be a finite number ≥ 0, got " + ridge);
        this.ridge = ridge;
    }

    @Override public String name() { return "cholesky"; }

    @Override
    public Solution solve(Matrix gram, Matrix rhs) {
        int n = gram.rows();
        if (gram.cols() != n || rhs.rows() != n) throw new IllegalArgumentException("solve shapes: G " + gram.shape() + ", R " + rhs.shape());
        DMatrixRMaj g = new DMatrixRMaj(n, n, true, gram.data().clone());
        double shift = n == 0 ? 0 : ridge * trace(g) / n;
        for (int i = 0; i < n; i++) g.add(i, i, shift);
        LinearSolverDense<DMatrixRMaj> chol = LinearSolverFactory_DDRM.chol(n);
        if (!chol.setA(g)) {
            return fallback(gram, rhs, "cholesky failed: the system is singular or indefinite");
        }
        double gramCondition = estimateGramCondition(gram, chol, n);
        if (!(gramCondition < FALLBACK_GRAM_CONDITION)) {
            return fallback(gram, rhs, String.format("condition estimate %.1e too large for cholesky", Math.sqrt(gramCondition)));
        }
        Matrix x = new Matrix(n, rhs.cols());
        chol.solve(EjmlLinearAlgebra.wrap(rhs), EjmlLinearAlgebra.wrap(x));
        if (!allFinite(x.data())) return fallback(gram, rhs, "cholesky produced non-finite values");
        return new Solution(x, Math.sqrt(gramCondition), "cholesky", false);
    }

    private static Solution fallback(Matrix gram, Matrix rhs, String why) {
        Solution s = new PseudoInverseSolver().solve(gram, rhs);
        return new Solution(s.x(), s.conditionEstimate(), "svd (fallback: " + why + ")", true);
    }

    private static double trace(DMatrixRMaj g) {
        double t = 0;
        for (int i = 0; i < g.numRows; i++) t += g.get(i, i);
        return t;
    }

    private static boolean allFinite(double[] d) {
        for (double v : d) if (!Double.isFinite(v)) return false;
        return true;
    }

    /**
     * λmax(G)/λmin(G) estimated by power iteration on G and inverse iteration through the factor
     * (O(n²) per step); an estimate from below, good to a small factor.
     */
    static double estimateGramCondition(Matrix gram, LinearSolverDense<DMatrixRMaj> chol, int n) {
        if (n == 0) return 1.0;
        SplittableRandom rnd = new SplittableRandom(12345);
        DMatrixRMaj v = new DMatrixRMaj(n, 1);
        DMatrixRMaj w = new DMatrixRMaj(n, 1);
        for (int i = 0; i < n; i++) v.data[i] = rnd.nextDouble() + 0.5;
        double lmax = 0;
        double[] g = gram.data();
        for (int s = 0; s < POWER_STEPS; s++) {
            normalise(v);
            for (int i = 0; i < n; i++) {
                double acc = 0;
                int off = i * n;
                for (int j = 0; j < n; j++) acc += g[off + j] * v.data[j];
                w.data[i] = acc;
            }
            lmax = norm(w);
            if (lmax == 0) return Double.POSITIVE_INFINITY;
            System.arraycopy(w.data, 0, v.data, 0, n);
        }
        for (int i = 0; i < n; i++) v.data[i] = rnd.nextDouble() - 0.5;
        double invLmin = 0;
        for (int s = 0; s < POWER_STEPS; s++) {
            normalise(v);
            chol.solve(v, w);
            invLmin = norm(w);
            if (!Double.isFinite(invLmin)) return Double.POSITIVE_INFINITY;
            System.arraycopy(w.data, 0, v.data, 0, n);
        }
        return lmax * invLmin;
    }

    private static double norm(DMatrixRMaj v) {
        double s = 0;
        for (int i = 0; i < v.numRows; i++) s += v.data[i] * v.data[i];
        return Math.sqrt(s);
    }

    private static void normalise(DMatrixRMaj v) {
        double n = norm(v);
        if (n > 0) for (int i = 0; i < v.numRows; i++) v.data[i] /= n;
    }
}
