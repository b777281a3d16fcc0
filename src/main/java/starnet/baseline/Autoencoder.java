package starnet.baseline;

import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.LeakyRelu;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The paper's gradient baseline: an autoencoder whose decoder has StarNet's shape (d_0 → … → D) and
 * whose encoder mirrors it (D → … → d_0), leaky ReLU after every layer, elastic loss (MSE + MAE),
 * trained with Adam (lr 1e-3, β 0.9/0.999, ε 1e-8) on seeded mini-batches of 64.
 * Layer j maps z ↦ a(z·W_jᵀ + b_j) with W_j of shape out × in.
 */
public final class Autoencoder {
    public static final double LEARNING_RATE = 1e-3, BETA1 = 0.9, BETA2 = 0.999, EPSILON = 1e-8;
    public static final int BATCH = 64;
    private final LeakyRelu act;
    private final List<Matrix> weights = new ArrayList<>();
    private final List<double[]> biases = new ArrayList<>();
    private final List<double[]> m = new ArrayList<>(), v = new ArrayList<>();
    private final SplittableRandom rnd;
    private long t;

    /** @param decoderWidths d_0 … d_K of the decoder (code first, image size last) */
    public Autoencoder(int[] decoderWidths, double slope, long seed) {
        this.act = new LeakyRelu(slope);
        this.rnd = new SplittableRandom(seed);
        int k = decoderWidths.length;
        List<int[]> shapes = new ArrayList<>();
        for (int i = k - 1; i > 0; i--) shapes.add(new int[] {decoderWidths[i - 1], decoderWidths[i]}); // encoder: out, in
        for (int i = 1; i < k; i++) shapes.add(new int[] {decoderWidths[i], decoderWidths[i - 1]});     // decoder
        for (int[] s : shapes) {
            Matrix w = new Matrix(s[0], s[1]);
            double sd = 1 / Math.sqrt(s[1]);
            for (int i = 0; i < w.data().length; i++) w.data()[i] = sd * rnd.nextGaussian();
            weights.add(w);
            biases.add(new double[s[0]]);
            m.add(new double[s[0] * s[1] + s[0]]);
            v.add(new double[s[0] * s[1] + s[0]]);
        }
    }

    public int layers() { return weights.size(); }
    public Matrix weights(int j) { return weights.get(j); }
    public double[] bias(int j) { return biases.get(j); }

    /** One pass over {@code x} (N × D, read only) in shuffled batches; returns the mean batch loss. */
    public double trainEpoch(Matrix x, LinearAlgebra la) {
        int n = x.rows();
        int[] order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        for (int i = n - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int tmp = order[i];
            order[i] = order[j];
            order[j] = tmp;
        }
        double total = 0;
        int batches = 0;
        for (int from = 0; from < n; from += BATCH) {
            int[] rows = java.util.Arrays.copyOfRange(order, from, Math.min(n, from + BATCH));
            Matrix batch = x.selectRows(rows);
            Gradients g = gradients(batch, la);
            adam(g);
            total += g.loss;
            batches++;
        }
        return total / batches;
    }

    /** Loss and gradients for one batch (read only). */
    public record Gradients(double loss, List<Matrix> dW, List<double[]> db) {}

    public Gradients gradients(Matrix batch, LinearAlgebra la) {
        int layers = weights.size();
        Matrix[] inputs = new Matrix[layers], pre = new Matrix[layers];
        Matrix z = batch;
        for (int j = 0; j < layers; j++) {
            inputs[j] = z;
            pre[j] = la.multiply(false, true, z, weights.get(j));
            addBias(pre[j], biases.get(j));
            z = pre[j].copy();
            act.applyInPlace(z.data());
        }
        int count = batch.rows() * batch.cols();
        double loss = 0;
        Matrix g = new Matrix(z.rows(), z.cols());
        for (int i = 0; i < count; i++) {
            double e = z.data()[i] - batch.data()[i];
            loss += e * e + Math.abs(e);
            g.data()[i] = (2 * e + Math.signum(e)) / count;
        }
        loss /= count;
        List<Matrix> dW = new ArrayList<>();
        List<double[]> db = new ArrayList<>();
        for (int j = 0; j < layers; j++) {
            dW.add(null);
            db.add(null);
        }
        for (int j = layers - 1; j >= 0; j--) {
            double[] gd = g.data(), p = pre[j].data();
            for (int i = 0; i < gd.length; i++) if (p[i] < 0) gd[i] *= act.slope();
            dW.set(j, la.multiply(true, false, g, inputs[j]));
            double[] b = new double[g.cols()];
            for (int r = 0; r < g.rows(); r++) for (int c = 0; c < g.cols(); c++) b[c] += gd[r * g.cols() + c];
            db.set(j, b);
            if (j > 0) g = la.multiply(false, false, g, weights.get(j));
        }
        return new Gradients(loss, dW, db);
    }

    private void adam(Gradients g) {
        t++;
        double c1 = 1 - Math.pow(BETA1, (double) t), c2 = 1 - Math.pow(BETA2, (double) t);
        for (int j = 0; j < weights.size(); j++) {
            double[] w = weights.get(j).data(), b = biases.get(j), mj = m.get(j), vj = v.get(j);
            double[] gw = g.dW().get(j).data(), gb = g.db().get(j);
            for (int i = 0; i < w.length + b.length; i++) {
                double grad = i < w.length ? gw[i] : gb[i - w.length];
                mj[i] = BETA1 * mj[i] + (1 - BETA1) * grad;
                vj[i] = BETA2 * vj[i] + (1 - BETA2) * grad * grad;
                double step = LEARNING_RATE * (mj[i] / c1) / (Math.sqrt(vj[i] / c2) + EPSILON);
                if (i < w.length) w[i] -= step;
                else b[i - w.length] -= step;
            }
        }
    }

    /** Reconstructions of the rows of {@code x}: a new matrix. */
    public Matrix reconstruct(Matrix x, LinearAlgebra la) {
        Matrix z = x;
        for (int j = 0; j < weights.size(); j++) {
            Matrix y = la.multiply(false, true, z, weights.get(j));
            addBias(y, biases.get(j));
            act.applyInPlace(y.data());
            z = y;
        }
        return z;
    }

    private static void addBias(Matrix y, double[] b) {
        int c = y.cols();
        for (int r = 0; r < y.rows(); r++) for (int j = 0; j < c; j++) y.data()[r * c + j] += b[j];
    }
}
