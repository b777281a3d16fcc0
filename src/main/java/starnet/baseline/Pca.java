package starnet.baseline;

import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.math.Spectrum;

/**
 * Principal component analysis of N × D data through the eigen-decomposition of the centred Gram
 * matrix XcᵀXc (D × D). By Eckart–Young the best affine rank-d fit leaves the tail eigenvalues:
 * its MSE is Σ_{i>d} λ_i / (N·D) — the bound StarNet's codes of width d are compared with.
 */
public final class Pca {
    private final double[] mean;
    private final double[] eigenvalues; // descending
    private final Matrix components;    // D × D, row i = i-th principal direction
    private final int n;

    private Pca(double[] mean, double[] eigenvalues, Matrix components, int n) {
        this.mean = mean;
        this.eigenvalues = eigenvalues;
        this.components = components;
        this.n = n;
    }

    /** @param x N × D data, read only */
    public static Pca fit(Matrix x, LinearAlgebra la) {
        int n = x.rows(), d = x.cols();
        double[] mean = new double[d];
        double[] xd = x.data();
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) mean[j] += xd[i * d + j];
        for (int j = 0; j < d; j++) mean[j] /= n;
        Matrix g = new Matrix(d, d);
        la.gramAccumulate(1.0, x, 0.0, g);
        double[] gd = g.data();
        for (int i = 0; i < d; i++) for (int j = 0; j < d; j++) gd[i * d + j] -= n * mean[i] * mean[j];
        Spectrum.Sorted eig = Spectrum.decompose(g);
        return new Pca(mean, eig.values(), eig.vectors(), n);
    }

    /** MSE of the best affine rank-{@code rank} reconstruction of the fitted data. */
    public double mse(int rank) {
        return bound().mse(rank);
    }

    /** What this PCA says about every rank, as a value. */
    public starnet.model.PcaBound bound() {
        return new starnet.model.PcaBound(eigenvalues, n, mean.length);
    }

    /** Rank-{@code rank} reconstructions of the rows of {@code x} (read only): a new matrix. */
    public Matrix reconstruct(Matrix x, int rank, LinearAlgebra la) {
        Matrix p = components.rowRange(0, Math.min(rank, components.rows()));
        Matrix centred = x.copy();
        double[] c = centred.data();
        int d = mean.length;
        for (int i = 0; i < x.rows(); i++) for (int j = 0; j < d; j++) c[i * d + j] -= mean[j];
        Matrix coords = la.multiply(false, true, centred, p);
        Matrix out = la.multiply(false, false, coords, p);
        double[] o = out.data();
        for (int i = 0; i < x.rows(); i++) for (int j = 0; j < d; j++) o[i * d + j] += mean[j];
        return out;
    }

    /**
     * The rows of {@code x} (M × D, read only) in the first {@code rank} principal directions, centred on the
     * fitted mean: a new M × rank matrix (column i = coordinate along direction i; each direction's sign is fixed
     * so that its largest component is positive).
     */
    public Matrix coordinates(Matrix x, int rank, LinearAlgebra la) {
        Matrix p = components.rowRange(0, Math.min(rank, components.rows()));
        for (int r = 0; r < p.rows(); r++) {
            int big = 0;
            for (int j = 1; j < p.cols(); j++) if (Math.abs(p.get(r, j)) > Math.abs(p.get(r, big))) big = j;
            if (p.get(r, big) < 0) for (int j = 0; j < p.cols(); j++) p.set(r, j, -p.get(r, j));
        }
        Matrix centred = x.copy();
        double[] c = centred.data();
        int d = mean.length;
        for (int i = 0; i < x.rows(); i++) for (int j = 0; j < d; j++) c[i * d + j] -= mean[j];
        return la.multiply(false, true, centred, p);
    }

    /** The share of the total variance each of the first {@code rank} directions explains. */
    public double[] explained(int rank) {
        double total = 0;
        for (double v : eigenvalues) total += v;
        double[] out = new double[Math.min(rank, eigenvalues.length)];
        for (int i = 0; i < out.length; i++) out[i] = total == 0 ? 0 : eigenvalues[i] / total;
        return out;
    }

    public double[] eigenvalues() { return eigenvalues.clone(); }
}
