package starnet.math;

import java.io.IOException;

/**
 * A rows × cols matrix handed over in consecutive blocks of rows, first rows first, so that it is written out without
 * ever being whole in the heap (a cluster's latents, a partition at a time; a store's, a chunk at a time). Each call
 * of {@link #forEach} goes over it again.
 */
public interface RowBlocks {
    long rows();

    int cols();

    /** Hands each block (read only, rows × {@link #cols()}) to {@code each}, in row order. */
    void forEach(Each each) throws IOException;

    /** What receives the blocks. */
    @FunctionalInterface
    interface Each {
        void accept(Matrix block) throws IOException;
    }

    /** {@code m} as one block. */
    static RowBlocks of(Matrix m) {
        return new RowBlocks() {
            @Override public long rows() { return m.rows(); }

            @Override public int cols() { return m.cols(); }

            @Override public void forEach(Each each) throws IOException { each.accept(m); }
        };
    }
}
