package starnet.training;

import starnet.model.TrainingConfig;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The datapoints SW solves on, the same on every engine: all of them, or — per the configuration — a seeded random
 * subset (paper Fig. 8) split into P parts whose solutions are averaged (paper Lemma 8). Seeded by the run's seed, the
 * layer and the step's index, so a run is repeatable and every engine picks the same rows.
 */
public final class WeightRows {
    private WeightRows() {}

    /**
     * The row sets of SW at step {@code step} on layer {@code layer} (0-based) over {@code n} datapoints: each sorted
     * ascending, disjoint; or null for every row in one solve.
     */
    public static int[][] sets(TrainingConfig config, int n, int layer, int step) {
        int sample = config.swSample(), parts = config.swPartitions();
        if ((sample == 0 || sample >= n) && parts == 1) return null;
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        SplittableRandom rnd = new SplittableRandom(config.seed() * 0x9E3779B97F4A7C15L + 7919L * (layer + 1) + step);
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        int m = sample == 0 || sample >= n ? n : sample;
        parts = Math.max(1, Math.min(parts, m));
        int[][] out = new int[parts][];
        for (int p = 0; p < parts; p++) {
            int from = (int) ((long) m * p / parts), to = (int) ((long) m * (p + 1) / parts);
            out[p] = Arrays.copyOfRange(perm, from, to);
            Arrays.sort(out[p]);
        }
        return out;
    }

    /**
     * The members of sorted row set {@code set} that fall in rows [from, to), as offsets from {@code from}: how a block
     * of rows takes its share of a row set.
     */
    public static int[] within(int[] set, long from, long to) {
        int a = lowerBound(set, from), b = lowerBound(set, to);
        int[] local = new int[b - a];
        for (int i = a; i < b; i++) local[i - a] = (int) (set[i] - from);
        return local;
    }

    private static int lowerBound(int[] sorted, long value) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < value) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }
}
