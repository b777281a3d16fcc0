package starnet.cli;

import starnet.data.Dataset;
import starnet.data.Datasets;
import starnet.io.Json;
import starnet.io.ModelFile;
import starnet.math.LinearAlgebra;
import starnet.model.DeterminednessReport;
import starnet.model.StarNetConfig;
import starnet.training.Cancellation;
import starnet.training.StarNetTrainer;
import starnet.training.StepResult;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code train}: trains every layer and writes DIR/metrics.jsonl, DIR/model.starnet, DIR/session.starnet
 * (openable in the window and by {@code export}), DIR/reconstructions.png and DIR/config.json; one
 * progress line per step on stderr.
 */
final class TrainCommand {
    static final int FIGURE_ITEMS = 12;

    private TrainCommand() {}

    static int run(Args a, PrintStream out, PrintStream err) throws IOException {
        StarNetConfig config = RunOptions.config(a);
        Path dir = Path.of(a.required("out", "runs/mnist"));
        // the native library loads while the data is read
        java.util.concurrent.CompletableFuture<LinearAlgebra> backend = java.util.concurrent.CompletableFuture.supplyAsync(() -> RunOptions.backend(a));
        Dataset ds = Datasets.load(config.data());
        LinearAlgebra la = RunOptions.awaitBackend(backend);
        DeterminednessReport report = DeterminednessReport.of(RunOptions.plan(config, ds), ds.size());
        if (report.hasErrors()) {
            err.print(report.text());
            throw new CliException("the configuration is not determined: " + report.firstError());
        }
        Files.createDirectories(dir);
        err.println("Backend: " + la.description() + "; data: " + ds.name() + ", " + ds.facts());
        // config.json is written on the side: loading Jackson overlaps the first solves
        java.util.concurrent.CompletableFuture<Void> sideWork = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                Files.writeString(dir.resolve("config.json"), Json.MAPPER.writeValueAsString(config));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        StarNetTrainer trainer = StarNetTrainer.create(config, ds.images(), ds.channels(), ds.height(), ds.width(), la);
        if (config.architecture().isConv()) {
            report = report.withRank(trainer.decoder(), la);
            if (report.hasErrors()) throw new CliException("the configuration is not determined: " + report.firstError());
        }
        int[] pinned = ds.representativeRows(FIGURE_ITEMS, ds.size());
        List<starnet.training.TrainingSnapshot> history = new ArrayList<>();
        history.add(trainer.snapshot(0, null, pinned));
        long t0 = System.nanoTime();
        try (BufferedWriter metrics = Files.newBufferedWriter(dir.resolve("metrics.jsonl"))) {
            trainer.setListener(r -> {
                history.add(trainer.snapshot(history.size(), r, pinned));
                err.println(r.summary());
                try {
                    metrics.write(metricsLine(r));
                    metrics.newLine();
                    metrics.flush();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            trainer.trainAll(Cancellation.NEVER);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        try {
            sideWork.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException u) throw u.getCause();
            throw e;
        }
        ModelFile.write(dir.resolve("model.starnet"), new ModelFile.SavedModel(config, trainer.decoder(),
                new int[] {ds.channels(), ds.height(), ds.width()}, trainer.codes()));
        var session = new starnet.io.SessionFile.Session(config,
                new starnet.io.SessionFile.DatasetRef(config.data().source(), config.data().split(), ds.size(), ds.channels(), ds.height(), ds.width(),
                        ds.contentHash(ds.size())), pinned, ds.images().selectRows(pinned), trainer.state(), history);
        starnet.io.SessionFile.write(dir.resolve("session.starnet"), session);
        starnet.io.SessionFigures.make("fig2", session).write(dir.resolve("reconstructions.png"), "png", 2);
        StepResult last = trainer.log().get(trainer.log().size() - 1);
        out.printf("trained %d layers in %.2f s; reconstruction MSE %.6f; wrote %s%n", trainer.decoder().depth(), seconds,
                last.outputMse(), dir);
        return 0;
    }

    /** One metrics.jsonl line, written by hand (numbers and a few plain strings). */
    static String metricsLine(StepResult r) {
        return "{\"step\":" + r.step() + ",\"layer\":" + r.layer() + ",\"epoch\":" + r.epoch()
                + ",\"phase\":\"" + r.phase().name() + "\",\"mse\":" + number(r.mse()) + ",\"mae\":" + number(r.mae())
                + ",\"elastic\":" + number(r.elastic()) + ",\"output_mse\":" + number(r.outputMse())
                + ",\"seconds\":" + number(r.seconds()) + ",\"condition\":" + number(r.condition())
                + ",\"method\":\"" + r.method().replace("\\", "\\\\").replace("\"", "\\\"") + "\",\"layer_done\":" + r.layerDone() + "}";
    }

    /** A JSON number, or null for NaN and infinities (which JSON cannot hold). */
    static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "null";
    }
}
