package starnet.store;

import starnet.math.Matrix;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Rows of images read by range where they lie: a row store, or a .npy file read in place. */
public interface RowSource extends AutoCloseable {
    long rows();

    int cols();

    /** Rows [from, to) as a new matrix of pixel values in [0, 1]. */
    Matrix read(long from, long to);

    @Override
    void close() throws IOException;

    /**
     * Opens {@code file} for reading rows: a row store, or a .npy file whose values are divided by {@code divisor}
     * (see {@link NpyRows#divisor}).
     */
    static RowSource open(Path file, double divisor) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(6);
        }
        if (head.length == 6 && (head[0] & 0xff) == 0x93 && head[1] == 'N') return NpyRows.open(file, divisor);
        return RowStore.open(file);
    }
}
