package starnet.session;

import java.nio.file.Path;

/**
 * Where a run's datapoints are when they are not all in the heap: a row store or .npy file that the engine reads by
 * rows (values divided by {@code divisor}); the heap then holds only the first rows, for the grids.
 *
 * @param file    the rows, N × D: a path on this machine, or an address on a Hadoop file system ({@code hdfs://…})
 *                that Spark's executors read
 * @param divisor what a .npy file's values are divided by (1 for a row store)
 * @param rows    N, every datapoint (shifted variants included)
 * @param lasting whether the file outlives the run (the user's store folder or .npy file, not a temporary store): a
 *                session file can then point at it
 */
record Streamed(String file, double divisor, long rows, boolean lasting) {
    Streamed(Path file, double divisor, long rows, boolean lasting) {
        this(file.toAbsolutePath().toString(), divisor, rows, lasting);
    }
}
