package starnet.training;

import starnet.math.Matrix;
import starnet.math.Spectrum;

import java.util.SplittableRandom;

/**
 * Generation beyond reconstruction: a Gaussian N(μ, Σ) fitted to the training codes h_0, sampled
 * through Σ's eigen-decomposition, its principal directions for sliders, and straight-line
 * interpolation between two codes. Codes are decoded by the caller (Decoder.decodeFrom(…, 0, codes)).
 */
public final class CodeSpace {
    private final double[] mean;
    private final double[] variances;   // eigenvalues of Σ, descending
    private final Matrix directions;    // d × d, row i = i-th principal direction

    private CodeSpace(double[] mean, double[] variances, Matrix directions) {
        this.mean = mean;
        this.variances = variances;
        this.directions = directions;
    }

    /** @param codes N × d, read only */
    public static CodeSpace fit(Matrix codes) {
        int n = codes.rows(), d = codes.cols();
        double[] mu = new double[d];
        double[] c = codes.data();
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) mu[j] += c[i * d + j] / n;
        Matrix cov = new Matrix(d, d);
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < d; a++) {
                double xa = c[i * d + a] - mu[a];
                for (int b = a; b < d; b++) cov.data()[a * d + b] += xa * (c[i * d + b] - mu[b]);
            }
        }
        for (int a = 0; a < d; a++) for (int b = a; b < d; b++) {
            double v = cov.data()[a * d + b] / Math.max(1, n - 1);
            cov.data()[a * d + b] = v;
            cov.data()[b * d + a] = v;
        }
        Spectrum.Sorted eig = Spectrum.decompose(cov);
        return new CodeSpace(mu, eig.values(), eig.vectors());
    }

    public int dimension() { return mean.length; }
    public double[] mean() { return mean.clone(); }
    /** Standard deviation along principal direction {@code i}. */
    public double spread(int i) { return Math.sqrt(variances[i]); }

    /** {@code n} codes drawn from N(μ, Σ) with a seeded generator: a new n × d matrix. */
    public Matrix sample(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int d = mean.length;
        Matrix out = new Matrix(n, d);
        for (int i = 0; i < n; i++) {
            double[] row = mean.clone();
            for (int k = 0; k < d; k++) {
                double z = rnd.nextGaussian() * Math.sqrt(variances[k]);
                for (int j = 0; j < d; j++) row[j] += z * directions.get(k, j);
            }
            System.arraycopy(row, 0, out.data(), i * d, d);
        }
        return out;
    }

    /** μ + Σ_i t_i·σ_i·u_i for slider positions t (in standard deviations) on the leading directions: a 1 × d matrix. */
    public Matrix along(double[] t) {
        double[] row = mean.clone();
        for (int k = 0; k < t.length && k < mean.length; k++) {
            double s = t[k] * spread(k);
            for (int j = 0; j < row.length; j++) row[j] += s * directions.get(k, j);
        }
        return new Matrix(1, row.length, row);
    }

    /** {@code steps} codes on the straight line from {@code a} to {@code b} (both 1 × d, read only), ends included. */
    public static Matrix interpolate(double[] a, double[] b, int steps) {
        Matrix out = new Matrix(steps, a.length);
        for (int s = 0; s < steps; s++) {
            double t = steps == 1 ? 0 : s / (double) (steps - 1);
            for (int j = 0; j < a.length; j++) out.set(s, j, (1 - t) * a[j] + t * b[j]);
        }
        return out;
    }
}
