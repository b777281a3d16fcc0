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

    /** A dense decoder with widths d_0 … d_K, initialised per {@code kind}. */
    public static Decoder decoder(int[] widths, LeakyRelu act, InitKind kind, long seed) {
        List<starnet.model.LayerPlan> plans = new ArrayList<>();
        for (int i = 1; i < widths.length; i++) plans.add(new starnet.model.LayerPlan(i - 1, widths[i - 1], widths[i], null));
        return decoder(plans, act, kind, seed);
    }

    /**
     * A decoder for resolved layer plans: dense layers with W = [V | b] from N(0, 1/d_in) (or orthogonal),
     * conv-unpool kernels with [kernel | bias] from N(0, 1/(c_in·k²)) (or orthogonal).
     */
    public static Decoder decoder(List<starnet.model.LayerPlan> plans, LeakyRelu act, InitKind kind, long seed) {
        List<starnet.model.Layer> layers = new ArrayList<>();
        for (starnet.model.LayerPlan p : plans) {
            SplittableRandom rnd = new SplittableRandom(mix(seed, p.index() + 1));
            if (p.isConv()) {
                var s = p.conv();
                DenseLayer k = kind == InitKind.ORTHOGONAL ? orthogonal(s.patchSize(), s.kernels(), rnd) : gaussian(s.patchSize(), s.kernels(), rnd);
                layers.add(new starnet.model.ConvUnpoolLayer(s, k.weights(), k.bias()));
            } else {
                layers.add(kind == InitKind.ORTHOGONAL ? orthogonal(p.inputWidth(), p.outputWidth(), rnd) : gaussian(p.inputWidth(), p.outputWidth(), rnd));
            }
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

    /** N × d matrix of N(0, 1) latents for SW-first starts (rows 0 … n − 1 of {@link #randomLatentRows}). */
    public static Matrix randomLatents(int n, int d, long seed, int layer) {
        return randomLatentRows(0, n, d, seed, layer);
    }

    /**
     * Rows [from, to) of the N(0, 1) latents that start layer {@code layer} (0-based) of an SW-first run: each row drawn
     * from its own seeded stream, so any block of rows — a chunk, a partition — is made alone and equals the same rows
     * made with all the others.
     */
    public static Matrix randomLatentRows(long from, long to, int d, long seed, int layer) {
        Matrix h = new Matrix((int) (to - from), d);
        double[] x = h.data();
        long base = mix(seed, 1000 + layer);
        for (int r = 0; r < h.rows(); r++) {
            long z = (base + (from + r) * 0xD1B54A32D192ED03L) * 0x9E3779B97F4A7C15L;
            SplittableRandom rnd = new SplittableRandom(z ^ (z >>> 29));
            for (int c = 0; c < d; c++) x[r * d + c] = rnd.nextGaussian();
        }
        return h;
    }

    private static long mix(long seed, int salt) {
        long z = seed * 0x9E3779B97F4A7C15L + salt * 0xBF58476D1CE4E5B9L;
        return z ^ (z >>> 31);
    }
}
