package starnet.model;

import starnet.math.Matrix;

/**
 * A conv-unpool layer (DESIGN §4): kernels of shape (cIn, k, k), one row per kernel, plus one bias per
 * kernel. Immutable; the explicit operator {@link #affine()} is built on first use and kept.
 */
public final class ConvUnpoolLayer implements Layer {
    /** Explicit operators larger than this many entries are not built (the matrix-free path is used). */
    public static final long MAX_DENSE_ENTRIES = 50_000_000L;
    private final ConvShape shape;
    private final Matrix kernels;
    private final double[] bias;
    private DenseLayer affine;

    /**
     * @param kernels (cOut·u²) × (cIn·k²), row q = kernel q flattened (c, dy, dx); owned by the layer
     * @param bias    one per kernel; owned by the layer
     */
    public ConvUnpoolLayer(ConvShape shape, Matrix kernels, double[] bias) {
        if (kernels.rows() != shape.kernels() || kernels.cols() != shape.patchSize() || bias.length != shape.kernels()) {
            throw new IllegalArgumentException("kernels " + kernels.shape() + " and " + bias.length + " biases do not fit " + shape.describe()
                    + " (expected " + shape.kernels() + "x" + shape.patchSize() + ")");
        }
        this.shape = shape;
        this.kernels = kernels;
        this.bias = bias;
    }

    public ConvShape shape() { return shape; }
    public Matrix kernels() { return kernels; }
    public double[] bias() { return bias; }

    @Override public int inputWidth() { return shape.inputWidth(); }
    @Override public int outputWidth() { return shape.outputWidth(); }

    /** Whether the explicit operator fits {@link #MAX_DENSE_ENTRIES}. */
    public boolean denseFits() {
        return (long) shape.outputWidth() * shape.inputWidth() <= MAX_DENSE_ENTRIES;
    }

    /** The explicit operator A (d_out × d_in) and per-output bias; built once. */
    @Override
    public synchronized DenseLayer affine() {
        if (affine == null) {
            if (!denseFits()) {
                throw new IllegalStateException("the operator of " + shape.describe() + " has " + (long) shape.outputWidth() * shape.inputWidth()
                        + " entries, more than " + MAX_DENSE_ENTRIES + "; use the matrix-free path");
            }
            affine = buildAffine();
        }
        return affine;
    }

    private DenseLayer buildAffine() {
        ConvShape s = shape;
        int in = s.inputWidth(), k = s.k(), pad = s.pad();
        Matrix a = new Matrix(s.outputWidth(), in);
        double[] ad = a.data(), kd = kernels.data();
        double[] b = new double[s.outputWidth()];
        for (int q = 0; q < s.kernels(); q++) {
            for (int y = 0; y < s.gridH(); y++) {
                for (int x = 0; x < s.gridW(); x++) {
                    int row = s.outIndex(q, y, x);
                    b[row] = bias[q];
                    for (int c = 0; c < s.cIn(); c++) {
                        for (int dy = 0; dy < k; dy++) {
                            int iy = y + dy - pad;
                            if (iy < 0 || iy >= s.h()) continue;
                            for (int dx = 0; dx < k; dx++) {
                                int ix = x + dx - pad;
                                if (ix < 0 || ix >= s.w()) continue;
                                ad[row * in + (c * s.h() + iy) * s.w() + ix] += kd[q * s.patchSize() + (c * k + dy) * k + dx];
                            }
                        }
                    }
                }
            }
        }
        return new DenseLayer(a, b);
    }

    /** The paper's per-kernel system matrix [kernel | bias], (cOut·u²) × (cIn·k² + 1), as a new matrix. */
    public Matrix augmentedKernels() {
        Matrix m = new Matrix(shape.kernels(), shape.patchSize() + 1);
        for (int q = 0; q < shape.kernels(); q++) {
            System.arraycopy(kernels.data(), q * shape.patchSize(), m.data(), q * (shape.patchSize() + 1), shape.patchSize());
            m.set(q, shape.patchSize(), bias[q]);
        }
        return m;
    }

    public static ConvUnpoolLayer fromAugmented(ConvShape shape, Matrix augmented) {
        int p = shape.patchSize();
        double[] b = new double[augmented.rows()];
        for (int q = 0; q < b.length; q++) b[q] = augmented.get(q, p);
        return new ConvUnpoolLayer(shape, augmented.colRange(0, p), b);
    }
}
