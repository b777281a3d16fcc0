package starnet.data;

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

    /** The first {@code n} items (all when n ≤ 0 or n ≥ size), sharing nothing with this one. */
    public Dataset limit(int n) {
        if (n <= 0 || n >= size()) return this;
        int[] l = labels == null ? null : java.util.Arrays.copyOf(labels, n);
        return new Dataset(name, source, channels, height, width, images.rowRange(0, n), l, classNames);
    }
}
