package starnet.training;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.QRDecomposition;
import starnet.math.Matrix;
import starnet.model.Decoder;
import starnet.model.DenseLayer;
import starnet.model.InitKind;
import starnet.model.LeakyRelu;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded initial weights and latents: the same seed and widths always give the same numbers. */
public final class Initializer {
    private Initializer() {}

    /** A decoder with widths d_0 … d_K, initialised per {@code kind}. */
    public static Decoder decoder(int[] widths, LeakyRelu act, InitKind kind, long seed) {
        List<DenseLayer> layers = new ArrayList<>();
        for (int i = 1; i < widths.length; i++) {
            SplittableRandom rnd = new SplittableRandom(mix(seed, i));
            layers.add(kind == InitKind.ORTHOGONAL ? orthogonal(widths[i - 1], widths[i], rnd) : gaussian(widths[i - 1], widths[i], rnd));
        }
        return new Decoder(layers, act);
    }

    /** W = [V | b] with every entry from N(0, 1/d_in). */
    static DenseLayer gaussian(int din, int dout, SplittableRandom rnd) {
        double sd = 1.0 / Math.sqrt(din);
        Matrix v = new Matrix(dout, din);
        double[] b = new double[dout];
        double[] d = v.data();
        for (int r = 0; r < dout; r++) {
            for (int c = 0; c < din; c++) d[r * din + c] = sd * rnd.nextGaussian();
            b[r] = sd * rnd.nextGaussian();
        }
        return new DenseLayer(v, b);
    }

    /** V with orthogonal columns (rows when d_out < d_in), each scaled to the Gaussian init's expected norm; b = 0. */
    static DenseLayer orthogonal(int din, int dout, SplittableRandom rnd) {
        boolean tall = dout >= din;
        int rows = tall ? dout : din, cols = tall ? din : dout;
        DMatrixRMaj g = new DMatrixRMaj(rows, cols);
        for (int i = 0; i < g.data.length; i++) g.data[i] = rnd.nextGaussian();
        QRDecomposition<DMatrixRMaj> qr = DecompositionFactory_DDRM.qr(rows, cols);
        if (!qr.decompose(g)) throw new ArithmeticException("QR of the random matrix failed");
        DMatrixRMaj q = qr.getQ(null, true); // rows × cols
        double scale = Math.sqrt((double) dout / din);
        Matrix qm = new Matrix(rows, cols, q.data);
        Matrix v = tall ? qm : qm.transpose();
        double[] d = v.data();
        for (int i = 0; i < d.length; i++) d[i] *= scale;
        return new DenseLayer(v, new double[dout]);
    }

    /** N × d matrix of N(0, 1) latents for SW-first starts. */
    public static Matrix randomLatents(int n, int d, long seed, int layer) {
        SplittableRandom rnd = new SplittableRandom(mix(seed, 1000 + layer));
        Matrix h = new Matrix(n, d);
        double[] x = h.data();
        for (int i = 0; i < x.length; i++) x[i] = rnd.nextGaussian();
        return h;
    }

    private static long mix(long seed, int salt) {
        long z = seed * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 31);
    }
}
