package starnet.spark;

import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.math.NormalEquationsSolver;
import starnet.math.SolverKind;
import starnet.model.Decoder;
import starnet.model.DenseLayer;
import starnet.model.LeakyRelu;
import starnet.training.Cancellation;
import starnet.training.LayerFit;
import starnet.training.LayerSystem;

import java.io.Serializable;
import java.util.List;

/**
 * One partition of the datapoints: rows [first, first + rows) of the images and, per layer, their latents once
 * solved, with the fit of the last step on these rows. Immutable: every step makes a new one (Spark keeps the
 * lineage); the arrays are shared between versions and never written after they are made.
 */
final class Part implements Serializable {
    private static final long serialVersionUID = 1L;
    private static LinearAlgebra backend;

    /** A step's sums over this partition's rows (combined on the driver into means). */
    record Stats(int first, double squares, double absolutes, double outputSquares, double[] residuals) implements Serializable {}

    private final int first, rows, pixels;
    private final double[] images;      // rows × pixels
    private final double[][] latents;   // per layer: rows × d_in, or null
    private final Stats stats;

    Part(int first, Matrix images, int layers) {
        this(first, images.rows(), images.cols(), images.data().clone(), new double[layers][], null);
    }

    private Part(int first, int rows, int pixels, double[] images, double[][] latents, Stats stats) {
        this.first = first;
        this.rows = rows;
        this.pixels = pixels;
        this.images = images;
        this.latents = latents;
        this.stats = stats;
    }

    Stats stats() { return stats; }

    /** Rows [from, to) of the row store or .npy file at {@code file}, read where this runs (an executor): a new partition. */
    static Part read(String file, double divisor, int from, int to, int layers) throws java.io.IOException {
        try (starnet.store.RowSource s = starnet.store.RowSource.open(java.nio.file.Path.of(file), divisor)) {
            return new Part(from, s.read(from, to), layers);
        }
    }

    /** Writes layer {@code layer}'s latents of these rows into the row store at {@code store} (rows [first, first + rows)). */
    void writeLatents(int layer, String store) throws java.io.IOException {
        try (starnet.store.RowStore s = starnet.store.RowStore.open(java.nio.file.Path.of(store))) {
            s.write(first, current(layer));
        }
    }

    /** Consecutive rows of a matrix from row {@code first} on, row-major (shared, never written). */
    record Rows(int first, double[] values) implements Serializable {}

    /** This partition's rows of layer {@code layer}'s latents. */
    Rows latentsOf(int layer) { return new Rows(first, latents[layer]); }

    /** Pieces from {@link #latentsOf} gathered into one N × width matrix. */
    static Matrix gather(List<Rows> pieces, int n, int width) {
        Matrix m = new Matrix(n, width);
        for (Rows p : pieces) System.arraycopy(p.values(), 0, m.data(), p.first() * width, p.values().length);
        return m;
    }

    /** SL on these rows: the latents of layer {@code layer} from its targets, with the weights and operator in {@code w}. */
    Part solveLatents(int layer, SparkTrainer.Weights w, double slope) {
        LeakyRelu act = new LeakyRelu(slope);
        Decoder d = w.decoder(act);
        LayerSystem system = new LayerSystem(backend(), act, null);
        Matrix op = new Matrix(w.opRows(), w.opCols(), w.op());
        LayerSystem.LatentSolve ls = system.solveLatents(d.layers().get(layer).affine(), op, targets(layer), check(d, layer), null, Cancellation.NEVER);
        double[][] next = latents.clone();
        next[layer] = ls.latents().data();
        return new Part(first, rows, pixels, images, next, stats(ls.fit(), d, layer));
    }

    /** The fit of layer {@code layer} (weights in {@code w}) on these rows' current latents. */
    Part evaluate(int layer, SparkTrainer.Weights w, double slope) {
        LeakyRelu act = new LeakyRelu(slope);
        Decoder d = w.decoder(act);
        LayerSystem system = new LayerSystem(backend(), act, null);
        LayerFit fit = system.evaluate(d.layers().get(layer).affine(), current(layer), targets(layer), check(d, layer), Cancellation.NEVER);
        return new Part(first, rows, pixels, images, latents, stats(fit, d, layer));
    }

    /** SW's normal equations on these rows. */
    SparkTrainer.NormalEquations normalEquations(int layer, double slope) {
        LayerSystem system = new LayerSystem(backend(), new LeakyRelu(slope), null);
        Matrix[] eq = system.normalEquations(current(layer), targets(layer), Cancellation.NEVER);
        return new SparkTrainer.NormalEquations(eq[0].rows(), eq[1].cols(), eq[0].data(), eq[1].data());
    }

    /** SW on these rows alone (for averaging): the augmented weights [V | b], d_out × (d_in + 1), row-major. */
    double[] ownWeights(int layer, double slope, String solver, double ridge) {
        LinearAlgebra la = backend();
        NormalEquationsSolver s = SolverKind.parse(solver).create(ridge, la);
        LayerSystem system = new LayerSystem(la, new LeakyRelu(slope), s);
        Matrix[] eq = system.normalEquations(current(layer), targets(layer), Cancellation.NEVER);
        DenseLayer l = (DenseLayer) system.solveNormalEquations(eq[0], eq[1]).layer();
        return l.augmentedWeights().data();
    }

    private Matrix current(int layer) {
        int width = latents[layer].length / rows;
        return new Matrix(rows, width, latents[layer]);
    }

    /** The layer's targets: the images for the last layer, else the finished latents of the layer above. */
    private Matrix targets(int layer) {
        if (layer == latents.length - 1) return new Matrix(rows, pixels, images);
        double[] t = latents[layer + 1];
        return new Matrix(rows, t.length / rows, t);
    }

    private LayerSystem.OutputCheck check(Decoder d, int layer) {
        return layer == latents.length - 1 ? null : new LayerSystem.OutputCheck(d, layer, new Matrix(rows, pixels, images));
    }

    private Stats stats(LayerFit fit, Decoder d, int layer) {
        int dout = d.layers().get(layer).outputWidth();
        double count = (double) rows * dout;
        double out = Double.isNaN(fit.outputMse()) ? 0 : fit.outputMse() * rows * pixels;
        return new Stats(first, fit.mse() * count, fit.mae() * count, out, fit.residuals());
    }

    /** One backend per executor JVM, one thread: the executor runs its partitions in parallel. */
    private static synchronized LinearAlgebra backend() {
        if (backend == null) backend = SparkTrainer.partitionBackend();
        return backend;
    }
}
