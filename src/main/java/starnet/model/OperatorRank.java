package starnet.model;

import starnet.math.LinearAlgebra;
import starnet.math.Matrix;

import java.util.SplittableRandom;

/** Extreme singular values of a tall operator from its Gram matrix, by power and inverse iteration (O(n²) per step). */
final class OperatorRank {
    private static final int STEPS = 60;

    private OperatorRank() {}

    /** {σ_min, σ_max} of {@code a} (m × n, read only); σ_min = 0 when AᵀA is not positive definite. */
    static double[] extremeSingularValues(Matrix a, LinearAlgebra la) {
        int n = a.cols();
        Matrix g = new Matrix(n, n);
        la.gramAccumulate(1.0, a, 0.0, g);
        SplittableRandom rnd = new SplittableRandom(99);
        double[] v = new double[n], w = new double[n];
        for (int i = 0; i < n; i++) v[i] = rnd.nextDouble() + 0.5;
        double lmax = 0;
        for (int s = 0; s < STEPS; s++) {
            normalise(v);
            for (int i = 0; i < n; i++) {
                double acc = 0;
                for (int j = 0, off = i * n; j < n; j++) acc += g.data()[off + j] * v[j];
                w[i] = acc;
            }
            lmax = norm(w);
            System.arraycopy(w, 0, v, 0, n);
        }
        Matrix l = g.copy();
        if (!la.choleskyInPlace(l)) return new double[] {0, Math.sqrt(lmax)};
        double[] f = l.data();
        double[] x = new double[n];
        for (int i = 0; i < n; i++) x[i] = rnd.nextDouble() - 0.5;
        double inv = 0;
        for (int s = 0; s < STEPS; s++) {
            normalise(x);
            for (int i = 0; i < n; i++) {
                double acc = x[i];
                for (int k = 0, off = i * n; k < i; k++) acc -= f[off + k] * x[k];
                x[i] = acc / f[i * n + i];
            }
            for (int i = n - 1; i >= 0; i--) {
                double acc = x[i];
                for (int k = i + 1; k < n; k++) acc -= f[k * n + i] * x[k];
                x[i] = acc / f[i * n + i];
            }
            inv = norm(x);
        }
        double lmin = inv > 0 && Double.isFinite(inv) ? 1.0 / inv : 0;
        return new double[] {Math.sqrt(Math.max(0, lmin)), Math.sqrt(lmax)};
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
