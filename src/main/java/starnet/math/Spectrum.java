package starnet.math;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Eigenvalues of symmetric positive semi-definite matrices: cheap estimates by iteration, and the full sorted decomposition. */
public final class Spectrum {
    private Spectrum() {}

    /** λmax of {@code g} (n×n, read only) by {@code steps} power iterations from a seeded start; O(n²) per step. */
    public static double largestEigenvalue(Matrix g, int steps) {
        int n = g.rows();
        if (n == 0) return 0;
        double[] v = powerStart(n), w = new double[n];
        double lmax = 0;
        double[] gd = g.data();
        for (int s = 0; s < steps; s++) {
            normalise(v);
            for (int i = 0; i < n; i++) {
                double acc = 0;
                for (int j = 0, off = i * n; j < n; j++) acc += gd[off + j] * v[j];
                w[i] = acc;
            }
            lmax = norm(w);
            if (lmax == 0) return 0;
            System.arraycopy(w, 0, v, 0, n);
        }
        return lmax;
    }

    /**
     * λmin of G = L·Lᵀ by {@code steps} inverse iterations through its lower Cholesky factor
     * ({@code factor}, n×n, read only); 0 when the iteration breaks down.
     */
    public static double smallestEigenvalue(Matrix factor, int steps) {
        int n = factor.rows();
        if (n == 0) return 0;
        double[] x = inverseStart(n);
        double[] l = factor.data();
        double inv = 0;
        for (int s = 0; s < steps; s++) {
            normalise(x);
            for (int i = 0; i < n; i++) { // L·y = x
                double acc = x[i];
                for (int k = 0, off = i * n; k < i; k++) acc -= l[off + k] * x[k];
                x[i] = acc / l[i * n + i];
            }
            for (int i = n - 1; i >= 0; i--) { // Lᵀ·z = y
                double acc = x[i];
                for (int k = i + 1; k < n; k++) acc -= l[k * n + i] * x[k];
                x[i] = acc / l[i * n + i];
            }
            inv = norm(x);
            if (!Double.isFinite(inv)) return 0;
        }
        return inv > 0 ? 1.0 / inv : 0;
    }

    /** The seeded start of the power iteration (shared by every backend's estimate). */
    static double[] powerStart(int n) {
        SplittableRandom rnd = new SplittableRandom(12345);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = rnd.nextDouble() + 0.5;
        return v;
    }

    /** The seeded start of the inverse iteration. */
    static double[] inverseStart(int n) {
        SplittableRandom rnd = new SplittableRandom(54321);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rnd.nextDouble() - 0.5;
        return x;
    }

    /** A symmetric matrix's eigen-decomposition, eigenvalues descending (negatives clipped to 0). */
    public record Sorted(double[] values, Matrix vectors) {
        /** Row i of {@code vectors} is the eigenvector of {@code values[i]}. */
        public Sorted {}
    }

    /** @param symmetric n×n, read only */
    public static Sorted decompose(Matrix symmetric) {
        int d = symmetric.rows();
        EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
        if (!eig.decompose(new DMatrixRMaj(d, d, true, symmetric.data().clone()))) throw new NumericalFailure("the eigen-decomposition of the spectrum did not converge");
        Integer[] order = new Integer[d];
        double[] lambda = new double[d];
        for (int i = 0; i < d; i++) {
            order[i] = i;
            lambda[i] = Math.max(0, eig.getEigenvalue(i).real);
        }
        Arrays.sort(order, (a, b) -> Double.compare(lambda[b], lambda[a]));
        double[] sorted = new double[d];
        Matrix vectors = new Matrix(d, d);
        for (int r = 0; r < d; r++) {
            sorted[r] = lambda[order[r]];
            DMatrixRMaj v = eig.getEigenVector(order[r]);
            for (int j = 0; j < d; j++) vectors.set(r, j, v == null ? 0 : v.get(j, 0));
        }
        return new Sorted(sorted, vectors);
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
