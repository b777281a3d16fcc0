package starnet.session;

import java.nio.file.Path;

/**
 * Where a run's datapoints are when they are not all in the heap: a row store or .npy file that the engine reads by
 * rows (values divided by {@code divisor}); the heap then holds only the first rows, for the grids.
 *
 * @param file    the rows, N × D
 * @param divisor what a .npy file's values are divided by (1 for a row store)
 * @param rows    N, every datapoint (shifted variants included)
 * @param lasting whether the file outlives the run (the user's store folder or .npy file, not a temporary store): a
 *                session file can then point at it
 */
record Streamed(Path file, double divisor, long rows, boolean lasting) {}
