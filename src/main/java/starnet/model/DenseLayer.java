package starnet.model;

import starnet.math.LinearAlgebra;
import starnet.math.Matrix;

/**
 * One feedforward layer h_out = a(V h_in + b). The paper's W_i = [V | b] has shape d_out × (d_in + 1).
 *
 * @param weights V, shape d_out × d_in; owned by the layer (never modified after construction by callers)
 * @param bias    b, length d_out; owned by the layer
 */
public record DenseLayer(Matrix weights, double[] bias) implements Layer {
    public DenseLayer {
        if (bias.length != weights.rows()) {
            throw new IllegalArgumentException("bias length " + bias.length + " != output width " + weights.rows());
        }
    }

    @Override public int inputWidth() { return weights.cols(); }
    @Override public int outputWidth() { return weights.rows(); }

    /** A dense layer is its own affine map. */
    @Override public DenseLayer affine() { return this; }

    /** Pre-activation V·hᵀ + b for every row of {@code h} (N × d_in, read only): a new N × d_out matrix. */
    public Matrix preActivation(LinearAlgebra la, Matrix h) {
        Matrix y = la.multiply(false, true, h, weights);
        addBiasRows(y, bias);
        return y;
    }

    /** a(V h + b) for every row of {@code h} (read only): a new N × d_out matrix. */
    public Matrix forward(LinearAlgebra la, Matrix h, LeakyRelu act) {
        Matrix y = preActivation(la, h);
        act.applyInPlace(y.data());
        return y;
    }

    /** Adds {@code b} to every row of {@code y} (written). */
    public static void addBiasRows(Matrix y, double[] b) {
        int c = y.cols();
        double[] d = y.data();
        for (int r = 0, off = 0; r < y.rows(); r++, off += c) {
            for (int j = 0; j < c; j++) d[off + j] += b[j];
        }
    }

    /** The paper's W = [V | b], shape d_out × (d_in + 1), as a new matrix. */
    public Matrix augmentedWeights() {
        int o = outputWidth(), i = inputWidth();
        Matrix w = new Matrix(o, i + 1);
        for (int r = 0; r < o; r++) {
            System.arraycopy(weights.data(), r * i, w.data(), r * (i + 1), i);
            w.set(r, i, bias[r]);
        }
        return w;
    }

    /** Splits the paper's W = [V | b] (d_out × (d_in+1), read only) into a new layer. */
    public static DenseLayer fromAugmented(Matrix w) {
        int o = w.rows(), i = w.cols() - 1;
        double[] b = new double[o];
        for (int r = 0; r < o; r++) b[r] = w.get(r, i);
        return new DenseLayer(w.colRange(0, i), b);
    }
}
