package starnet.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import starnet.math.Backends;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.math.Solution;
import starnet.model.Decoder;
import starnet.model.DenseLayer;
import starnet.model.Layer;
import starnet.model.LeakyRelu;
import starnet.model.Phase;
import starnet.model.SolveOrder;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;
import starnet.model.TrainingConfig;
import starnet.training.Engines;
import starnet.training.Initializer;
import starnet.training.LayerSystem;
import starnet.training.StarNetTrainer;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * StarNet on Apache Spark, for feedforward decoders: the datapoints are partitions of rows. SL is a map over the
 * partitions with the layer's weights and its latent operator broadcast, each partition solving its rows with the
 * local BLAS (paper Lemma 2: independent per datapoint); SW sums the partitions' normal equations [H 1]ᵀ[H 1] and
 * [H 1]ᵀa⁻¹(T) by a tree aggregation and solves them on the driver (exact: the same system as one machine), or
 * averages the partitions' own solutions (paper Lemma 8); a finished layer's latents become the targets below by a
 * map, and the latents stay persisted between phases. The schedule is {@link StarNetTrainer}'s: SL first, epochs until
 * the tolerance or the maximum, last layer first.
 */
public final class SparkTrainer {
    /** How SW combines the partitions. */
    public enum SwMode {
        /** Sum the partitions' normal equations, solve once: the single-machine solution. */
        EXACT,
        /** Solve each partition's own normal equations and average the weights (paper Lemma 8). */
        AVERAGE
    }

    /** The run's result: the trainer's final state (as a single-machine trainer would hold it) and the steps. */
    public record Result(StarNetTrainer.State state, List<StepResult> steps) {}

    private final JavaSparkContext sc;
    private final StarNetConfig config;
    private final SwMode swMode;
    private final LinearAlgebra la;
    private final LayerSystem system;
    private Consumer<StepResult> listener = r -> {};
    private Consumer<Decoder> afterWeights = d -> {};

    /**
     * @param la the driver's backend (for the small systems it solves itself)
     */
    public SparkTrainer(JavaSparkContext sc, StarNetConfig config, SwMode swMode, LinearAlgebra la) {
        if (config.architecture().isConv()) throw new IllegalArgumentException("the Spark engine trains feedforward decoders; use --arch feedforward");
        if (config.training().order() != SolveOrder.SL_FIRST) throw new IllegalArgumentException("the Spark engine runs SL first; leave --order at sl-first");
        if (config.training().swSample() != 0 || config.training().swPartitions() != 1) {
            throw new IllegalArgumentException("on Spark, SW runs on every partition: use --sw-mode exact or average instead of --sw-sample and --sw-partitions");
        }
        this.sc = sc;
        this.config = config;
        this.swMode = swMode;
        this.la = la;
        this.system = Engines.layerSystem(config.training(), new LeakyRelu(config.architecture().slope()), la);
    }

    public void setListener(Consumer<StepResult> l) { listener = l == null ? r -> {} : l; }

    /** Called with the decoder after every SW (for tests and progress). */
    public void setAfterWeights(Consumer<Decoder> l) { afterWeights = l == null ? d -> {} : l; }

    /**
     * Trains every layer on {@code data} (N × D, read only) split into {@code partitions} row ranges.
     */
    public Result train(Matrix data, int partitions, int channels, int height, int width) {
        int k = config.architecture().plan(channels, height, width).size(), n = data.rows();
        List<Part> slices = new ArrayList<>();
        for (int[] r : ranges(n, partitions)) slices.add(new Part(r[0], data.rowRange(r[0], r[1]), k));
        return train(sc.parallelize(slices, slices.size()), n, data.cols(), channels, height, width, null);
    }

    /**
     * Trains every layer on the images in {@code dataFile} — a row store, or a .npy file whose values are divided by
     * {@code divisor} — at a path every executor reads (a shared filesystem): each partition reads its own rows, so
     * the driver never holds the images. The codes are written by the executors into the new row store
     * {@code codesStore}; the result's state holds no latents.
     */
    public Result trainFromStore(java.nio.file.Path dataFile, double divisor, int partitions, int channels, int height, int width,
                                 java.nio.file.Path codesStore, starnet.store.Precision codesPrecision) throws java.io.IOException {
        long rows;
        int cols;
        try (starnet.store.RowSource s = starnet.store.RowSource.open(dataFile, divisor)) {
            rows = s.rows();
            cols = s.cols();
        }
        if (rows > Integer.MAX_VALUE - 16) throw new IllegalArgumentException("at most " + (Integer.MAX_VALUE - 16) + " datapoints, got " + rows);
        int n = (int) rows, k = config.architecture().plan(channels, height, width).size();
        int codeWidth = config.architecture().widths(channels, height, width)[0];
        starnet.store.RowStore.create(codesStore, n, codeWidth, codesPrecision).close();
        String data = dataFile.toAbsolutePath().toString(), codes = codesStore.toAbsolutePath().toString();
        JavaRDD<Part> parts = sc.parallelize(ranges(n, partitions), partitions).map(r -> Part.read(data, divisor, r[0], r[1], k));
        return train(parts, n, cols, channels, height, width, codes);
    }

