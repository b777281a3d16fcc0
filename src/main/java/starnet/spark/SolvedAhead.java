package starnet.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What one pass of SL that also makes the following SW's normal equations brings to the driver, summed by a tree
 * aggregation: each partition's SL statistics (O(1) each), the normal equations added up, and the executors' time on
 * each of the two. Merges write into the left operand, which the aggregation owns.
 */
record SolvedAhead(List<Part.Stats> stats, NormalEquations equations, long equationNanos) implements Serializable {
    /** The empty sum (Spark copies it for each partition). */
    static SolvedAhead none() {
        return new SolvedAhead(new ArrayList<>(), null, 0);
    }

    /** This sum with one partition's SL statistics and its normal equations, which took {@code nanos} to make. */
    SolvedAhead with(Part.Stats s, NormalEquations eq, long nanos) {
        stats.add(s);
        return new SolvedAhead(stats, NormalEquations.add(equations, eq), equationNanos + nanos);
    }

    static SolvedAhead merge(SolvedAhead a, SolvedAhead b) {
        a.stats.addAll(b.stats);
        return new SolvedAhead(a.stats, NormalEquations.add(a.equations, b.equations), a.equationNanos + b.equationNanos);
    }

    /** The statistics in row order (the order a collect gives, so their totals add up as on the engine's other passes). */
    List<Part.Stats> inRowOrder() {
        List<Part.Stats> sorted = new ArrayList<>(stats);
        sorted.sort(Comparator.comparingInt(Part.Stats::first));
        return sorted;
    }

    /** The share of the executors' time that went to the normal equations (0–1). */
    double equationShare() {
        long solve = 0;
        for (Part.Stats s : stats) solve += s.nanos();
        return equationNanos + solve == 0 ? 0 : equationNanos / (double) (equationNanos + solve);
    }
}
