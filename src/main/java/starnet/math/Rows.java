package starnet.math;

/**
 * An N × D matrix whose rows the solves read by ranges: doubles ({@link Matrix}) or 8-bit pixels ({@link PixelBytes},
 * each standing for byte / 255). Read only through this view.
 */
public sealed interface Rows permits Matrix, PixelBytes {
    int rows();

    int cols();

    /** Rows [from, to) as a new matrix of doubles. */
    Matrix rowRange(int from, int to);

    /** The rows at {@code indices}, in that order, as a new matrix of doubles. */
    Matrix selectRows(int[] indices);
}
