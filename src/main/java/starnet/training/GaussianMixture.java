package starnet.training;

import starnet.math.LinearAlgebra;
import starnet.math.Matrix;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A mixture of Gaussians over codes h₀ (N × d): where the codes lie, so that samples decode to images like the data.
 * One Gaussian over all codes puts most of its mass between the clusters the classes make, and decodes to blobs.
 * Fitted by EM from a k-means++ start (seeded), with full or diagonal covariances; each covariance gets a small
 * ridge (1e-4 of its mean variance) so that a component of few codes stays invertible. Immutable.
 */
public final class GaussianMixture {
    /** Full covariance matrices, or only their diagonals. */
    public enum Covariance { FULL, DIAGONAL }

    /**
     * One component: its weight, mean and the lower Cholesky factor L of its covariance (LLᵀ = Σ; for a diagonal
     * covariance only L's diagonal is non-zero), and log det Σ.
     */
    record Component(double weight, double[] mean, Matrix chol, double logDet) {}

    private static final double RIDGE = 1e-4, LOG_2PI = Math.log(2 * Math.PI);
    private final List<Component> components;
    private final Covariance covariance;
    private final int dimension;

    private GaussianMixture(List<Component> components, Covariance covariance, int dimension) {
        this.components = List.copyOf(components);
        this.covariance = covariance;
        this.dimension = dimension;
    }

    public int size() { return components.size(); }

    public Covariance covariance() { return covariance; }

    /** Free parameters (for BIC): weights, means and covariances. */
    public long parameters() {
        long d = dimension, k = components.size();
        return (k - 1) + k * d + k * (covariance == Covariance.FULL ? d * (d + 1) / 2 : d);
    }

    /**
     * The mixture of {@code k} components fitted to {@code codes} (N × d, read only) by EM: at most {@code iterations}
     * rounds, stopping when the mean log-likelihood gains less than 1e-4 of itself.
     */
    public static GaussianMixture fit(Matrix codes, int k, Covariance covariance, int iterations, long seed, LinearAlgebra la, Cancellation cancel) {
        int n = codes.rows();
        if (k < 1 || k > n) throw new IllegalArgumentException("a mixture of " + k + " components needs at least as many codes, got " + n);
        double[][] resp = kMeansPlusPlus(codes, k, seed);
        GaussianMixture g = maximise(codes, resp, covariance, la);
        double last = Double.NEGATIVE_INFINITY;
        for (int it = 0; it < iterations; it++) {
            cancel.check();
            double ll = g.expect(codes, resp, la);
            g = maximise(codes, resp, covariance, la);
            if (ll - last < 1e-4 * Math.abs(ll)) break;
            last = ll;
        }
        return g;
    }

    /** One Gaussian per class: component c is fitted to the codes labelled c (weights: the classes' shares). */
    public static GaussianMixture perClass(Matrix codes, int[] labels, int classes, LinearAlgebra la) {
        int n = codes.rows();
        double[][] resp = new double[classes][n];
        for (int i = 0; i < n; i++) resp[labels[i]][i] = 1;
        return maximise(codes, resp, Covariance.FULL, la);
    }

    /** Mean log-likelihood per code of {@code x} (N × d, read only) under the mixture. */
    public double logLikelihood(Matrix x, LinearAlgebra la) {
        double[][] logp = logDensities(x, la);
        double sum = 0;
        for (int i = 0; i < x.rows(); i++) sum += logSumExp(logp, i);
        return sum / x.rows();
    }

    /** BIC of this mixture on {@code x}: −2·log-likelihood + parameters·log N (lower is better). */
    public double bic(Matrix x, LinearAlgebra la) {
        return -2 * logLikelihood(x, la) * x.rows() + parameters() * Math.log(x.rows());
    }

    /** {@code n} codes drawn from the mixture (seeded): a new n × d matrix. */
    public Matrix sample(int n, long seed) {
        return sample(n, seed, 1);
    }

