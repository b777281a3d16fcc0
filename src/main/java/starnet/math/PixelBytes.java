package starnet.math;

import java.util.Arrays;

/**
 * A dense row-major N × D matrix of 8-bit pixels: byte b at {@code bytes[r * cols + c]} stands for the value b / 255
 * (the same double an 8-bit image widened to a {@link Matrix} holds). An eighth of the memory of the doubles; rows are
 * widened where they are used, a block at a time.
 * <p>
 * Ownership: the matrix owns its bytes and never changes them; it is safe to read from any thread.
 */
public final class PixelBytes implements Rows {
    /** b / 255 for every byte value b (index b & 0xff): widening is a table lookup, bit for bit the division. */
    private static final double[] UNIT = new double[256];

    static {
        for (int b = 0; b < 256; b++) UNIT[b] = b / 255.0;
    }

    private final int rows;
    private final int cols;
    private final byte[] bytes;

    /** Wraps {@code bytes} (length rows·cols, row-major) without copying; the matrix now owns them. */
    public PixelBytes(int rows, int cols, byte[] bytes) {
        this(rows, cols, bytes, true);
    }

    /** @param exact the bytes are these rows' only ({@code false}: a view of the first rows of a longer array) */
    private PixelBytes(int rows, int cols, byte[] bytes, boolean exact) {
        long size = (long) rows * cols;
        if (rows < 0 || cols < 0 || (exact ? size != bytes.length : size > bytes.length)) {
            throw new IllegalArgumentException(bytes.length + " bytes for " + rows + "x" + cols + " pixels");
        }
        this.rows = rows;
        this.cols = cols;
        this.bytes = bytes;
    }

    /** The first {@code n} rows, sharing these bytes (no copy). */
    public PixelBytes firstRows(int n) {
        if (n < 0 || n > rows) throw new IndexOutOfBoundsException(n + " rows of " + rows);
        return n == rows ? this : new PixelBytes(n, cols, bytes, false);
    }

    @Override public int rows() { return rows; }

    @Override public int cols() { return cols; }

    /** The value at (r, c): its byte / 255. */
    public double get(int r, int c) { return UNIT[bytes[r * cols + c] & 0xff]; }

    /** The value at row-major index {@code i} (row i / cols, column i % cols). */
    public double value(int i) { return UNIT[bytes[i] & 0xff]; }

    /** Rows [from, to) widened into {@code dst} from its index 0, a row at a time through {@code row} (cols doubles, written). */
    public void widen(int from, int to, java.nio.DoubleBuffer dst, double[] row) {
        for (int r = from, at = 0; r < to; r++, at += cols) {
            widen(r, r + 1, row, 0);
            dst.put(at, row, 0, cols);
        }
    }

    /** Rows [from, to) widened into {@code dst} from index {@code offset}, row-major ((to − from) · cols values written). */
    public void widen(int from, int to, double[] dst, int offset) {
        int start = from * cols, n = (to - from) * cols;
        for (int i = 0; i < n; i++) dst[offset + i] = UNIT[bytes[start + i] & 0xff];
    }

    /** Rows [from, to) as a new matrix of doubles. */
    @Override
    public Matrix rowRange(int from, int to) {
        Matrix m = new Matrix(to - from, cols);
        widen(from, to, m.data(), 0);
        return m;
    }

    /** The rows at {@code indices}, in that order, as a new matrix of doubles. */
    @Override
    public Matrix selectRows(int[] indices) {
        Matrix m = new Matrix(indices.length, cols);
        for (int i = 0; i < indices.length; i++) widen(indices[i], indices[i] + 1, m.data(), i * cols);
        return m;
    }

    /** Every row as a new matrix of doubles (rows · cols · 8 bytes). */
    public Matrix widened() {
        return rowRange(0, rows);
    }

    /** Rows [from, to) as new pixel bytes. */
    public PixelBytes bytesOf(int from, int to) {
        return new PixelBytes(to - from, cols, Arrays.copyOfRange(bytes, from * cols, to * cols));
    }

    @Override
    public String toString() { return "PixelBytes[" + rows + "x" + cols + "]"; }
}
