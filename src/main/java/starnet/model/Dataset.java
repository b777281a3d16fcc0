package starnet.model;

import starnet.math.Matrix;
import starnet.math.PixelBytes;
import starnet.math.Rows;

import java.util.List;

/**
 * Images as rows of an N × (channels·height·width) matrix with values in [0, 1], each row laid out
 * channel-major: value (c, y, x) at column {@code (c·height + y)·width + x}. Large 8-bit data is held as its bytes
 * ({@link #pixelBytes()}: an eighth of the doubles) and widened where it is read; {@link #images()} then widens every
 * row once, on first call, and keeps them.
 * <p>
 * Owned by the dataset: callers must not modify {@link #images()}.
 */
public final class Dataset {
    /**
     * 8-bit data of more values than this is held as bytes (the threshold in values, 8 M = 64 MB as doubles; below it
     * the doubles are kept, which the solves read without widening).
     */
    public static final long BYTES_ABOVE = 1L << 23;

    private final String name;
    private final String source;
    private final int channels, height, width;
    private final PixelBytes bytes;     // the pixels when held as bytes, else null
    private volatile Matrix images;     // the pixels as doubles: given, or widened from the bytes on first use
    private final int[] labels;
    private final List<String> classNames;

    /**
     * @param name       short human name, e.g. "MNIST (sample, train)"
     * @param source     where it came from (a path or sample:NAME)
     * @param images     owned by the dataset; callers must not modify it
     * @param labels     class per item, or null when the source has none
     * @param classNames names for label values (index = label), or empty
     */
    public Dataset(String name, String source, int channels, int height, int width, Matrix images, int[] labels, List<String> classNames) {
        this(name, source, channels, height, width, images, null, labels, classNames);
    }

    /** As the other constructor, the pixels held as bytes (owned by the dataset). */
    public Dataset(String name, String source, int channels, int height, int width, PixelBytes pixels, int[] labels, List<String> classNames) {
        this(name, source, channels, height, width, null, pixels, labels, classNames);
    }

    private Dataset(String name, String source, int channels, int height, int width, Matrix images, PixelBytes bytes, int[] labels,
                    List<String> classNames) {
        int rows = images != null ? images.rows() : bytes.rows(), cols = images != null ? images.cols() : bytes.cols();
        if (rows == 0) throw new DataException(source + ": holds no images; expected at least one");
        if (cols == 0 || channels < 1 || height < 1 || width < 1) {
            throw new DataException(source + ": holds images of " + channels + "×" + height + "×" + width + " values; expected at least one pixel per image");
        }
        if (cols != channels * height * width) {
            throw new IllegalArgumentException("images have " + cols + " values but the shape says " + channels + "x" + height + "x" + width);
        }
        if (labels != null && labels.length != rows) {
            throw new IllegalArgumentException(labels.length + " labels for " + rows + " images");
        }
        this.name = name;
        this.source = source;
        this.channels = channels;
        this.height = height;
        this.width = width;
        this.images = images;
        this.bytes = bytes;
        this.labels = labels;
        this.classNames = classNames == null ? List.of() : List.copyOf(classNames);
    }

    /**
     * The dataset for 8-bit pixels: held as bytes when they are more than {@link #BYTES_ABOVE} values, else widened now.
     */
    public static Dataset ofBytes(String name, String source, int channels, int height, int width, PixelBytes pixels, int[] labels,
                                  List<String> classNames) {
        return (long) pixels.rows() * pixels.cols() > BYTES_ABOVE ? new Dataset(name, source, channels, height, width, pixels, labels, classNames)
                : new Dataset(name, source, channels, height, width, pixels.widened(), labels, classNames);
    }

    public String name() { return name; }

    public String source() { return source; }

    public int channels() { return channels; }

    public int height() { return height; }

    public int width() { return width; }

    public int[] labels() { return labels; }

    public List<String> classNames() { return classNames; }

    /** Every image as a row of doubles (N × D, shared: not to be modified); data held as bytes is widened on the first call and kept. */
    public Matrix images() {
        Matrix m = images;
        if (m != null) return m;
        synchronized (this) {
            if (images == null) images = bytes.widened();
            return images;
        }
    }

