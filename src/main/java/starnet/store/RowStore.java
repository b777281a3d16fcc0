package starnet.store;

import starnet.model.StoragePrecision;
import starnet.math.Matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A matrix of {@code rows × cols} values in a file, row-major, little-endian, read and written by row ranges: a
 * 64-byte header ("STARNETROWS", precision, rows, cols), then the values. Chunks go through positional reads and
 * writes, not a memory map, so the pages of a store larger than memory never count as the process's own.
 * <p>
 * A store on another file system ({@link #open(ReadableAt)}) is read only. Not thread-safe: one thread reads and writes
 * it at a time.
 */
public final class RowStore implements RowSource {
    private static final byte[] MAGIC = "STARNETROWS".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    static final int HEADER = 64;
    private final String file;
    private final ReadableAt in;
    private final FileChannel channel; // null when read only
    private final long rows;
    private final int cols;
    private final StoragePrecision precision;
    private ByteBuffer buffer = ByteBuffer.allocateDirect(0);

    private RowStore(String file, ReadableAt in, FileChannel channel, long rows, int cols, StoragePrecision precision) {
        this.file = file;
        this.in = in;
        this.channel = channel;
        this.rows = rows;
        this.cols = cols;
        this.precision = precision;
    }

    /**
     * A new store of {@code rows × cols} zeros (a sparse file until written), replacing any file there — as a new file: a
     * file there may be linked elsewhere too (a run's image links its latents' stores), and is never written through.
     */
    public static RowStore create(Path file, long rows, int cols, StoragePrecision precision) throws IOException {
        if (rows < 0 || cols < 1) throw new IllegalArgumentException("a store needs rows ≥ 0 and columns ≥ 1, got " + rows + "x" + cols);
        java.nio.file.Files.deleteIfExists(file);
        FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ, StandardOpenOption.WRITE);
        try {
            ch.write(ByteBuffer.wrap(header(rows, cols, precision)), 0);
            long size = HEADER + rows * cols * precision.bytes();
            if (size > HEADER) ch.write(ByteBuffer.allocate(1), size - 1); // the full length now: a short disk fails here, not mid-run
        } catch (IOException e) {
            ch.close();
            throw starnet.model.IoMessages.naming(file, e);
        }
        return new RowStore(file.toString(), ReadableAt.of(ch, file.toString()), ch, rows, cols, precision);
    }

    /** The {@value #HEADER}-byte header of a store of {@code rows × cols} values. */
    static byte[] header(long rows, int cols, StoragePrecision precision) {
        ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        h.put(MAGIC).put((byte) precision.bytes()).putLong(16, rows).putInt(24, cols);
        return h.array();
    }

    /** Opens a store written by {@link #create}, to read and write; its header is checked against the file's length. */
    public static RowStore open(Path file) throws IOException {
        FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
        return open(ReadableAt.of(ch, file.toString()), ch);
    }

    /** Opens the store in {@code in} (closed with it) to read its rows; its header is checked against the file's length. */
    public static RowStore open(ReadableAt in) throws IOException {
        return open(in, null);
    }

    private static RowStore open(ReadableAt in, FileChannel writable) throws IOException {
        String file = in.name();
        ByteBuffer h = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        long size;
        try {
            size = in.size();
            if (size < HEADER) throw new IOException(file + ": not a row store (shorter than its header)");
            in.readFully(h, 0);
        } catch (IOException e) {
            in.close();
            throw e;
        }
        byte[] magic = new byte[MAGIC.length];
        h.get(0, magic);
        int bytes = h.get(MAGIC.length);
        long rows = h.getLong(16);
        int cols = h.getInt(24);
        StoragePrecision p = bytes == 4 ? StoragePrecision.F32 : bytes == 8 ? StoragePrecision.F64 : null;
        if (!java.util.Arrays.equals(magic, MAGIC) || p == null || rows < 0 || cols < 1 || size != HEADER + rows * cols * bytes) {
            in.close();
            throw new IOException(file + ": not a row store, or damaged (its length does not match its header)");
        }
        return new RowStore(file, in, writable, rows, cols, p);
    }

    @Override
    public long rows() { return rows; }

    @Override
    public int cols() { return cols; }

    public StoragePrecision precision() { return precision; }

    /** The file as it was named. */
    public String file() { return file; }

    /** Rows [from, to) as a new (to − from) × cols matrix. */
    @Override
    public Matrix read(long from, long to) {
        Matrix m = new Matrix((int) (to - from), cols);
        read(from, m);
        return m;
    }

    /** Rows [from, from + into.rows()) into {@code into} (written). */
    public void read(long from, Matrix into) {
        check(from, into);
        ByteBuffer b = buffer(into.rows());
        try {
            in.readFully(b, HEADER + from * cols * precision.bytes());
        } catch (IOException e) {
            throw new UncheckedIOException(named(e));
        }
        b.flip();
        double[] d = into.data();
        int count = into.rows() * cols;
        if (precision == StoragePrecision.F64) {
            b.asDoubleBuffer().get(d, 0, count);
        } else {
            java.nio.FloatBuffer f = b.asFloatBuffer();
            for (int i = 0; i < count; i++) d[i] = f.get(i);
        }
    }

    /** Writes {@code values} (read only) as rows [from, from + values.rows()). */
    public void write(long from, Matrix values) {
        if (channel == null) throw new UnsupportedOperationException(file + " is open to read only");
        check(from, values);
        ByteBuffer b = buffer(values.rows());
        int count = values.rows() * cols;
        encode(values.data(), count, precision, b);
        b.limit(count * precision.bytes());
        try {
            long at = HEADER + from * cols * precision.bytes();
            while (b.hasRemaining()) channel.write(b, at + b.position());
        } catch (IOException e) {
            throw new UncheckedIOException(named(e));
        }
    }

    /** The first {@code count} of {@code values} into {@code into} (little-endian, from its position 0) as {@code precision} stores them. */
    static void encode(double[] values, int count, StoragePrecision precision, ByteBuffer into) {
        if (precision == StoragePrecision.F64) {
            into.asDoubleBuffer().put(values, 0, count);
        } else {
            java.nio.FloatBuffer f = into.asFloatBuffer();
            for (int i = 0; i < count; i++) f.put(i, (float) values[i]);
        }
    }

    private void check(long from, Matrix m) {
        if (m.cols() != cols || from < 0 || from + m.rows() > rows) {
            throw new IllegalArgumentException("rows [" + from + ", " + (from + m.rows()) + ") of " + m.cols() + " columns outside the store's " + rows + "x" + cols);
        }
    }

    /** The reusable I/O buffer, cleared, sized for {@code n} rows. */
    private ByteBuffer buffer(int n) {
        int bytes = Math.multiplyExact(n, cols * precision.bytes());
        if (buffer.capacity() < bytes) buffer = ByteBuffer.allocateDirect(bytes).order(ByteOrder.LITTLE_ENDIAN);
        buffer.clear();
        buffer.limit(bytes);
        return buffer;
    }

    /** A channel's failure (which names no file) told about the file. */
    private IOException named(IOException e) {
        return starnet.model.IoMessages.naming(Path.of(file), e);
    }

    /** Makes every written row durable (before the file is renamed into place). */
    public void force() throws IOException {
        if (channel != null) channel.force(false);
    }

    /** Bytes on disk. */
    public long bytes() { return bytesOf(rows, cols, precision); }

    /** Bytes a store of {@code rows × cols} values in {@code precision} takes, with its header. */
    public static long bytesOf(long rows, int cols, StoragePrecision precision) { return HEADER + rows * cols * precision.bytes(); }

    @Override
    public void close() throws IOException {
        in.close(); // the writable channel, if any, is the one it reads through
    }
}
