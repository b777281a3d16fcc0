package starnet.store;

import starnet.math.Matrix;
import starnet.model.StoragePrecision;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * A row store written front to back into a stream — for a file system whose files are written in one pass, such as
 * HDFS: the header, then the rows in order. {@link RowStore#open(ReadableAt)} reads the result like any other store.
 */
public final class RowStoreStream {
    private final OutputStream out;
    private final long rows;
    private final int cols;
    private final StoragePrecision precision;
    private long written;
    private byte[] bytes = new byte[0];

    /** Starts a store of {@code rows × cols} values in {@code out} (not closed here), writing its header. */
    public RowStoreStream(OutputStream out, long rows, int cols, StoragePrecision precision) throws IOException {
        if (rows < 0 || cols < 1) throw new IllegalArgumentException("a store needs rows ≥ 0 and columns ≥ 1, got " + rows + "x" + cols);
        this.out = out;
        this.rows = rows;
        this.cols = cols;
        this.precision = precision;
        out.write(RowStore.header(rows, cols, precision));
    }

    /** The next {@code values.rows()} rows (read only). */
    public void write(Matrix values) throws IOException {
        if (values.cols() != cols || written + values.rows() > rows) {
            throw new IllegalArgumentException(values.rows() + " rows of " + values.cols() + " values after " + written + " do not fit a store of "
                    + rows + "x" + cols);
        }
        int count = values.rows() * cols, n = Math.multiplyExact(count, precision.bytes());
        if (bytes.length < n) bytes = new byte[n];
        RowStore.encode(values.data(), count, precision, ByteBuffer.wrap(bytes, 0, n).order(ByteOrder.LITTLE_ENDIAN));
        out.write(bytes, 0, n);
        written += values.rows();
    }

    /** Checks that every row was written, and flushes. */
    public void finish() throws IOException {
        if (written != rows) throw new IllegalStateException(written + " of the store's " + rows + " rows were written");
        out.flush();
    }

    /** Bytes the store takes. */
    public long bytes() { return RowStore.bytesOf(rows, cols, precision); }
}