    /** The pixels when they are held as bytes (the solves then widen them a block at a time), else null. */
    public PixelBytes pixelBytes() { return bytes; }

    /** Whether the images are in this heap as doubles (given so, or widened by a call of {@link #images()}). */
    public boolean holdsDoubles() { return images != null; }

    /** The images as this heap holds them now: the doubles when they are here (given, or widened since), else the bytes. */
    public Rows held() {
        Matrix m = images;
        return m != null ? m : bytes;
    }

    /** Images [from, to) as a new matrix, without widening the others. */
    public Matrix rows(int from, int to) { return held().rowRange(from, to); }

    /** Image {@code i} as a new array of D values, without widening the others. */
    public double[] row(int i) { return rows(i, i + 1).data(); }

    /** The images at {@code indices}, in that order, as a new matrix, without widening the others. */
    public Matrix selectRows(int[] indices) { return held().selectRows(indices); }

    public int size() { return held().rows(); }

    public int pixels() { return held().cols(); }

    public boolean hasLabels() { return labels != null; }

    /** "8000 items, 1×28×28" */
    public String facts() {
        return size() + " items, " + channels + "×" + height + "×" + width + (hasLabels() ? ", labelled" : ", no labels");
    }

    /** Label text of item i, or "" */
    public String labelText(int i) {
        if (labels == null) return "";
        int l = labels[i];
        return l >= 0 && l < classNames.size() ? classNames.get(l) : Integer.toString(l);
    }

    /** Up to {@code n} rows below {@code rows}: the first item of each class (by label order), then the next items in order. */
    public int[] representativeRows(int n, int rows) {
        int limit = Math.min(rows, size());
        java.util.Set<Integer> out = new java.util.LinkedHashSet<>();
        if (labels != null) {
            java.util.Set<Integer> seen = new java.util.HashSet<>();
            for (int i = 0; i < limit && out.size() < n; i++) if (seen.add(labels[i])) out.add(i);
        }
        for (int i = 0; i < limit && out.size() < n; i++) out.add(i);
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private record Hash(int rows, String hex) {}

    /** The last hash computed per pixel array (keys by identity: the bytes, or the doubles; an entry goes with its data). */
    private static final java.util.Map<Object, Hash> HASHES = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * SHA-256 (hex) of the first {@code rows} images' float64 values (for data held as bytes: of the values they stand
     * for, the same hash), to recognise the same data later. It reads every value, so the last count asked is
     * remembered (any thread may ask, e.g. one computing it ahead while the solves start).
     */
    public String contentHash(int rows) {
        int n = Math.min(rows, size());
        Object key = bytes != null ? bytes : images.data();
        Hash h = HASHES.get(key);
        if (h == null || h.rows() != n) {
            h = new Hash(n, sha256(n));
            HASHES.put(key, h);
        }
        return h.hex();
    }

    private String sha256(int rows) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            int cols = pixels(), perPiece = Math.max(1, (1 << 16) / cols);
            double[] piece = new double[perPiece * cols];
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(8 * piece.length); // big-endian, as the bytes of doubleToLongBits
            java.nio.DoubleBuffer doubles = buf.asDoubleBuffer();
            for (int from = 0; from < rows; from += perPiece) {
                int to = Math.min(rows, from + perPiece), n = (to - from) * cols;
                doubles.clear();
                if (bytes != null) {
                    bytes.widen(from, to, piece, 0);
                    doubles.put(piece, 0, n);
                } else {
                    doubles.put(images.data(), from * cols, n);
                }
                md.update(buf.array(), 0, 8 * n);
            }
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The first {@code n} items (all when n ≤ 0 or n ≥ size), sharing nothing with this one. */
    public Dataset limit(int n) {
        if (n <= 0 || n >= size()) return this;
        int[] l = labels == null ? null : java.util.Arrays.copyOf(labels, n);
        if (bytes != null) return ofBytes(name, source, channels, height, width, bytes.bytesOf(0, n), l, classNames);
        return new Dataset(name, source, channels, height, width, images.rowRange(0, n), l, classNames);
    }

    @Override
    public String toString() {
        return "Dataset[" + name + ", " + facts() + (bytes != null ? ", held as bytes" : "") + "]";
    }
}
