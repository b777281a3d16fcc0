package starnet.data;

import starnet.model.DataException;
import starnet.model.Dataset;
import starnet.math.PixelBytes;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * MNIST / Fashion-MNIST IDX files, raw or gzipped: images with magic 0x00000803 (count, rows, cols,
 * then unsigned bytes) and labels with magic 0x00000801 (count, then bytes). Big-endian.
 */
public final class IdxLoader {
    static final int IMAGES_MAGIC = 0x00000803;
    static final int LABELS_MAGIC = 0x00000801;

    private IdxLoader() {}

    /** Reads an images file and, when {@code labelsFile} is not null, its labels; images keep the header's rows × cols. */
    public static Dataset load(Path imagesFile, Path labelsFile, String name, List<String> classNames, int limit) {
        try (InputStream in = Files.newInputStream(imagesFile)) {
            Images images = readImages(in, imagesFile, limit);
            int[] labels = null;
            if (labelsFile != null) {
                try (InputStream lin = Files.newInputStream(labelsFile)) {
                    labels = readLabels(lin, labelsFile, images.pixels().rows(), limit);
                }
            }
            return Dataset.ofBytes(name, imagesFile.toString(), 1, images.rows(), images.cols(), images.pixels(), labels, classNames);
        } catch (IOException e) {
            throw DataException.unreadable(imagesFile, e);
        }
    }

    /**
     * An IDX images file's content.
     *
     * @param pixels N × (rows·cols) 8-bit pixels (standing for values in [0, 1])
     */
    public record Images(PixelBytes pixels, int rows, int cols) {}

    /** The largest image the reader accepts, in pixels (4096 × 4096). */
    static final long MAX_PIXELS = 4096L * 4096L;

    /** Opens a stream, transparently gunzipping when it starts with the gzip magic. */
    static InputStream maybeGunzip(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(new BufferedInputStream(raw, 1 << 16), 2);
        byte[] head = new byte[2];
        int n = in.readNBytes(head, 0, 2);
        in.unread(head, 0, n);
        if (n == 2 && (head[0] & 0xff) == 0x1f && (head[1] & 0xff) == 0x8b) return new BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16);
        return in;
    }

    /**
     * Images file → N × (rows·cols) values in [0, 1]; at most {@code limit} items when limit > 0. The header's sizes
     * are checked before anything is allocated, and memory grows with the images actually read.
     */
    public static Images readImages(InputStream raw, Object file, int limit) throws IOException {
        starnet.io.GrowingBytes[] values = new starnet.io.GrowingBytes[1];
        int[] shape = streamImages(raw, file, limit, (header, n) -> {
            try {
                values[0] = new starnet.io.GrowingBytes(starnet.io.Declared.product("the header (" + n + " images of " + header[1] + "x" + header[2] + ")",
                        n, (long) header[1] * header[2]));
            } catch (IllegalArgumentException e) {
                throw DataException.of(file, e.getMessage() + "; use --limit to read fewer images");
            }
        }, (i, bytes) -> values[0].add(bytes, 0, bytes.length));
        return new Images(values[0].pixels(shape[0], shape[1] * shape[2]), shape[1], shape[2]);
    }

    /** Told the header (count, rows, cols) and how many images will be read, before any is. */
    @FunctionalInterface
    public interface HeaderSink {
        void accept(int[] header, int reading) throws IOException;
    }

    /** Given each image's pixels (rows·cols bytes, reused between calls) in order. */
    @FunctionalInterface
    public interface ImageSink {
        void accept(int index, byte[] pixels) throws IOException;
    }

    /**
     * Reads an images file image by image, holding one image at a time: the header is checked, then {@code header}
     * hears of it, then {@code images} gets at most {@code limit} images (all when limit ≤ 0).
     *
     * @return {images read, rows, cols}
     */
    public static int[] streamImages(InputStream raw, Object file, int limit, HeaderSink header, ImageSink images) throws IOException {
        DataInputStream in = new DataInputStream(maybeGunzip(raw));
        int[] h = readImagesHeader(in, file);
        int count = h[0], rows = h[1], cols = h[2];
        int d = rows * cols;
        int n = limit > 0 ? Math.min(limit, count) : count;
        header.accept(h, n);
        byte[] bytes = new byte[d];
        for (int i = 0; i < n; i++) {
            int got = in.readNBytes(bytes, 0, d);
            if (got < d) {
                throw DataException.of(file, "truncated: the header promises " + count + " images of " + rows + "x" + cols
                        + " but the data ends inside image " + i);
            }
            images.accept(i, bytes);
        }
        return new int[] {n, rows, cols};
    }

    /** An images file's header, checked, read without the images: {count, rows, cols}. */
    public static int[] imagesHeader(InputStream raw, Object file) throws IOException {
        return readImagesHeader(new DataInputStream(maybeGunzip(raw)), file);
    }

    private static int[] readImagesHeader(DataInputStream in, Object file) throws IOException {
        int magic = readHeaderInt(in, file);
        if (magic != IMAGES_MAGIC) {
            throw DataException.of(file, String.format("not an IDX image file: magic number 0x%08X, expected 0x%08X"
                    + (magic == LABELS_MAGIC ? " (this is a labels file)" : ""), magic, IMAGES_MAGIC));
        }
        int count = readHeaderInt(in, file), rows = readHeaderInt(in, file), cols = readHeaderInt(in, file);
        if (count < 0 || rows <= 0 || cols <= 0) {
            throw DataException.of(file, "bad IDX dimensions: " + Integer.toUnsignedString(count) + " images of " + Integer.toUnsignedString(rows)
                    + "x" + Integer.toUnsignedString(cols) + "; expected a count ≥ 0 and rows, cols ≥ 1");
        }
        if ((long) rows * cols > MAX_PIXELS) {
            throw DataException.of(file, "declares images of " + rows + "x" + cols + " pixels; the largest supported is 4096x4096");
        }
        return new int[] {count, rows, cols};
    }

    /** Labels file → int[] of length min(count, limit); fails when it has fewer than {@code expected} labels. */
    public static int[] readLabels(InputStream raw, Object file, int expected, int limit) throws IOException {
        DataInputStream in = new DataInputStream(maybeGunzip(raw));
        int magic = readHeaderInt(in, file);
        if (magic != LABELS_MAGIC) {
            throw DataException.of(file, String.format("not an IDX labels file: magic number 0x%08X, expected 0x%08X", magic, LABELS_MAGIC));
        }
        int count = readHeaderInt(in, file);
        if (count < 0) throw DataException.of(file, "bad IDX label count " + Integer.toUnsignedString(count) + "; expected a count ≥ 0");
        int n = limit > 0 ? Math.min(limit, count) : count;
        if (n != expected) {
            throw DataException.of(file, "has " + count + " labels but the images file has " + expected
                    + (limit > 0 ? " (after the limit of " + limit + ")" : "") + "; expected one label per image");
        }
        byte[] b = new byte[n];
        if (in.readNBytes(b, 0, n) < n) throw DataException.of(file, "truncated: the header promises " + count + " labels");
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) labels[i] = b[i] & 0xff;
        return labels;
    }

    private static int readHeaderInt(DataInputStream in, Object file) throws IOException {
        try {
            return in.readInt();
        } catch (EOFException e) {
            throw DataException.of(file, "truncated: the file ends inside the IDX header");
        }
    }
}