    /** {@code parts} row ranges [from, to) splitting n rows into at most {@code parts} pieces. */
    private static List<int[]> ranges(int n, int parts) {
        List<int[]> out = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            int from = (int) ((long) n * p / parts), to = (int) ((long) n * (p + 1) / parts);
            if (to > from) out.add(new int[] {from, to});
        }
        return out;
    }

    /** The schedule over {@code parts}; the codes go to {@code codesStore} (executors write them) when it is not null, else to the driver. */
    private Result train(JavaRDD<Part> initial, int n, int pixels, int channels, int height, int width, String codesStore) {
        TrainingConfig t = config.training();
        LeakyRelu act = new LeakyRelu(config.architecture().slope());
        Decoder decoder = Initializer.decoder(config.architecture().plan(channels, height, width), act, t.init(), t.seed());
        int k = decoder.depth();
        JavaRDD<Part> parts = initial.persist(StorageLevel.MEMORY_AND_DISK());
        List<StepResult> log = new ArrayList<>();
        Matrix[] finished = new Matrix[k];
        for (int layer = k - 1; layer >= 0; layer--) {
            int epoch = 0;
            double lastEpochLoss = Double.NaN;
            boolean done = false;
            while (!done) {
                // SL
                long t0 = System.nanoTime();
                Solution op = system.latentOperator(decoder.layers().get(layer).affine());
                Broadcast<Weights> w = sc.broadcast(Weights.of(decoder, op.x()));
                int l = layer;
                double slope = act.slope();
                JavaRDD<Part> next = step(parts.map(p -> p.solveLatents(l, w.value(), slope)));
                Fit fit = Fit.collect(next, n, pixels, decoder.layers().get(layer).outputWidth(), layer == k - 1);
                parts.unpersist(false);
                parts = next;
                w.unpersist(false);
                log.add(step(log.size(), layer + 1, epoch + 1, Phase.SL, fit, System.nanoTime() - t0, op, false));
                listener.accept(log.get(log.size() - 1));
                // SW
                t0 = System.nanoTime();
                var ws = solveWeights(parts, layer, decoder, slope);
                decoder = decoder.withLayer(layer, ws.layer());
                afterWeights.accept(decoder);
                Broadcast<Weights> w2 = sc.broadcast(Weights.of(decoder, null));
                next = step(parts.map(p -> p.evaluate(l, w2.value(), slope)));
                fit = Fit.collect(next, n, pixels, decoder.layers().get(layer).outputWidth(), layer == k - 1);
                parts.unpersist(false);
                parts = next;
                w2.unpersist(false);
                epoch++;
                done = StarNetTrainer.layerDone(epoch, lastEpochLoss, fit.mse(), t);
                lastEpochLoss = fit.mse();
                log.add(step(log.size(), layer + 1, Math.max(1, epoch), Phase.SW, fit, System.nanoTime() - t0, ws.solution(), done));
                listener.accept(log.get(log.size() - 1));
            }
            int l = layer;
            if (codesStore == null) {
                finished[layer] = Part.gather(parts.map(p -> p.latentsOf(l)).collect(), n, decoder.layers().get(layer).inputWidth());
            } else if (layer == 0) {
                parts.foreach(p -> p.writeLatents(0, codesStore));
            }
        }
        parts.unpersist(false);
        return new Result(new StarNetTrainer.State(decoder, -1, null, 0, false, Double.NaN, finished, List.copyOf(log)), List.copyOf(log));
    }

    /** The partitions after a step, kept (memory, else disk) with their lineage cut once computed, so runs of many steps stay short to plan. */
    private static JavaRDD<Part> step(JavaRDD<Part> next) {
        next.persist(StorageLevel.MEMORY_AND_DISK());
        next.rdd().localCheckpoint();
        return next;
    }

    private LayerSystem.WeightSolve solveWeights(JavaRDD<Part> parts, int layer, Decoder decoder, double slope) {
        TrainingConfig t = config.training();
        if (swMode == SwMode.EXACT) {
            NormalEquations sum = parts.map(p -> p.normalEquations(layer, slope)).treeAggregate(null, NormalEquations::add, NormalEquations::add);
            return system.solveNormalEquations(sum.gramMatrix(), sum.rhsMatrix());
        }
        String solverId = t.solver().id();
        double ridge = t.ridge();
        List<double[]> solutions = parts.map(p -> p.ownWeights(layer, slope, solverId, ridge)).collect();
        DenseLayer current = decoder.layers().get(layer).affine();
        int rows = current.outputWidth(), cols = current.inputWidth() + 1;
        Matrix mean = new Matrix(rows, cols);
        for (double[] s : solutions) for (int i = 0; i < s.length; i++) mean.data()[i] += s[i];
        for (int i = 0; i < mean.data().length; i++) mean.data()[i] /= solutions.size();
        DenseLayer averaged = DenseLayer.fromAugmented(mean);
        return new LayerSystem.WeightSolve(averaged, new Solution(mean, Double.NaN, t.solver().id() + ", averaged over " + solutions.size() + " partitions", false));
    }


    private static StepResult step(int index, int layer, int epoch, Phase phase, Fit fit, long nanos, Solution s, boolean done) {
        return new StepResult(index, layer, epoch, phase, fit.mse(), fit.mae(), fit.outputMse(), nanos / 1e9, s.conditionEstimate(),
                s.method() + " (Spark)", fit.residuals(), done);
    }

    /** Per-layer weights (and, for SL, the latent operator) as plain arrays, broadcast to the partitions. */
    record Weights(int[] rows, int[] cols, double[][] weights, double[][] biases, double[] op, int opRows, int opCols) implements Serializable {
        static Weights of(Decoder d, Matrix op) {
            int k = d.depth();
            int[] r = new int[k], c = new int[k];
            double[][] w = new double[k][], b = new double[k][];
            for (int i = 0; i < k; i++) {
                DenseLayer l = d.layers().get(i).affine();
                r[i] = l.outputWidth();
                c[i] = l.inputWidth();
                w[i] = l.weights().data();
                b[i] = l.bias();
            }
            return new Weights(r, c, w, b, op == null ? null : op.data(), op == null ? 0 : op.rows(), op == null ? 0 : op.cols());
        }

        Decoder decoder(LeakyRelu act) {
            List<Layer> layers = new ArrayList<>();
            for (int i = 0; i < rows.length; i++) layers.add(new DenseLayer(new Matrix(rows[i], cols[i], weights[i].clone()), biases[i].clone()));
            return new Decoder(layers, act);
        }
    }

    /** Summed normal equations (null is the empty sum). */
    record NormalEquations(int n, int dout, double[] gram, double[] rhs) implements Serializable {
        static NormalEquations add(NormalEquations a, NormalEquations b) {
            if (a == null) return b;
            if (b == null) return a;
            double[] g = a.gram.clone(), r = a.rhs.clone();
            for (int i = 0; i < g.length; i++) g[i] += b.gram[i];
            for (int i = 0; i < r.length; i++) r[i] += b.rhs[i];
            return new NormalEquations(a.n, a.dout, g, r);
        }

        Matrix gramMatrix() { return new Matrix(n, n, gram); }

        Matrix rhsMatrix() { return new Matrix(n, dout, rhs); }
    }

    /** A step's fit, summed over the partitions. */
    record Fit(double mse, double mae, double outputMse, double[] residuals) {
        static Fit collect(JavaRDD<Part> parts, int n, int d, int dout, boolean lastLayer) {
            List<Part.Stats> all = parts.map(Part::stats).collect();
            double sq = 0, ab = 0, out = 0;
            double[] residuals = new double[n];
            for (Part.Stats s : all) {
                sq += s.squares();
                ab += s.absolutes();
                out += s.outputSquares();
                System.arraycopy(s.residuals(), 0, residuals, s.first(), s.residuals().length);
            }
            double mse = sq / ((double) n * dout);
            return new Fit(mse, ab / ((double) n * dout), lastLayer ? mse : out / ((double) n * d), residuals);
        }
    }

    /** The backend a partition solves with: one thread (Spark runs the partitions in parallel). */
    static LinearAlgebra partitionBackend() {
        return Backends.create("auto", 1);
    }
}
