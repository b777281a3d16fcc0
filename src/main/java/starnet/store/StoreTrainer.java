package starnet.store;

import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.math.Solution;
import starnet.model.Decoder;
import starnet.model.DenseLayer;
import starnet.model.LeakyRelu;
import starnet.model.Phase;
import starnet.model.SolveOrder;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;
import starnet.model.TrainingConfig;
import starnet.training.Cancellation;
import starnet.training.Engines;
import starnet.training.Initializer;
import starnet.training.LayerFit;
import starnet.training.LayerSystem;
import starnet.training.StarNetTrainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * StarNet with the datapoints on disk, for feedforward decoders: the same schedule as
 * {@link starnet.training.StarNetTrainer} (SL first, last layer first, epochs until the tolerance or the maximum),
 * with every pass over the datapoints made chunk by chunk. SL solves a chunk's latents and writes them to the layer's
 * latents store (paper Lemma 2: independent per datapoint); SW sums each chunk's normal equations [H 1]ᵀ[H 1] and
 * [H 1]ᵀa⁻¹(T) and solves them once — the same system as in memory; the fit after SW is one more pass. A finished
 * layer's latents store is the targets of the layer below. The heap holds a few chunks and the layers, whatever N is.
 */
public final class StoreTrainer {
    /** Rows per chunk unless told otherwise: about 50 MB of doubles for 784-pixel images. */
    public static final int DEFAULT_CHUNK = 8192;
    private final StarNetConfig config;
    private final LinearAlgebra la;
    private final LayerSystem system;
    private final Path dir;
    private final Precision precision;
    private final int chunk;
    private Consumer<StepResult> listener = r -> {};

    /** The run's result: the decoder and the steps (the newest step keeps its per-datapoint residuals; older ones drop them). */
    public record Result(Decoder decoder, List<StepResult> steps, Path codes) {}

    /**
     * @param dir       where the latents stores go (latents-1.bin … one per layer)
     * @param precision of those stores
     * @param chunk     rows per chunk, ≥ 1
     */
    public StoreTrainer(StarNetConfig config, LinearAlgebra la, Path dir, Precision precision, int chunk) {
        if (config.architecture().isConv()) throw new IllegalArgumentException("training from a store works on feedforward decoders; use --arch feedforward");
        if (config.training().order() != SolveOrder.SL_FIRST) throw new IllegalArgumentException("training from a store runs SL first; leave --order at sl-first");
        if (config.training().swSample() != 0 || config.training().swPartitions() != 1) {
            throw new IllegalArgumentException("training from a store solves SW on every datapoint; leave --sw-sample and --sw-partitions at their defaults");
        }
        if (chunk < 1) throw new IllegalArgumentException("chunk rows must be at least 1, got " + chunk);
        this.config = config;
        this.la = la;
        this.system = Engines.layerSystem(config.training(), new LeakyRelu(config.architecture().slope()), la);
        this.dir = dir;
        this.precision = precision;
        this.chunk = chunk;
    }

    public void setListener(Consumer<StepResult> l) { listener = l == null ? r -> {} : l; }

    /** Trains every layer on the images in {@code data} (N × c·h·w, read only). */
    public Result train(RowStore data, int channels, int height, int width, Cancellation cancel) throws IOException {
        TrainingConfig t = config.training();
        LeakyRelu act = new LeakyRelu(config.architecture().slope());
        Decoder decoder = Initializer.decoder(config.architecture().plan(channels, height, width), act, t.init(), t.seed());
        int k = decoder.depth();
        long n = data.rows();
        Files.createDirectories(dir);
        List<StepResult> log = new ArrayList<>();
        RowStore targets = data;
        Path codes = null;
        for (int layer = k - 1; layer >= 0; layer--) {
            Path file = dir.resolve("latents-" + (layer + 1) + ".bin");
            RowStore latents = RowStore.create(file, n, decoder.layers().get(layer).inputWidth(), precision);
            int epoch = 0;
            double lastEpochLoss = Double.NaN;
            boolean done = false;
            while (!done) {
                long t0 = System.nanoTime();
                Solution op = system.latentOperator(decoder.layers().get(layer).affine());
                Fit fit = latentsPass(decoder, layer, op.x(), data, targets, latents, cancel);
                add(log, new StepResult(log.size(), layer + 1, epoch + 1, Phase.SL, fit.mse(), fit.mae(), fit.outputMse(), seconds(t0),
                        op.conditionEstimate(), op.method() + " (store)", fit.residuals(), false));
                t0 = System.nanoTime();
                LayerSystem.WeightSolve ws = weights(latents, targets, cancel);
                decoder = decoder.withLayer(layer, ws.layer());
                fit = evaluatePass(decoder, layer, data, targets, latents, cancel);
                epoch++;
                done = StarNetTrainer.layerDone(epoch, lastEpochLoss, fit.mse(), t);
                lastEpochLoss = fit.mse();
                add(log, new StepResult(log.size(), layer + 1, epoch, Phase.SW, fit.mse(), fit.mae(), fit.outputMse(), seconds(t0),
                        ws.solution().conditionEstimate(), ws.solution().method() + " (store)", fit.residuals(), done));
            }
            if (targets != data) {
                Path used = targets.file();
                targets.close();
                Files.deleteIfExists(used); // the layer above's latents: no longer needed
            }
            targets = latents;
            if (layer == 0) codes = file;
        }
        targets.close();
        return new Result(decoder, List.copyOf(log), codes);
    }

