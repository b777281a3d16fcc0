package starnet.training;

import starnet.math.LinearAlgebra;
import starnet.math.Matrix;

import java.util.List;

/**
 * Where the training codes h₀ lie, as a density to sample new codes from: one full Gaussian per class when the data
 * has labels (so "sample a 7" means something), else a Gaussian mixture whose number of components BIC chooses. Says
 * which it is and how well it fits: the mean log-likelihood of held-out codes (one in ten, fitted without them),
 * beside that of one Gaussian for all codes. Immutable.
 */
public final class CodeDensity {
    /** Components tried for a mixture; BIC picks one. */
    static final int[] COMPONENTS = {1, 2, 5, 10};
    /** How the spread of samples is scaled unless asked otherwise: a little nearer each component's mean, crisper images. */
    public static final double TEMPERATURE = 0.7;

    private final GaussianMixture mixture;
    private final List<String> classNames; // null for a mixture without classes
    private final String description;

    private CodeDensity(GaussianMixture mixture, List<String> classNames, String description) {
        this.mixture = mixture;
        this.classNames = classNames == null ? null : List.copyOf(classNames);
        this.description = description;
    }

    /**
     * The density of {@code codes} (N × d, read only): per class when {@code labels} (length N, in [0, classes)) are
     * given and every class has codes, else a mixture chosen by BIC. Seeded; cancellable between EM rounds.
     */
    public static CodeDensity fit(Matrix codes, int[] labels, List<String> classNames, long seed, LinearAlgebra la, Cancellation cancel) {
        int n = codes.rows(), d = codes.cols();
        int[] rows = heldOutOrder(n, seed);
        int held = Math.max(1, n / 10);
        Matrix fitOn = codes.selectRows(java.util.Arrays.copyOfRange(rows, held, n)), check = codes.selectRows(java.util.Arrays.copyOfRange(rows, 0, held));
        double single = GaussianMixture.fit(fitOn, 1, GaussianMixture.Covariance.FULL, 1, seed, la, cancel).logLikelihood(check, la);
        int classes = classNames == null ? 0 : classNames.size();
        if (labels != null && classes > 1 && everyClassHas(labels, classes, d + 1)) {
            int[] fitLabels = new int[n - held];
            for (int i = held; i < n; i++) fitLabels[i - held] = labels[rows[i]];
            double ll = everyClassHas(fitLabels, classes, d + 1)
                    ? GaussianMixture.perClass(fitOn, fitLabels, classes, la).logLikelihood(check, la) : Double.NaN;
            String text = String.format("one Gaussian per class (%d classes) fitted to the %,d codes; held-out log-likelihood %.1f per code "
                    + "(one Gaussian for all codes: %.1f)", classes, n, ll, single);
            return new CodeDensity(GaussianMixture.perClass(codes, labels, classes, la), classNames, text);
        }
        GaussianMixture best = null;
        double bestBic = Double.POSITIVE_INFINITY;
        for (int k : COMPONENTS) {
            if (k * (d + 1) > fitOn.rows()) break;
            GaussianMixture g = GaussianMixture.fit(fitOn, k, GaussianMixture.Covariance.FULL, 30, seed, la, cancel);
            double bic = g.bic(fitOn, la);
            if (bic < bestBic) {
                bestBic = bic;
                best = g;
            }
        }
        double ll = best.logLikelihood(check, la);
        String text = String.format("%s (chosen by BIC among 1, 2, 5 and 10 components) fitted to the %,d codes; held-out log-likelihood "
                + "%.1f per code (one Gaussian: %.1f)", best.size() == 1 ? "one Gaussian" : "a mixture of " + best.size() + " Gaussians", n, ll, single);
        return new CodeDensity(GaussianMixture.fit(codes, best.size(), GaussianMixture.Covariance.FULL, 30, seed, la, cancel), null, text);
    }

    private static boolean everyClassHas(int[] labels, int classes, int atLeast) {
        int[] count = new int[classes];
        for (int l : labels) if (l >= 0 && l < classes) count[l]++;
        for (int c : count) if (c < atLeast) return false;
        return true;
    }

    /** The codes in a seeded order: the first tenth are held out from the fit that measures it. */
    private static int[] heldOutOrder(int n, long seed) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = i;
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = n - 1; i > 0; i--) {
            int j = r.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    /** The classes one may ask a sample of, or an empty list for a mixture without classes. */
    public List<String> classNames() { return classNames == null ? List.of() : classNames; }

    /** What the density is and how well it fits, in words. */
    public String description() { return description; }

    /**
     * {@code n} codes drawn from the density ({@code cls} ≥ 0: that class only), spread scaled by {@code temperature}:
     * a new n × d matrix.
     */
    public Matrix sample(int n, long seed, int cls, double temperature) {
        if (cls >= 0) {
            if (cls >= classNames().size()) throw new IllegalArgumentException("class " + cls + " is not one of the " + classNames().size() + " classes");
            return mixture.sampleComponent(cls, n, seed, temperature);
        }
        return mixture.sample(n, seed, temperature);
    }
}
