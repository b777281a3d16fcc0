package starnet.store;

import starnet.math.Matrix;

import java.io.IOException;

/** Rows of images read by range where they lie: a row store, or a .npy file read in place. */
public interface RowSource extends AutoCloseable {
    long rows();

    int cols();

    /** Rows [from, to) as a new matrix of pixel values in [0, 1]. */
    Matrix read(long from, long to);

    @Override
    void close() throws IOException;

    /**
     * Opens the file at {@code location} — a path here, or an address on another file system ({@link ReadableAt#open})
     * — to read its rows: a row store (read only), or a .npy file whose values are divided by {@code divisor}.
     */
    static RowSource open(String location, double divisor) throws IOException {
        ReadableAt in = ReadableAt.open(location);
        java.nio.ByteBuffer head = java.nio.ByteBuffer.allocate(6);
        try {
            if (in.size() >= 6) in.readFully(head, 0);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        return isNpy(head.array()) ? NpyRows.open(in, divisor) : RowStore.open(in);
    }

    private static boolean isNpy(byte[] head) {
        return (head[0] & 0xff) == 0x93 && head[1] == 'N';
    }
}