    private void add(List<StepResult> log, StepResult r) {
        if (!log.isEmpty()) { // only the newest step keeps N residuals in memory
            StepResult p = log.get(log.size() - 1);
            log.set(log.size() - 1, new StepResult(p.step(), p.layer(), p.epoch(), p.phase(), p.mse(), p.mae(), p.outputMse(), p.seconds(),
                    p.condition(), p.method(), new double[0], p.layerDone()));
        }
        log.add(r);
        listener.accept(r);
    }

    private static double seconds(long t0) { return (System.nanoTime() - t0) / 1e9; }

    /** A pass's fit: sums over the chunks. */
    private record Fit(double mse, double mae, double outputMse, double[] residuals) {}

    /** Sums of a pass, chunk by chunk. */
    private static final class Sums {
        final double[] residuals;
        double squares, absolutes, outputSquares;

        Sums(long n) {
            if (n > Integer.MAX_VALUE - 16) throw new IllegalArgumentException(n + " datapoints: at most " + (Integer.MAX_VALUE - 16));
            residuals = new double[(int) n];
        }

        void add(LayerFit f, long from, int rows, int dout, int pixels) {
            squares += f.mse() * rows * dout;
            absolutes += f.mae() * rows * dout;
            if (!Double.isNaN(f.outputMse())) outputSquares += f.outputMse() * rows * pixels;
            System.arraycopy(f.residuals(), 0, residuals, (int) from, rows);
        }

        Fit fit(long n, int dout, int pixels, boolean lastLayer) {
            double mse = squares / ((double) n * dout);
            return new Fit(mse, absolutes / ((double) n * dout), lastLayer ? mse : outputSquares / ((double) n * pixels), residuals);
        }
    }

    /** What a pass does with one chunk: its rows [from, from + rows), their targets and the output check; returns the chunk's fit. */
    @FunctionalInterface
    private interface ChunkFit {
        LayerFit fit(long from, int rows, Matrix targets, LayerSystem.OutputCheck check);
    }

    /** One pass over the datapoints, chunk by chunk, summing the chunks' fits. */
    private Fit pass(Decoder d, int layer, RowStore data, RowStore targets, ChunkFit chunkFit, Cancellation cancel) {
        int dout = d.layers().get(layer).outputWidth();
        boolean last = layer == d.depth() - 1;
        Sums sums = new Sums(data.rows());
        for (long from = 0; from < data.rows(); from += chunk) {
            cancel.check();
            int rows = (int) Math.min(chunk, data.rows() - from);
            LayerSystem.OutputCheck check = last ? null : new LayerSystem.OutputCheck(d, layer, data.read(from, from + rows));
            sums.add(chunkFit.fit(from, rows, targets.read(from, from + rows), check), from, rows, dout, data.cols());
        }
        return sums.fit(data.rows(), dout, data.cols(), last);
    }

    /** SL: each chunk's latents solved and written to {@code latents}. */
    private Fit latentsPass(Decoder d, int layer, Matrix op, RowStore data, RowStore targets, RowStore latents, Cancellation cancel) {
        DenseLayer l = d.layers().get(layer).affine();
        return pass(d, layer, data, targets, (from, rows, t, check) -> {
            LayerSystem.LatentSolve ls = system.solveLatents(l, op, t, check, null, cancel);
            latents.write(from, ls.latents());
            return ls.fit();
        }, cancel);
    }

    private LayerSystem.WeightSolve weights(RowStore latents, RowStore targets, Cancellation cancel) {
        Matrix gram = null, rhs = null;
        for (long from = 0; from < latents.rows(); from += chunk) {
            cancel.check();
            int rows = (int) Math.min(chunk, latents.rows() - from);
            Matrix[] eq = system.normalEquations(latents.read(from, from + rows), targets.read(from, from + rows), cancel);
            if (gram == null) {
                gram = eq[0];
                rhs = eq[1];
            } else {
                addInto(gram, eq[0]);
                addInto(rhs, eq[1]);
            }
        }
        cancel.check();
        return system.solveNormalEquations(gram, rhs);
    }

    private static void addInto(Matrix sum, Matrix part) {
        double[] s = sum.data(), p = part.data();
        for (int i = 0; i < s.length; i++) s[i] += p[i];
    }

    /** The fit of the layer with the latents in {@code latents}. */
    private Fit evaluatePass(Decoder d, int layer, RowStore data, RowStore targets, RowStore latents, Cancellation cancel) {
        DenseLayer l = d.layers().get(layer).affine();
        return pass(d, layer, data, targets, (from, rows, t, check) -> system.evaluate(l, latents.read(from, from + rows), t, check, cancel), cancel);
    }

}
