package starnet.math;

import java.util.Arrays;

/**
 * A dense row-major matrix of doubles: element (r, c) lives at {@code data[r * cols + c]}.
 * <p>
 * Ownership: the matrix owns {@link #data()}; methods that take a {@code Matrix} argument never
 * modify it unless their Javadoc says "written" or "in place". Rows are datapoints wherever a matrix
 * holds data, latents or pre-activations (N × d).
 */
public final class Matrix implements Rows {
    private final int rows;
    private final int cols;
    private final double[] data;

    /** A zero matrix of shape rows × cols. */
    public Matrix(int rows, int cols) {
        this(rows, cols, new double[checkedSize(rows, cols)]);
    }

    /** Wraps {@code data} (length rows·cols, row-major) without copying; the matrix now owns it. */
    public Matrix(int rows, int cols, double[] data) {
        if (data.length != checkedSize(rows, cols)) {
            throw new IllegalArgumentException("data length " + data.length + " != " + rows + "x" + cols);
        }
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    private static int checkedSize(int rows, int cols) {
        if (rows < 0 || cols < 0) throw new IllegalArgumentException("negative shape " + rows + "x" + cols);
        long n = (long) rows * cols;
        if (n > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("matrix too large: " + rows + "x" + cols);
        return (int) n;
    }

    public static Matrix identity(int n) {
        Matrix m = new Matrix(n, n);
        for (int i = 0; i < n; i++) m.data[i * n + i] = 1.0;
        return m;
    }

    @Override public int rows() { return rows; }
    @Override public int cols() { return cols; }
    /** The backing array (row-major), shared, not copied. */
    public double[] data() { return data; }

    public double get(int r, int c) { return data[r * cols + c]; }
    public void set(int r, int c, double v) { data[r * cols + c] = v; }

    public Matrix copy() { return new Matrix(rows, cols, data.clone()); }

    public Matrix transpose() {
        Matrix t = new Matrix(cols, rows);
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) t.data[c * rows + r] = data[r * cols + c];
        }
        return t;
    }

    /** A copy of rows [from, to). */
    @Override
    public Matrix rowRange(int from, int to) {
        double[] d = Arrays.copyOfRange(data, from * cols, to * cols);
        return new Matrix(to - from, cols, d);
    }

    /** A copy of the rows at {@code indices}, in that order. */
    @Override
    public Matrix selectRows(int[] indices) {
        Matrix m = new Matrix(indices.length, cols);
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(data, indices[i] * cols, m.data, i * cols, cols);
        }
        return m;
    }

    /** A copy of columns [from, to). */
    public Matrix colRange(int from, int to) {
        int w = to - from;
        Matrix m = new Matrix(rows, w);
        for (int r = 0; r < rows; r++) System.arraycopy(data, r * cols + from, m.data, r * w, w);
        return m;
    }

    /** Copies row {@code r} into a new array. */
    public double[] row(int r) { return Arrays.copyOfRange(data, r * cols, (r + 1) * cols); }

    /** Writes {@code src} (rows × its cols) into this matrix starting at row {@code rowOffset}; this is written. */
    public void setRows(int rowOffset, Matrix src) {
        if (src.cols != cols) throw new IllegalArgumentException("column mismatch " + src.cols + " vs " + cols);
        System.arraycopy(src.data, 0, data, rowOffset * cols, src.data.length);
    }

    /** Frobenius norm. */
    public double frobenius() {
        return Math.sqrt(sumOfSquares());
    }

    /** Σ of every value squared (the Frobenius norm squared, without the square root). */
    public double sumOfSquares() {
        double s = 0;
        for (double v : data) s += v * v;
        return s;
    }

    /** Element-wise this − other, new matrix. */
    public Matrix minus(Matrix other) {
        requireSameShape(other);
        Matrix m = new Matrix(rows, cols);
        for (int i = 0; i < data.length; i++) m.data[i] = data[i] - other.data[i];
        return m;
    }

    public void requireSameShape(Matrix other) {
        if (other.rows != rows || other.cols != cols) {
            throw new IllegalArgumentException("shape mismatch " + shape() + " vs " + other.shape());
        }
    }

    public String shape() { return rows + "x" + cols; }

    /** Largest absolute element-wise difference. */
    public double maxAbsDiff(Matrix other) {
        requireSameShape(other);
        double m = 0;
        for (int i = 0; i < data.length; i++) m = Math.max(m, Math.abs(data[i] - other.data[i]));
        return m;
    }

    @Override
    public String toString() { return "Matrix[" + shape() + "]"; }
}
