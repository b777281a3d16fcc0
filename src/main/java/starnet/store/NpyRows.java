package starnet.store;

import starnet.data.NpyLoader;
import starnet.io.Npy;
import starnet.math.Matrix;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * A .npy file of images read by row ranges in place (C order; uint8, integer or float values), channels-last arrays
 * turned channels-first row by row, values divided as the in-memory loader divides them. What lets Spark executors
 * read their partitions from a shared filesystem without the driver touching the data.
 */
public final class NpyRows implements RowSource {
    private final ReadableAt channel;
    private final Npy.Layout layout;
    private final NpyLoader.ImageLayout images;
    private final int size;
    private final String kind;
    private final double divisor;

    private NpyRows(ReadableAt channel, Npy.Layout layout, NpyLoader.ImageLayout images, double divisor) throws IOException {
        this.channel = channel;
        this.layout = layout;
        this.images = images;
        this.size = layout.elementSize();
        this.kind = layout.dtype().substring(1);
        this.divisor = divisor;
    }

    /** Opens {@code file}; its values are divided by {@code divisor} (from {@link #divisor}). */
    public static NpyRows open(Path file, double divisor) throws IOException {
        return open(ReadableAt.local(file), divisor);
    }

    /** Opens the .npy file in {@code in} (closed with it, or now if it is not one); its values are divided by {@code divisor}. */
    public static NpyRows open(ReadableAt in, double divisor) throws IOException {
        String file = in.name();
        try {
            long size = in.size();
            ByteBuffer head = ByteBuffer.allocate((int) Math.min(size, HEADER_READ));
            in.readFully(head, 0);
            Npy.Layout l = Npy.layout(new java.io.ByteArrayInputStream(head.array()));
            if (l.fortran()) throw new IOException(file + ": is in Fortran order; rows can be read in place only from a C-order array (numpy.ascontiguousarray)");
            NpyLoader.ImageLayout images = NpyLoader.imageLayout(file, l.shape());
            long expected = l.dataOffset() + (long) l.shape()[0] * images.pixels() * l.elementSize();
            if (size < expected) throw new IOException(file + ": truncated: the header promises " + expected + " bytes, the file has " + size);
            return new NpyRows(in, l, images, divisor);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Bytes read for a header: its length field allows up to 4 GB, numpy writes a few hundred. */
    private static final int HEADER_READ = 1 << 16;

    /**
     * What the values of {@code file} are divided by to lie in [0, 1], as the in-memory loader decides it: 255 for
     * uint8; for other types 1 when every value is in [0, 1], 255 when in [0, 255] (one sequential pass).
     *
     * @throws IOException when the values are outside [0, 255] or not finite
     */
    public static double divisor(Path file) throws IOException {
        return divisor(ReadableAt.local(file));
    }

    /** {@link #divisor(Path)} of the .npy file in {@code in} (closed by it). */
    public static double divisor(ReadableAt in) throws IOException {
        try (NpyRows r = open(in, 1)) {
            return r.divisorOfValues();
        }
    }

    /**
     * {@link #divisor(Path)} of this file, from this reader, which was opened with divisor 1 (it reads raw values).
     *
     * @throws IOException when the values are outside [0, 255] or not finite
     */
    public double divisorOfValues() throws IOException {
        if (divisor != 1) throw new IllegalStateException("the scale is found from raw values: open the file with divisor 1");
        if (kind.equals("u1")) return 255;
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (long from = 0; from < rows(); from += 4096) {
            for (double v : read(from, Math.min(rows(), from + 4096)).data()) {
                if (!Double.isFinite(v)) throw new IOException(channel.name() + ": holds a value that is not a finite number");
                min = Math.min(min, v);
                max = Math.max(max, v);
            }
        }
        if (min >= 0 && max <= 1) return 1;
        if (min >= 0 && max <= 255) return 255;
        throw new IOException(channel.name() + ": pixel values range from " + min + " to " + max + "; expected values in [0, 1] or [0, 255]");
    }

    public NpyLoader.ImageLayout images() { return images; }

    @Override public long rows() { return layout.shape()[0]; }

    @Override public int cols() { return images.pixels(); }

    @Override
    public Matrix read(long from, long to) {
        if (from < 0 || to > rows() || from > to) throw new IllegalArgumentException("rows [" + from + ", " + to + ") outside " + rows());
        int n = (int) (to - from), d = cols();
        ByteBuffer b = ByteBuffer.allocate(Math.multiplyExact(n, d * size)).order(layout.order());
        try {
            channel.readFully(b, layout.dataOffset() + from * d * size);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        double[] raw = new double[n * d];
        for (int i = 0; i < raw.length; i++) raw[i] = Npy.element(b, i, kind) / divisor;
        if (!images.channelsLast()) return new Matrix(n, d, raw);
        Matrix m = new Matrix(n, d);
        for (int r = 0; r < n; r++) NpyLoader.channelsFirst(raw, r * d, m.data(), r * d, images.channels(), images.height(), images.width());
        return m;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
