package starnet.math;

import java.nio.FloatBuffer;

/**
 * A row-major float32 work matrix in native memory, for products that are only measured (see {@link SinglePrecision});
 * element (r, c) is at {@code buffer().get(r * cols + c)}. Owned by the kernel that took it; never shared across threads.
 */
public final class SingleBlock implements AutoCloseable {
    private final int rows;
    private final int cols;
    private final FloatBuffer buffer;
    private final org.bytedeco.javacpp.FloatPointer owner; // keeps the native memory alive while the block is reachable

    SingleBlock(int rows, int cols, org.bytedeco.javacpp.FloatPointer owner) {
        this(rows, cols, owner.asBuffer(), owner);
    }

    private SingleBlock(int rows, int cols, FloatBuffer buffer, org.bytedeco.javacpp.FloatPointer owner) {
        if ((long) rows * cols > buffer.capacity()) throw new IllegalArgumentException("block " + rows + "x" + cols + " exceeds its buffer");
        this.rows = rows;
        this.cols = cols;
        this.buffer = buffer;
        this.owner = owner;
    }

    public int rows() { return rows; }
    public int cols() { return cols; }
    public FloatBuffer buffer() { return buffer; }
    org.bytedeco.javacpp.FloatPointer owner() { return owner; }

    /** Capacity in floats. */
    public int capacity() { return buffer.capacity(); }

    /** The same memory seen as {@code r × c} (r·c ≤ the capacity). */
    public SingleBlock reshape(int r, int c) {
        return r == rows && c == cols ? this : new SingleBlock(r, c, buffer, owner);
    }

    /** The same memory seen as {@code r} rows. */
    public SingleBlock withRows(int r) {
        return reshape(r, cols);
    }

    /** {@code src}'s values rounded to float32 into the first rows of this block (written), in parallel row parts; returns the view of those rows. */
    public SingleBlock narrow(Block src, int threads) {
        if (src.cols() != cols) throw new IllegalArgumentException("column mismatch " + src.cols() + " vs " + cols);
        java.nio.DoubleBuffer d = src.buffer();
        int c = cols;
        RowParallel.run(threads, src.rows(), c, (part, r0, r1) -> {
            for (int i = r0 * c, end = r1 * c; i < end; i++) buffer.put(i, (float) d.get(i));
        });
        return withRows(src.rows());
    }

    /** Frees the native memory now rather than at garbage collection. */
    @Override
    public void close() {
        owner.close();
    }
}
