package starnet.math;

import java.nio.DoubleBuffer;

/**
 * A row-major work matrix in a buffer the backend reads without copying: off-heap memory for
 * OpenBLAS, a heap array for EJML. Used for the chunks of the training kernels; element (r, c) is at
 * {@code buffer().get(r * cols + c)}. A block may use fewer rows than its capacity ({@link #withRows}).
 * Owned by the kernel that allocated it; never shared across threads.
 */
public final class Block implements AutoCloseable {
    private final int rows;
    private final int cols;
    private final DoubleBuffer buffer;
    private final Object owner; // keeps native memory alive while the block is reachable

    Block(int rows, int cols, DoubleBuffer buffer, Object owner) {
        if ((long) rows * cols > buffer.capacity()) throw new IllegalArgumentException("block " + rows + "x" + cols + " exceeds its buffer");
        this.rows = rows;
        this.cols = cols;
        this.buffer = buffer;
        this.owner = owner;
    }

    public int rows() { return rows; }
    public int cols() { return cols; }
    public DoubleBuffer buffer() { return buffer; }
    Object owner() { return owner; }

    /** Capacity in doubles. */
    public int capacity() { return buffer.capacity(); }

    /** The same memory seen as {@code r × c} (r·c ≤ the capacity); contents are not cleared. */
    public Block reshape(int r, int c) {
        return r == rows && c == cols ? this : new Block(r, c, buffer, owner);
    }

    /** The same memory seen as {@code r} rows (r ≤ the capacity in rows). */
    public Block withRows(int r) {
        return r == rows ? this : new Block(r, cols, buffer, owner);
    }

    public double get(int r, int c) { return buffer.get(r * cols + c); }

    /**
     * Rows [from, to) as a block of their own over the same memory (written through it shows here), on a backend with
     * {@link LinearAlgebra#rowViews()}. The view does not own the memory: this block must outlive it.
     *
     * @throws UnsupportedOperationException for a block in a heap array (its backend reads arrays from their start)
     */
    public Block rows(int from, int to) {
        if (!(owner instanceof org.bytedeco.javacpp.DoublePointer p)) throw new UnsupportedOperationException("a heap block has no row views");
        if (from < 0 || to > rows || from > to) throw new IndexOutOfBoundsException("rows " + from + ".." + to + " of " + rows);
        org.bytedeco.javacpp.DoublePointer at = new org.bytedeco.javacpp.DoublePointer(p).position((long) from * cols);
        return new Block(to - from, cols, buffer.slice(from * cols, (to - from) * cols), at);
    }

    /** Copies rows [from, to) of {@code m} into the first rows of this block (this is written). */
    public Block load(Matrix m, int from, int to) {
        if (m.cols() != cols) throw new IllegalArgumentException("column mismatch " + m.cols() + " vs " + cols);
        buffer.put(0, m.data(), from * cols, (to - from) * cols);
        return withRows(to - from);
    }

    /** Rows [from, to) of {@code m} — doubles copied, or pixels widened — into the first rows of this block (this is written). */
    public Block load(Rows m, int from, int to) {
        if (m instanceof Matrix d) return load(d, from, to);
        if (m.cols() != cols) throw new IllegalArgumentException("column mismatch " + m.cols() + " vs " + cols);
        ((PixelBytes) m).widen(from, to, buffer, new double[cols]);
        return withRows(to - from);
    }

    /** Copies all of {@code m} (rows × cols) into this block. */
    public Block load(Matrix m) {
        return load(m, 0, m.rows());
    }

    /** Copies this block's rows into {@code dst} starting at row {@code rowOffset} (dst is written). */
    public void storeInto(Matrix dst, int rowOffset) {
        if (dst.cols() != cols) throw new IllegalArgumentException("column mismatch " + dst.cols() + " vs " + cols);
        buffer.get(0, dst.data(), rowOffset * cols, rows * cols);
    }

    /** A new heap matrix with this block's values. */
    public Matrix toMatrix() {
        Matrix m = new Matrix(rows, cols);
        storeInto(m, 0);
        return m;
    }

    /** Frees native memory now rather than at garbage collection (a no-op for heap blocks). */
    @Override
    public void close() {
        if (owner instanceof org.bytedeco.javacpp.Pointer p && rows >= 0) p.close();
    }

    public void fill(double v) {
        for (int i = 0, n = rows * cols; i < n; i++) buffer.put(i, v);
    }
}
