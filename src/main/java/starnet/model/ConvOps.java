package starnet.model;

import starnet.math.Matrix;

/**
 * The data movements of a conv-unpool layer on flat row-major arrays: im2col, depth-to-space and its
 * inverse, and the adjoint of im2col (col2im). Each writes only its destination argument.
 */
public final class ConvOps {
    private ConvOps() {}

    /**
     * Patches of rows [from, to) of {@code z} (N × cIn·h·w): row (n−from)·positions + y·gridW + x holds the
     * k×k×cIn window at grid position (y, x), zero outside the latent grid. {@code dst} must hold
     * (to−from)·positions × patchSize values (written); {@code dstCols} is its row stride (≥ patchSize).
     */
    public static void im2col(ConvShape s, double[] z, int from, int to, double[] dst, int dstCols) {
        int k = s.k(), pad = s.pad(), in = s.inputWidth(), gh = s.gridH(), gw = s.gridW();
        for (int n = from; n < to; n++) {
            int zBase = n * in;
            for (int y = 0; y < gh; y++) {
                for (int x = 0; x < gw; x++) {
                    int row = ((n - from) * gh + y) * gw + x;
                    int off = row * dstCols;
                    for (int c = 0; c < s.cIn(); c++) {
                        for (int dy = 0; dy < k; dy++) {
                            int iy = y + dy - pad;
                            boolean rowInside = iy >= 0 && iy < s.h();
                            int src = zBase + (c * s.h() + iy) * s.w() - pad + x;
                            for (int dx = 0; dx < k; dx++) {
                                int ix = x + dx - pad;
                                dst[off++] = rowInside && ix >= 0 && ix < s.w() ? z[src + dx] : 0.0;
                            }
                        }
                    }
                }
            }
        }
    }

    /** Adds the adjoint of im2col: every patch value back onto its latent position (dst N' × cIn·h·w, accumulated). */
    public static void col2imAdd(ConvShape s, double[] cols, int colStride, int count, double[] dst) {
        int k = s.k(), pad = s.pad(), in = s.inputWidth(), gh = s.gridH(), gw = s.gridW();
        for (int n = 0; n < count; n++) {
            for (int y = 0; y < gh; y++) {
                for (int x = 0; x < gw; x++) {
                    int off = ((n * gh + y) * gw + x) * colStride;
                    for (int c = 0; c < s.cIn(); c++) {
                        for (int dy = 0; dy < k; dy++) {
                            int iy = y + dy - pad;
                            for (int dx = 0; dx < k; dx++, off++) {
                                int ix = x + dx - pad;
                                if (iy >= 0 && iy < s.h() && ix >= 0 && ix < s.w()) dst[n * in + (c * s.h() + iy) * s.w() + ix] += cols[off];
                            }
                        }
                    }
                }
            }
        }
    }

    /**
     * Space-to-depth: rows [from, to) of output-shaped {@code t} (N × cOut·outH·outW) into
     * (to−from)·positions × kernels, kernel q at (y, x) = t[outIndex(q, y, x)]. {@code dst} is written.
     */
    public static void spaceToDepth(ConvShape s, double[] t, int from, int to, double[] dst) {
        int out = s.outputWidth(), nk = s.kernels(), gh = s.gridH(), gw = s.gridW();
        for (int n = from; n < to; n++) {
            for (int y = 0; y < gh; y++) {
                for (int x = 0; x < gw; x++) {
                    int row = ((n - from) * gh + y) * gw + x;
                    for (int q = 0; q < nk; q++) dst[row * nk + q] = t[n * out + s.outIndex(q, y, x)];
                }
            }
        }
    }

    /** Depth-to-space, the inverse: (count·positions × kernels) → count × cOut·outH·outW in {@code dst} (written). */
    public static void depthToSpace(ConvShape s, double[] conv, int count, double[] dst) {
        int out = s.outputWidth(), nk = s.kernels(), gh = s.gridH(), gw = s.gridW();
        for (int n = 0; n < count; n++) {
            for (int y = 0; y < gh; y++) {
                for (int x = 0; x < gw; x++) {
                    int row = (n * gh + y) * gw + x;
                    for (int q = 0; q < nk; q++) dst[n * out + s.outIndex(q, y, x)] = conv[row * nk + q];
                }
            }
        }
    }

    /** The direct definition (a nested loop, no im2col): pre-activation conv-unpool output of one datapoint. */
    public static double[] directPreActivation(ConvUnpoolLayer layer, double[] z) {
        ConvShape s = layer.shape();
        Matrix kernels = layer.kernels();
        double[] out = new double[s.outputWidth()];
        for (int q = 0; q < s.kernels(); q++) {
            for (int y = 0; y < s.gridH(); y++) {
                for (int x = 0; x < s.gridW(); x++) {
                    double acc = layer.bias()[q];
                    for (int c = 0; c < s.cIn(); c++) {
                        for (int dy = 0; dy < s.k(); dy++) {
                            for (int dx = 0; dx < s.k(); dx++) {
                                int iy = y + dy - s.pad(), ix = x + dx - s.pad();
                                if (iy < 0 || iy >= s.h() || ix < 0 || ix >= s.w()) continue;
                                acc += kernels.get(q, (c * s.k() + dy) * s.k() + dx) * z[(c * s.h() + iy) * s.w() + ix];
                            }
                        }
                    }
                    out[s.outIndex(q, y, x)] = acc;
                }
            }
        }
        return out;
    }
}
