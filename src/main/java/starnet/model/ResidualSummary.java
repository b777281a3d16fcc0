package starnet.model;

import java.util.Arrays;

/**
 * What a step's per-datapoint relative residuals (paper Lemma 4) look like, in a size that does not grow with N: how
 * many, their sum and largest, a histogram on fixed logarithmic bins, and the {@link #WORST} largest with their rows.
 * Summaries of disjoint blocks of rows add up ({@link #plus}) to the summary of all of them, exactly: the bins are the
 * same for every block. A cluster sends these to the driver instead of N residuals.
 * <p>
 * Bin 0 holds values below {@link #LOWEST} (zero included), bin {@code 1 + i} values in
 * [LOWEST·10^(i/PER_DECADE), LOWEST·10^((i+1)/PER_DECADE)), the last bin values of at least {@link #HIGHEST}.
 *
 * @param count       datapoints summarised
 * @param sum         sum of their residuals
 * @param max         the largest residual (0 when count is 0)
 * @param bins        datapoints per bin, {@link #BINS} entries; owned by the record, never written after construction
 * @param worst       rows of the largest residuals, largest first, at most {@link #WORST}; ties go to the lower row
 * @param worstValues their residuals, same order
 */
public record ResidualSummary(long count, double sum, double max, long[] bins, int[] worst, double[] worstValues) implements java.io.Serializable {
    /** Bins per decade: a quantile read from the bins is within a factor 10^(1/100) ≈ 1.023 of the exact one. */
    public static final int PER_DECADE = 100;
    public static final double LOWEST = 1e-6, HIGHEST = 1e3;
    private static final int DECADES = 9;
    public static final int BINS = DECADES * PER_DECADE + 2;
    /** Rows kept of the largest residuals. */
    public static final int WORST = 16;
    /** EDGES[i] = the lower edge of bin i + 1 (LOWEST·10^(i/PER_DECADE)), i = 0 … BINS − 2; the last is HIGHEST. */
    private static final double[] EDGES = new double[BINS - 1];

    static {
        for (int i = 0; i < EDGES.length; i++) EDGES[i] = LOWEST * Math.pow(10, i / (double) PER_DECADE);
        EDGES[EDGES.length - 1] = HIGHEST;
    }

    public ResidualSummary {
        if (bins.length != BINS) throw new IllegalArgumentException(bins.length + " bins; a residual summary has " + BINS);
        if (worst.length != worstValues.length || worst.length > WORST) {
            throw new IllegalArgumentException(worst.length + " worst rows with " + worstValues.length + " values; at most " + WORST);
        }
        if (count < 0 || Arrays.stream(bins).sum() != count) throw new IllegalArgumentException("the bins do not add up to " + count + " datapoints");
    }

    /** Nothing summarised yet: the start of a sum over blocks. */
    public static ResidualSummary empty() {
        return new ResidualSummary(0, 0, 0, new long[BINS], new int[0], new double[0]);
    }

    /** The summary of {@code residuals} (read only), whose element i is the residual of row {@code first + i}. */
    public static ResidualSummary of(double[] residuals, int first) {
        long[] bins = new long[BINS];
        double sum = 0, max = 0;
        int n = Math.min(WORST, residuals.length);
        int[] top = new int[n];
        int filled = 0;
        for (int i = 0; i < residuals.length; i++) {
            double v = residuals[i];
            bins[bin(v)]++;
            sum += v;
            max = Math.max(max, v);
            if (filled == n && !(v > residuals[top[n - 1]])) continue;
            int pos = filled < n ? filled++ : n - 1;
            while (pos > 0 && residuals[top[pos - 1]] < v) {
                top[pos] = top[pos - 1];
                pos--;
            }
            top[pos] = i;
        }
        double[] values = new double[n];
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            values[i] = residuals[top[i]];
            rows[i] = first + top[i];
        }
        return new ResidualSummary(residuals.length, sum, max, bins, rows, values);
    }

    /** The same summary of a block that starts at row {@code first} (its worst rows counted from there). */
    public ResidualSummary from(int first) {
        if (first == 0) return this;
        int[] rows = worst.clone();
        for (int i = 0; i < rows.length; i++) rows[i] += first;
        return new ResidualSummary(count, sum, max, bins, rows, worstValues);
    }

    /** The summary of this block's rows and {@code other}'s (disjoint rows). */
    public ResidualSummary plus(ResidualSummary other) {
        long[] b = bins.clone();
        for (int i = 0; i < BINS; i++) b[i] += other.bins[i];
        int n = Math.min(WORST, worst.length + other.worst.length);
        int[] rows = new int[n];
        double[] values = new double[n];
        for (int i = 0, a = 0, o = 0; i < n; i++) { // merge two lists sorted largest first; equal values: the lower row first
            boolean fromThis = o >= other.worst.length || (a < worst.length && (worstValues[a] > other.worstValues[o]
                    || (worstValues[a] == other.worstValues[o] && worst[a] < other.worst[o])));
            rows[i] = fromThis ? worst[a] : other.worst[o];
            values[i] = fromThis ? worstValues[a++] : other.worstValues[o++];
        }
        return new ResidualSummary(count + other.count, sum + other.sum, Math.max(max, other.max), b, rows, values);
    }

    /** The mean residual, NaN when there is none. */
    public double mean() { return count == 0 ? Double.NaN : sum / count; }

    /**
     * The q-quantile (0 ≤ q ≤ 1) read from the bins: the value below which a fraction q of the datapoints lie,
     * interpolated geometrically inside its bin and never above {@link #max()}; NaN when there is none.
     */
    public double quantile(double q) {
        if (!(q >= 0 && q <= 1)) throw new IllegalArgumentException("quantile " + q + ": expected 0 to 1");
        if (count == 0) return Double.NaN;
        double rank = q * count;
        long below = 0;
        for (int i = 0; i < BINS; i++) {
            if (bins[i] == 0 || below + bins[i] < rank) {
                below += bins[i];
                continue;
            }
            double f = (rank - below) / bins[i];
            if (i == 0) return Math.min(max, f * high(0));
            double lo = low(i), hi = Math.min(high(i), max); // max ≥ lo: a value of this bin is
            return Math.min(max, lo * Math.pow(hi / lo, f));
        }
        return max;
    }

    /** The bin of value {@code v} ≥ 0. */
    public static int bin(double v) {
        if (!(v >= LOWEST)) return 0;
        if (v >= HIGHEST) return BINS - 1;
        int i = Math.max(0, Math.min(BINS - 3, (int) Math.floor(Math.log10(v / LOWEST) * PER_DECADE)));
        if (v < EDGES[i]) i--; // log10's rounding at an edge
        else if (v >= EDGES[i + 1]) i++;
        return 1 + Math.max(0, Math.min(BINS - 3, i));
    }

    /** The lower edge of bin {@code i} (0 for bin 0). */
    public static double low(int i) {
        return i == 0 ? 0 : EDGES[i - 1];
    }

    /** The upper edge of bin {@code i} (infinite for the last). */
    public static double high(int i) {
        return i == BINS - 1 ? Double.POSITIVE_INFINITY : EDGES[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResidualSummary s && count == s.count && Double.compare(sum, s.sum) == 0 && Double.compare(max, s.max) == 0
                && Arrays.equals(bins, s.bins) && Arrays.equals(worst, s.worst) && Arrays.equals(worstValues, s.worstValues);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(count) * 31 + Arrays.hashCode(bins);
    }

    @Override
    public String toString() {
        return String.format("ResidualSummary[count=%d, mean=%.6g, max=%.6g, worst=%s]", count, mean(), max, Arrays.toString(worst));
    }
}
