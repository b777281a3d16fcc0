package starnet.model;

import starnet.math.LinearAlgebra;
import starnet.math.Matrix;

/**
 * A conv-unpool layer's linear part A applied without building it: A·z = depth-to-space(im2col(z)·Kᵀ),
 * and its adjoint Aᵀ·y = col2im(space-to-depth(y)·K). Batched over the rows of the arguments, which are
 * read only; results are new matrices.
 */
public final class ConvOperator {
    private final LinearAlgebra la;
    private final ConvUnpoolLayer layer;

    public ConvOperator(LinearAlgebra la, ConvUnpoolLayer layer) {
        this.la = la;
        this.layer = layer;
    }

    /** A·z for every row of {@code z} (n × c_in·h·w): n × c_out·outH·outW, without bias. */
    public Matrix apply(Matrix z) {
        ConvShape s = layer.shape();
        int n = z.rows();
        Matrix cols = new Matrix(n * s.positions(), s.patchSize());
        ConvOps.im2col(s, z.data(), 0, n, cols.data(), s.patchSize());
        Matrix conv = la.multiply(false, true, cols, layer.kernels());
        Matrix y = new Matrix(n, s.outputWidth());
        ConvOps.depthToSpace(s, conv.data(), n, y.data());
        return y;
    }

    /** Aᵀ·y for every row of {@code y} (n × c_out·outH·outW): n × c_in·h·w. */
    public Matrix applyTranspose(Matrix y) {
        ConvShape s = layer.shape();
        int n = y.rows();
        Matrix depth = new Matrix(n * s.positions(), s.kernels());
        ConvOps.spaceToDepth(s, y.data(), 0, n, depth.data());
        Matrix cols = la.multiply(false, false, depth, layer.kernels());
        Matrix z = new Matrix(n, s.inputWidth());
        ConvOps.col2imAdd(s, cols.data(), s.patchSize(), n, z.data());
        return z;
    }

    /** Per-output bias b_out[outIndex(q, y, x)] = b[q]. */
    public double[] outputBias() {
        ConvShape s = layer.shape();
        double[] b = new double[s.outputWidth()];
        for (int q = 0; q < s.kernels(); q++) {
            for (int y = 0; y < s.gridH(); y++) {
                for (int x = 0; x < s.gridW(); x++) b[s.outIndex(q, y, x)] = layer.bias()[q];
            }
        }
        return b;
    }
}
