package starnet.model;

import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.math.Spectrum;

/** Extreme singular values of a tall operator from its Gram matrix, by power and inverse iteration (O(n²) per step). */
final class OperatorRank {
    private static final int STEPS = 60;

    private OperatorRank() {}

    /** {σ_min, σ_max} of {@code a} (m × n, read only); σ_min = 0 when AᵀA is not positive definite. */
    static double[] extremeSingularValues(Matrix a, LinearAlgebra la) {
        int n = a.cols();
        Matrix g = new Matrix(n, n);
        la.gramAccumulate(1.0, a, 0.0, g);
        double lmax = Spectrum.largestEigenvalue(g, STEPS);
        Matrix l = g.copy();
        if (!la.choleskyInPlace(l)) return new double[] {0, Math.sqrt(lmax)};
        return new double[] {Math.sqrt(Spectrum.smallestEigenvalue(l, STEPS)), Math.sqrt(lmax)};
    }
}