    /**
     * {@code n} codes drawn from the mixture with each component's spread scaled by {@code temperature} (1: the fit as it
     * is; below 1 nearer each component's mean, crisper images), seeded: a new n × d matrix.
     */
    public Matrix sample(int n, long seed, double temperature) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Matrix out = new Matrix(n, dimension);
        for (int i = 0; i < n; i++) {
            double u = rnd.nextDouble(), acc = 0;
            Component c = components.get(components.size() - 1);
            for (Component x : components) {
                acc += x.weight();
                if (u < acc) {
                    c = x;
                    break;
                }
            }
            draw(c, rnd, out, i, temperature);
        }
        return out;
    }

    /** {@code n} codes drawn from component {@code j} alone (e.g. one class), spread scaled by {@code temperature}: a new n × d matrix. */
    public Matrix sampleComponent(int j, int n, long seed, double temperature) {
        SplittableRandom rnd = new SplittableRandom(seed);
        Matrix out = new Matrix(n, dimension);
        for (int i = 0; i < n; i++) draw(components.get(j), rnd, out, i, temperature);
        return out;
    }

    /** Row {@code row} of {@code out} = μ + L·(t·z) with z ~ N(0, I). */
    private void draw(Component c, SplittableRandom rnd, Matrix out, int row, double t) {
        int d = dimension;
        double[] z = new double[d];
        for (int j = 0; j < d; j++) z[j] = t * rnd.nextGaussian();
        double[] l = c.chol().data();
        for (int a = 0; a < d; a++) {
            double v = c.mean()[a];
            if (covariance == Covariance.DIAGONAL) v += l[a * d + a] * z[a];
            else for (int b = 0; b <= a; b++) v += l[a * d + b] * z[b];
            out.set(row, a, v);
        }
    }

    /** E-step: responsibilities into {@code resp} ([component][code]); returns the mean log-likelihood. */
    private double expect(Matrix x, double[][] resp, LinearAlgebra la) {
        double[][] logp = logDensities(x, la);
        int n = x.rows(), k = components.size();
        double sum = 0;
        for (int i = 0; i < n; i++) {
            double lse = logSumExp(logp, i);
            sum += lse;
            for (int j = 0; j < k; j++) resp[j][i] = Math.exp(logp[j][i] - lse);
        }
        return sum / n;
    }

    /** log(w_j · N(x_i | μ_j, Σ_j)) for every component j and code i. */
    private double[][] logDensities(Matrix x, LinearAlgebra la) {
        int n = x.rows(), d = dimension, k = components.size();
        double[][] out = new double[k][n];
        for (int j = 0; j < k; j++) {
            Component c = components.get(j);
            Matrix centred = centred(x, c.mean());
            Matrix z;
            if (covariance == Covariance.DIAGONAL) {
                z = centred;
                double[] zd = z.data(), l = c.chol().data();
                for (int i = 0; i < n; i++) for (int a = 0; a < d; a++) zd[i * d + a] /= l[a * d + a];
            } else {
                z = la.multiply(false, true, centred, lowerInverse(c.chol())); // rows: L⁻¹(x − μ)
            }
            double base = Math.log(c.weight()) - 0.5 * (d * LOG_2PI + c.logDet());
            double[] zd = z.data();
            for (int i = 0; i < n; i++) {
                double q = 0;
                for (int a = i * d, end = a + d; a < end; a++) q += zd[a] * zd[a];
                out[j][i] = base - 0.5 * q;
            }
        }
        return out;
    }

    /** M-step: weights, means and covariances from responsibilities {@code resp} ([component][code]). */
    private static GaussianMixture maximise(Matrix x, double[][] resp, Covariance covariance, LinearAlgebra la) {
        int n = x.rows(), d = x.cols();
        double[] xd = x.data();
        List<Component> comps = new ArrayList<>();
        for (double[] r : resp) {
            double nk = 0;
            for (double v : r) nk += v;
            if (nk < 1e-9) continue; // an emptied component goes
            double[] mu = new double[d];
            for (int i = 0; i < n; i++) {
                if (r[i] == 0) continue;
                for (int a = 0; a < d; a++) mu[a] += r[i] * xd[i * d + a];
            }
            for (int a = 0; a < d; a++) mu[a] /= nk;
            Matrix weighted = centred(x, mu);
            double[] wd = weighted.data();
            for (int i = 0; i < n; i++) {
                double s = Math.sqrt(r[i] / nk);
                for (int a = i * d, end = a + d; a < end; a++) wd[a] *= s;
            }
            Matrix cov;
            if (covariance == Covariance.FULL) {
                cov = new Matrix(d, d);
                la.gramAccumulate(1.0, weighted, 0.0, cov);
            } else {
                cov = new Matrix(d, d);
                for (int i = 0; i < n; i++) for (int a = 0; a < d; a++) cov.data()[a * d + a] += wd[i * d + a] * wd[i * d + a];
            }
            double trace = 0;
            for (int a = 0; a < d; a++) trace += cov.get(a, a);
            double ridge = RIDGE * Math.max(trace / d, 1e-12);
            for (int a = 0; a < d; a++) cov.set(a, a, cov.get(a, a) + ridge);
            Matrix l = cholesky(cov, covariance);
            double logDet = 0;
            for (int a = 0; a < d; a++) logDet += 2 * Math.log(l.get(a, a));
            comps.add(new Component(nk / n, mu, l, logDet));
        }
        double total = comps.stream().mapToDouble(Component::weight).sum();
        List<Component> normalised = comps.stream().map(c -> new Component(c.weight() / total, c.mean(), c.chol(), c.logDet())).toList();
        return new GaussianMixture(normalised, covariance, d);
    }

    /** The rows of {@code x} minus {@code mu}: a new matrix. */
    private static Matrix centred(Matrix x, double[] mu) {
        Matrix c = x.copy();
        double[] cd = c.data();
        int d = mu.length;
        for (int i = 0; i < x.rows(); i++) for (int a = 0; a < d; a++) cd[i * d + a] -= mu[a];
        return c;
    }

    /** The lower Cholesky factor of symmetric positive definite {@code a} (only the diagonal's square roots for a diagonal). */
    static Matrix cholesky(Matrix a, Covariance covariance) {
        int d = a.rows();
        Matrix l = new Matrix(d, d);
        double[] ad = a.data(), ld = l.data();
        if (covariance == Covariance.DIAGONAL) {
            for (int i = 0; i < d; i++) ld[i * d + i] = Math.sqrt(ad[i * d + i]);
            return l;
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = ad[i * d + j];
                for (int k = 0; k < j; k++) s -= ld[i * d + k] * ld[j * d + k];
                if (i == j) {
                    if (!(s > 0)) throw new ArithmeticException("covariance not positive definite");
                    ld[i * d + i] = Math.sqrt(s);
                } else {
                    ld[i * d + j] = s / ld[j * d + j];
                }
            }
        }
        return l;
    }

    /** L⁻¹ for lower triangular {@code l}: a new lower triangular matrix. */
    static Matrix lowerInverse(Matrix l) {
        int d = l.rows();
        Matrix inv = new Matrix(d, d);
        double[] ld = l.data(), id = inv.data();
        for (int col = 0; col < d; col++) {
            id[col * d + col] = 1 / ld[col * d + col];
            for (int i = col + 1; i < d; i++) {
                double s = 0;
                for (int k = col; k < i; k++) s -= ld[i * d + k] * id[k * d + col];
                id[i * d + col] = s / ld[i * d + i];
            }
        }
        return inv;
    }

    private static double logSumExp(double[][] logp, int i) {
        double max = Double.NEGATIVE_INFINITY;
        for (double[] row : logp) max = Math.max(max, row[i]);
        if (max == Double.NEGATIVE_INFINITY) return max;
        double s = 0;
        for (double[] row : logp) s += Math.exp(row[i] - max);
        return max + Math.log(s);
    }

    /** k-means++ centres (seeded) and each code's nearest one, as one-hot responsibilities [component][code]. */
    static double[][] kMeansPlusPlus(Matrix x, int k, long seed) {
        int n = x.rows(), d = x.cols();
        double[] xd = x.data();
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] centres = new int[k];
        centres[0] = rnd.nextInt(n);
        double[] dist = new double[n];
        Arrays.fill(dist, Double.POSITIVE_INFINITY);
        for (int c = 1; c <= k; c++) {
            int last = centres[c - 1];
            double total = 0;
            for (int i = 0; i < n; i++) {
                double s = 0;
                for (int a = 0; a < d; a++) {
                    double e = xd[i * d + a] - xd[last * d + a];
                    s += e * e;
                }
                dist[i] = Math.min(dist[i], s);
                total += dist[i];
            }
            if (c == k) break;
            double u = rnd.nextDouble() * total, acc = 0;
            int pick = n - 1;
            for (int i = 0; i < n; i++) {
                acc += dist[i];
                if (acc >= u) {
                    pick = i;
                    break;
                }
            }
            centres[c] = pick;
        }
        double[][] resp = new double[k][n];
        for (int i = 0; i < n; i++) {
            int best = 0;
            double bestD = Double.POSITIVE_INFINITY;
            for (int c = 0; c < k; c++) {
                double s = 0;
                for (int a = 0; a < d; a++) {
                    double e = xd[i * d + a] - xd[centres[c] * d + a];
                    s += e * e;
                }
                if (s < bestD) {
                    bestD = s;
                    best = c;
                }
            }
            resp[best][i] = 1;
        }
        return resp;
    }
}
