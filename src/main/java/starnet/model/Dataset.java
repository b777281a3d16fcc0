package starnet.model;

import starnet.math.Matrix;

import java.util.List;

/**
 * Images as rows of an N × (channels·height·width) matrix with values in [0, 1], each row laid out
 * channel-major: value (c, y, x) at column {@code (c·height + y)·width + x}.
 *
 * @param name       short human name, e.g. "MNIST (sample, train)"
 * @param source     where it came from (a path or sample:NAME)
 * @param images     owned by the dataset; callers must not modify it
 * @param labels     class per item, or null when the source has none
 * @param classNames names for label values (index = label), or empty
 */
public record Dataset(String name, String source, int channels, int height, int width, Matrix images,
                      int[] labels, List<String> classNames) {
    public Dataset {
        if (images.rows() == 0) throw new DataException(source + ": holds no images; expected at least one");
        if (images.cols() == 0 || channels < 1 || height < 1 || width < 1) {
            throw new DataException(source + ": holds images of " + channels + "×" + height + "×" + width + " values; expected at least one pixel per image");
        }
        if (images.cols() != channels * height * width) {
            throw new IllegalArgumentException("images have " + images.cols() + " values but the shape says " + channels + "x" + height + "x" + width);
        }
        if (labels != null && labels.length != images.rows()) {
            throw new IllegalArgumentException(labels.length + " labels for " + images.rows() + " images");
        }
        classNames = classNames == null ? List.of() : List.copyOf(classNames);
    }

    public int size() { return images.rows(); }

    public int pixels() { return images.cols(); }

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

    /** The last hash computed per image array (arrays are keys by identity; an entry goes with its data). */
    private static final java.util.Map<double[], Hash> HASHES = java.util.Collections.synchronizedMap(new java.util.WeakHashMap<>());

    /**
     * SHA-256 (hex) of the first {@code rows} images' float64 values, to recognise the same data later. It reads every
     * value, so the last count asked is remembered (any thread may ask, e.g. one computing it ahead while the solves start).
     */
    public String contentHash(int rows) {
        int n = Math.min(rows, size());
        Hash h = HASHES.get(images.data());
        if (h == null || h.rows() != n) {
            h = new Hash(n, sha256(n));
            HASHES.put(images.data(), h);
        }
        return h.hex();
    }

    private String sha256(int rows) {
        try {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            int piece = 1 << 16;
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(8 * piece); // big-endian, as the bytes of doubleToLongBits
            java.nio.DoubleBuffer doubles = buf.asDoubleBuffer();
            double[] d = images.data();
            int end = rows * images.cols();
            for (int from = 0; from < end; from += piece) {
                int n = Math.min(piece, end - from);
                doubles.clear();
                doubles.put(d, from, n);
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
        return new Dataset(name, source, channels, height, width, images.rowRange(0, n), l, classNames);
    }
}
