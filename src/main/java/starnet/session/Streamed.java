package starnet.session;

import java.nio.file.Path;

/**
 * Where a run's datapoints are when they are not all in the heap: a row store or .npy file that the engine reads by
 * rows (values divided by {@code divisor}); the heap then holds only the first rows, for the grids.
 *
 * @param file    the rows, N × D
 * @param divisor what a .npy file's values are divided by (1 for a row store)
 * @param rows    N, every datapoint (shifted variants included)
 */
record Streamed(Path file, double divisor, long rows) {}
