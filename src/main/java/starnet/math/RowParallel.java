package starnet.math;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveAction;

/**
 * Splits element-wise work over rows into a fixed number of contiguous parts run on the common
 * fork-join pool. Parts are fixed by (rows, parts) only, so per-part partial sums added in part
 * order give the same result on every run.
 */
public final class RowParallel {
    /** Below this many values the work runs on the calling thread. */
    public static final int MIN_PARALLEL_VALUES = 200_000;
    /** Upper bound on parts (array sizes); the number used follows the backend's thread count. */
    public static final int PARTS = 8;

    public interface Body {
        void run(int part, int fromRow, int toRow);
    }

    private RowParallel() {}

    /** Runs {@code body} on at most {@code threads} parts of [0, rows); returns the number of parts used. */
    public static int run(int threads, int rows, int valuesPerRow, Body body) {
        int parts = (long) rows * valuesPerRow < MIN_PARALLEL_VALUES ? 1 : Math.min(Math.min(PARTS, threads), rows);
        if (parts <= 1) {
            body.run(0, 0, rows);
            return 1;
        }
        RecursiveAction[] tasks = new RecursiveAction[parts];
        for (int p = 0; p < parts; p++) {
            int part = p, from = (int) ((long) rows * p / parts), to = (int) ((long) rows * (p + 1) / parts);
            tasks[p] = new RecursiveAction() {
                @Override protected void compute() { body.run(part, from, to); }
            };
        }
        if (ForkJoinPool.commonPool().getParallelism() < 1) {
            for (RecursiveAction t : tasks) t.invoke();
        } else {
            RecursiveAction.invokeAll(tasks);
        }
        return parts;
    }
}
