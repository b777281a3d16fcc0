package starnet.session;

import starnet.baseline.Autoencoder;
import starnet.baseline.Pca;
import starnet.model.Dataset;
import starnet.io.AtomicFiles;
import starnet.figures.LinePlot;
import starnet.io.ModelFile;
import starnet.math.LinearAlgebra;
import starnet.model.SolveOrder;
import starnet.model.StarNetConfig;
import starnet.training.Cancellation;
import starnet.training.Engines;
import starnet.training.LayerSystem;
import starnet.training.Refinement;
import starnet.training.StarNetTrainer;
import starnet.model.StepResult;
import starnet.model.WorkProgress;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The paper's experiments and the comparisons beyond it (shared by the CLI's {@code experiment} and
 * the window's Experiments menu; cancellable between and inside solves), each writing figures and a CSV into a folder:
 * {@code experiment fig6} (StarNet vs the Adam autoencoder, against epoch and wall-clock seconds, with
 * the PCA bound), {@code fig7} (SW-first vs SL-first), {@code fig8} (SW on 100 / 500 / all datapoints,
 * conv preset), {@code refine} (end-to-end refinement after layer-wise training).
 */
public final class Experiments {
    /** Experiment names. */

    private Experiments() {}

    /**
     * Runs {@code experiment} on the data {@code config} names, loaded here, with the backend {@code compute} names: the
     * command line's {@code experiment}.
     */
    public static Path run(starnet.model.Experiment experiment, StarNetConfig config, Path dir, int rounds, Compute compute, Consumer<String> out, WorkProgress progress)
            throws IOException {
        if (rounds < 1) throw new UserError("rounds must be at least 1, got " + rounds);
        Dataset ds = starnet.data.Datasets.load(config.data());
        Runs.requireDetermined(config, new int[] {ds.channels(), ds.height(), ds.width()}, ds.size());
        try {
            return run(experiment, config, ds, compute.load(), dir, rounds, out, progress, starnet.training.Cancellation.NEVER);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /**
     * Runs {@code experiment} on {@code ds} and writes its files into {@code dir}; summary lines go
     * to {@code out}, progress (lines and the fraction of its solves and epochs done) to {@code progress}. Returns the
     * main figure's path.
     *
     * @throws IllegalArgumentException for an unknown name or an architecture the experiment cannot use
     */
    public static Path run(starnet.model.Experiment experiment, StarNetConfig config, Dataset ds, LinearAlgebra la, Path dir, int rounds, Consumer<String> out, WorkProgress progress,
                           Cancellation cancel) throws IOException {
        Files.createDirectories(dir);
        switch (experiment) {
            case FIG6 -> fig6(config, ds, la, dir, out, progress, cancel);
            case FIG7 -> fig7(config, ds, la, dir, out, progress, cancel);
            case FIG8 -> fig8(config, ds, la, dir, out, progress, cancel);
            case REFINE -> refine(config, ds, la, dir, rounds, out, progress, cancel);
        }
        return dir.resolve(experiment.figure());
    }

    /** StarNet's output MSE after each epoch vs the autoencoder's, against epoch and seconds; PCA at the code width. */
    static void fig6(StarNetConfig config, Dataset ds, LinearAlgebra la, Path dir, Consumer<String> out, WorkProgress progress, Cancellation cancel) throws IOException {
        int[] widths = config.architecture().widths(ds.channels(), ds.height(), ds.width());
        StarNetTrainer t = StarNetTrainer.create(config, ds.images(), ds.channels(), ds.height(), ds.width(), la);
        List<double[]> star = new ArrayList<>(); // epoch (over all layers), seconds, output mse
        double[] clock = {0};
        int[] epochs = {0};
        int planned = plannedSteps(config); // then as many autoencoder epochs as StarNet's, then PCA
        Units units = new Units(progress, planned + planned / 2 + 1);
        t.setListener(r -> {
            clock[0] += r.seconds();
            if (t.closedEpoch(r)) {
                star.add(new double[] {++epochs[0], clock[0], r.outputMse(), r.layer()});
                progress.note(String.format("StarNet epoch %d (layer %d): output MSE %.5f, %.1f s", epochs[0], r.layer(), r.outputMse(), clock[0]));
            }
            units.add(1);
        });
        t.trainAll(cancel);
        units.total(units.done() + epochs[0] + 1);
        Autoencoder ae = new Autoencoder(widths, config.architecture().slope(), config.training().seed());
        List<double[]> auto = new ArrayList<>();
        double aeClock = 0;
        for (int e = 1; e <= epochs[0]; e++) {
            long s0 = System.nanoTime();
            cancel.check();
            ae.trainEpoch(ds.images(), la);
            aeClock += (System.nanoTime() - s0) / 1e9;
            auto.add(new double[] {e, aeClock, LayerSystem.mse(ae.reconstruct(ds.images(), la), ds.images())});
            progress.note(String.format("autoencoder epoch %d of %d: MSE %.5f, %.1f s", e, epochs[0], auto.get(auto.size() - 1)[2], aeClock));
            units.add(1);
        }
        progress.note(String.format("PCA at rank %d…", widths[0]));
        double pca = Pca.fit(ds.images(), la).mse(widths[0]);
        units.add(1);
        StringBuilder csv = new StringBuilder("method,epoch,seconds,mse\n");
        for (double[] r : star) csv.append("starnet,").append((int) r[0]).append(',').append(r[1]).append(',').append(r[2]).append('\n');
        for (double[] r : auto) csv.append("autoencoder,").append((int) r[0]).append(',').append(r[1]).append(',').append(r[2]).append('\n');
        csv.append("pca_rank_").append(widths[0]).append(",,,").append(pca).append('\n');
        AtomicFiles.writeText(dir.resolve("fig6.csv"), csv.toString());
        for (int axis = 0; axis < 2; axis++) {
            String x = axis == 0 ? "epoch (StarNet: epochs over all layers)" : "wall-clock seconds";
            List<LinePlot.Series> series = new ArrayList<>();
            for (int layer = widths.length - 1; layer >= 1; layer--) {
                int l = layer;
                List<double[]> rows = star.stream().filter(r -> r[3] == l).toList();
                series.add(series(l == 1 ? "StarNet, full decode from the codes" : "StarNet layer " + l + " (decoded from its " + widths[l - 1] + "-d latents)", rows, axis));
            }
            series.add(series("Adam autoencoder", auto, axis));
            series.add(new LinePlot.Series("PCA rank " + widths[0], new double[] {0, Math.max(last(star, axis), last(auto, axis))}, new double[] {pca, pca}));
            png(new LinePlot("Reconstruction MSE: StarNet vs autoencoder (paper Fig. 6)", x, "MSE", series, true), dir.resolve(axis == 0 ? "fig6-epochs.png" : "fig6-seconds.png"));
        }
        out.accept(String.format("StarNet: MSE %.5f after %d epochs in %.1f s; autoencoder: MSE %.5f after %d epochs in %.1f s; PCA rank %d: %.5f; wrote %s",
                star.get(star.size() - 1)[2], epochs[0], clock[0], auto.get(auto.size() - 1)[2], epochs[0], aeClock, widths[0], pca, dir));
    }

    private static LinePlot.Series series(String name, List<double[]> rows, int axis) {
        double[] x = new double[rows.size()], y = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            x[i] = rows.get(i)[axis];
            y[i] = rows.get(i)[2];
        }
        return new LinePlot.Series(name, x, y);
    }

    private static double last(List<double[]> rows, int axis) { return rows.isEmpty() ? 1 : rows.get(rows.size() - 1)[axis]; }

    /** Last layer's loss per step with SL first and with SW first (random initial latents, paper Fig. 7). */
    static void fig7(StarNetConfig config, Dataset ds, LinearAlgebra la, Path dir, Consumer<String> out, WorkProgress progress, Cancellation cancel) throws IOException {
        List<LinePlot.Series> series = new ArrayList<>();
        StringBuilder csv = new StringBuilder("order,step,phase,epoch,mse\n");
        Units units = new Units(progress, SolveOrder.values().length * 2 * config.training().maxEpochs());
        for (SolveOrder o : SolveOrder.values()) {
            StarNetConfig c = config.withTraining(config.training().withOrder(o));
            StarNetTrainer t = StarNetTrainer.create(c, ds.images(), ds.channels(), ds.height(), ds.width(), la);
            int start = units.done();
            t.setListener(r -> units.add(1));
            List<StepResult> steps = t.trainLayer(cancel);
            units.skipTo(start + 2 * config.training().maxEpochs());
            for (StepResult r : steps) csv.append(o.id()).append(',').append(r.step()).append(',').append(r.phase()).append(',').append(r.epoch()).append(',').append(r.mse()).append('\n');
            series.add(new LinePlot.Series(o.id(), steps.stream().mapToDouble(StepResult::step).toArray(), steps.stream().mapToDouble(StepResult::mse).toArray()));
            out.accept(String.format("%s: last-layer MSE %.5f after %d steps", o.id(), steps.get(steps.size() - 1).mse(), steps.size()));
        }
        AtomicFiles.writeText(dir.resolve("fig7.csv"), csv.toString());
        png(new LinePlot("Last layer: SL first vs SW first (paper Fig. 7)", "step", "MSE", series, true), dir.resolve("fig7.png"));
        out.accept("wrote " + dir);
    }

    /** The conv preset (or the given conv architecture) with SW on 100, 500 and all datapoints (paper Fig. 8). */
    static void fig8(StarNetConfig base, Dataset ds, LinearAlgebra la, Path dir, Consumer<String> out, WorkProgress progress, Cancellation cancel) throws IOException {
        if (!base.architecture().isConv()) base = base.withArchitecture(starnet.model.Presets.find("mnist-conv").architecture());
        List<LinePlot.Series> series = new ArrayList<>();
        StringBuilder csv = new StringBuilder("sw_sample,layer,epoch,mse,seconds\n");
        int[] samples = {100, 500, 0};
        Units units = new Units(progress, samples.length * plannedSteps(base));
        for (int sample : samples) {
            StarNetConfig c = base.withTraining(base.training().withSwSampling(sample, 1).withTolerance(0));
            StarNetTrainer t = StarNetTrainer.create(c, ds.images(), ds.channels(), ds.height(), ds.width(), la);
            t.setListener(r -> units.add(1));
            List<StepResult> steps = t.trainAll(cancel);
            List<StepResult> sw = steps.stream().filter(r -> r.phase() == starnet.model.Phase.SW).toList();
            String label = sample == 0 ? "all" : Integer.toString(sample);
            for (StepResult r : sw) csv.append(label).append(',').append(r.layer()).append(',').append(r.epoch()).append(',').append(r.mse()).append(',').append(r.seconds()).append('\n');
            series.add(new LinePlot.Series("S = " + label, java.util.stream.IntStream.range(0, sw.size()).asDoubleStream().map(i -> i + 1).toArray(),
                    sw.stream().mapToDouble(StepResult::outputMse).toArray()));
            out.accept(String.format("S = %s: final reconstruction MSE %.5f", label, steps.get(steps.size() - 1).outputMse()));
        }
        AtomicFiles.writeText(dir.resolve("fig8.csv"), csv.toString());
        png(new LinePlot("SW on a sample of S datapoints per epoch (paper Fig. 8)", "epoch (last layer, then first)", "output MSE", series, true), dir.resolve("fig8.png"));
        out.accept("wrote " + dir);
    }

    /** Layer-wise training, then end-to-end refinement; writes the refined model and the per-block errors. */
    static void refine(StarNetConfig config, Dataset ds, LinearAlgebra la, Path dir, int rounds, Consumer<String> out, WorkProgress progress,
                       Cancellation cancel) throws IOException {
        if (config.architecture().isConv()) throw new IllegalArgumentException("refinement works on feedforward decoders only");
        StarNetTrainer t = StarNetTrainer.create(config, ds.images(), la);
        int planned = plannedSteps(config), blocks = rounds * (1 + config.architecture().depth()); // a round: the codes, then each layer
        Units units = new Units(progress, planned + blocks);
        t.setListener(r -> units.add(1));
        t.trainAll(cancel);
        units.skipTo(planned);
        double layerwise = t.log().get(t.log().size() - 1).outputMse();
        Refinement r = new Refinement(Engines.layerSystem(config, la),
                t.decoder(), t.codes(), ds.images());
        StringBuilder csv = new StringBuilder("round,block,mse_before,mse_after,accepted,seconds\n");
        java.util.List<Refinement.Step> steps = r.run(rounds, cancel, s -> {
            progress.note(String.format("round %d %-36s %.6f -> %.6f %s", s.round(), s.block(), s.mseBefore(), s.mseAfter(), s.accepted() ? "" : "(rejected)").strip());
            units.add(1);
            csv.append(s.round()).append(",\"").append(s.block()).append("\",").append(s.mseBefore()).append(',').append(s.mseAfter()).append(',')
                    .append(s.accepted()).append(',').append(s.seconds()).append('\n');
        });
        AtomicFiles.writeText(dir.resolve("refinement.csv"), csv.toString());
        double[] xs = new double[steps.size() + 1], ys = new double[steps.size() + 1];
        ys[0] = layerwise;
        for (int i = 0; i < steps.size(); i++) {
            xs[i + 1] = i + 1;
            ys[i + 1] = steps.get(i).mseAfter();
        }
        double pca = Pca.fit(ds.images(), la).mse(config.architecture().widths().get(0));
        png(new LinePlot("End-to-end refinement after layer-wise training", "block (Gauss-Newton on codes, then layer refits, per round)", "reconstruction MSE",
                java.util.List.of(new LinePlot.Series("refinement", xs, ys), new LinePlot.Series("PCA rank " + config.architecture().widths().get(0),
                        new double[] {0, steps.size()}, new double[] {pca, pca})), true), dir.resolve("refinement.png"));
        ModelFile.write(dir.resolve("model.starnet"), new ModelFile.SavedModel(config, r.decoder(), new int[] {ds.channels(), ds.height(), ds.width()}, r.codes()));
        out.accept(String.format("layer-wise MSE %.6f; refined MSE %.6f (%.1f%% lower); PCA rank %d optimum %.6f; wrote %s", layerwise, r.mse(),
                100 * (1 - r.mse() / layerwise), config.architecture().widths().get(0), pca, dir));
    }

    /** The steps {@code config} trains at most: an SL and an SW per epoch of each layer. */
    private static int plannedSteps(StarNetConfig config) {
        return config.architecture().depth() * config.training().maxEpochs() * 2;
    }

    /** Units of work done out of a total, told to a progress as a fraction; the total can be corrected when known. */
    private static final class Units {
        private final WorkProgress progress;
        private int total, done;

        Units(WorkProgress progress, int total) {
            this.progress = progress;
            this.total = Math.max(1, total);
            progress.done(0);
        }

        int done() { return done; }

        void add(int n) { skipTo(done + n); }

        /** Done up to {@code units} (a part that ended early, e.g. a layer that converged, counts as finished). */
        void skipTo(int units) {
            done = Math.max(done, units);
            total = Math.max(total, done);
            progress.done((double) done / total);
        }

        void total(int units) {
            total = Math.max(1, Math.max(units, done));
            progress.done((double) done / total);
        }
    }

    private static void png(starnet.figures.Figure f, Path file) throws IOException {
        starnet.figures.FigureWriter.writeFigure(f, file, starnet.model.FigureFormat.PNG, 2);
    }

}
