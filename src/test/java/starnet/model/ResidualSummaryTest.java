package starnet.model;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResidualSummaryTest {
    private static final double BIN_RATIO = Math.pow(10, 1.0 / ResidualSummary.PER_DECADE);

    /** Log-normal residuals around 0.1 with a few far ones and exact zeros, as a trained layer leaves them. */
    static double[] residuals(int n, long seed) {
        Random r = new Random(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) v[i] = i % 97 == 0 ? 0 : 0.1 * Math.exp(0.8 * r.nextGaussian()) * (i % 251 == 0 ? 40 : 1);
        return v;
    }

    @Test
    void quantilesAreWithinOneBinOfTheSortedValues() {
        double[] v = residuals(20_000, 7);
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        ResidualSummary s = ResidualSummary.of(v, 0);
        for (double q : new double[] {0.02, 0.1, 0.5, 0.9, 0.99, 0.999}) {
            double exact = sorted[(int) Math.ceil(q * v.length) - 1];
            double got = s.quantile(q);
            assertTrue(got <= exact * BIN_RATIO && got >= exact / BIN_RATIO, "q " + q + ": " + got + " vs " + exact);
        }
        assertTrue(s.quantile(0.005) < ResidualSummary.LOWEST, "among the 1% of zeros");
        assertEquals(sorted[sorted.length - 1], s.quantile(1), 0.0);
        assertEquals(sorted[sorted.length - 1], s.max(), 0.0);
        assertEquals(Arrays.stream(v).sum() / v.length, s.mean(), 1e-15);
    }

    @Test
    void theWorstRowsAreTheLargestValuesLargestFirst() {
        double[] v = residuals(5_000, 11);
        ResidualSummary s = ResidualSummary.of(v, 1000);
        int[] expected = IntStream.range(0, v.length).boxed().sorted(Comparator.comparingDouble((Integer i) -> -v[i]).thenComparingInt(i -> i))
                .limit(ResidualSummary.WORST).mapToInt(i -> i + 1000).toArray();
        assertArrayEquals(expected, s.worst());
        for (int i = 0; i < expected.length; i++) assertEquals(v[expected[i] - 1000], s.worstValues()[i], 0.0);
        assertEquals(s, ResidualSummary.of(v, 0).from(1000), "a block's summary moved to where the block starts");
    }

    @Property(tries = 60, seed = "20261206")
    void summariesOfBlocksAddUpToTheSummaryOfAllRows(@ForAll @IntRange(min = 0, max = 3000) int n, @ForAll @IntRange(min = 1, max = 9) int blocks,
                                                     @ForAll @IntRange(min = 0, max = 1000) int seed) {
        double[] v = residuals(n, seed);
        if (seed % 3 == 0) for (int i = 0; i < n; i += 5) v[i] = 0.25; // ties across blocks: the lower row wins, as in one pass
        ResidualSummary whole = ResidualSummary.of(v, 0), summed = ResidualSummary.empty();
        for (int b = blocks - 1; b >= 0; b--) { // in any order
            int from = n * b / blocks, to = n * (b + 1) / blocks;
            summed = summed.plus(ResidualSummary.of(Arrays.copyOfRange(v, from, to), from));
        }
        assertEquals(whole.count(), summed.count());
        assertArrayEquals(whole.bins(), summed.bins());
        assertEquals(whole.max(), summed.max(), 0.0);
        assertArrayEquals(whole.worst(), summed.worst());
        assertArrayEquals(whole.worstValues(), summed.worstValues(), 0.0);
        assertEquals(whole.sum(), summed.sum(), 1e-12 * Math.max(1, whole.sum()));
    }

    @Test
    void everyValueFallsInTheBinWhoseEdgesHoldIt() {
        for (int i = 1; i < ResidualSummary.BINS - 1; i++) {
            double lo = ResidualSummary.low(i), hi = ResidualSummary.high(i);
            assertEquals(i, ResidualSummary.bin(lo), "the lower edge of bin " + i);
            assertEquals(i, ResidualSummary.bin(Math.nextDown(hi)), "just below the upper edge of bin " + i);
            assertEquals(i, ResidualSummary.bin(Math.sqrt(lo * hi)));
        }
        assertEquals(0, ResidualSummary.bin(0));
        assertEquals(0, ResidualSummary.bin(Math.nextDown(ResidualSummary.LOWEST)));
        assertEquals(ResidualSummary.BINS - 1, ResidualSummary.bin(ResidualSummary.HIGHEST));
        assertEquals(ResidualSummary.BINS - 1, ResidualSummary.bin(1e300));
    }

    @Test
    void aSummaryWhoseBinsDoNotAddUpIsRefused() {
        long[] bins = new long[ResidualSummary.BINS];
        bins[3] = 2;
        assertThrows(IllegalArgumentException.class, () -> new ResidualSummary(3, 1, 1, bins, new int[0], new double[0]));
        assertThrows(IllegalArgumentException.class, () -> new ResidualSummary(0, 0, 0, new long[5], new int[0], new double[0]));
        assertTrue(Double.isNaN(ResidualSummary.empty().mean()));
        assertTrue(Double.isNaN(ResidualSummary.empty().quantile(0.5)));
    }
}
