package starnet.cli;

import starnet.data.Dataset;
import starnet.data.Datasets;
import starnet.io.Json;
import starnet.io.ModelFile;
import starnet.io.SessionFile;
import starnet.math.LinearAlgebra;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;
import starnet.figures.FigureKind;
import starnet.figures.FigureOptions;
import starnet.session.SessionExports;
import starnet.session.SessionListener;
import starnet.session.SessionState;
import starnet.session.WorkbenchSession;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * {@code train}: trains every layer through a workbench session and writes DIR/metrics.jsonl,
 * DIR/model.starnet, DIR/session.starnet (openable in the window and by {@code export}),
 * DIR/reconstructions.png and DIR/config.json; one progress line per step on stderr.
 */
final class TrainCommand {
    private TrainCommand() {}

    static int run(Args a, PrintStream out, PrintStream err) throws IOException {
        StarNetConfig config = RunOptions.config(a);
        Path dir = Path.of(a.required("out", "runs/mnist"));
        // the native library loads while the data is read
        CompletableFuture<LinearAlgebra> backend = CompletableFuture.supplyAsync(() -> RunOptions.backend(a));
        Dataset ds = Datasets.load(config.data());
        RunOptions.plan(config, ds);
        LinearAlgebra la = RunOptions.awaitBackend(backend);
        WorkbenchSession session = WorkbenchSession.immediate(la);
        SessionRun.configure(session, config, ds, err);
        try (starnet.io.StagedFolder folder = starnet.io.StagedFolder.open(dir)) {
            err.println("Backend: " + la.description() + "; data: " + ds.name() + ", " + ds.facts());
            // config.json is written on the side: loading Jackson overlaps the first solves
            CompletableFuture<Void> sideWork = CompletableFuture.runAsync(() -> {
                try {
                    byte[] json = Json.MAPPER.writeValueAsBytes(config);
                    starnet.io.AtomicFiles.write(folder.file("config.json"), o -> o.write(json));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            long t0 = System.nanoTime();
            try (BufferedWriter metrics = Files.newBufferedWriter(folder.file("metrics.jsonl"))) {
                SessionListener progress = new SessionListener() {
                    @Override public void stateChanged(SessionState s) {}

                    @Override
                    public void stepDone(StepResult r) {
                        err.println(r.summary());
                        try {
                            metrics.write(metricsLine(r));
                            metrics.newLine();
                            metrics.flush();
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                };
                session.addListener(progress);
                SessionRun.await(session.run(starnet.session.TrainCommand.TRAIN_ALL));
                session.removeListener(progress);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            try {
                sideWork.join();
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof UncheckedIOException u) throw u.getCause();
                throw e;
            }
            SessionFile.Session image = SessionRun.await(session.image());
            ModelFile.write(folder.file("model.starnet"), new ModelFile.SavedModel(config, image.training().decoder(),
                    new int[] {ds.channels(), ds.height(), ds.width()}, image.training().codes()));
            SessionRun.await(session.save(folder.file("session.starnet")));
            SessionExports.figure(image, FigureKind.FIG2, FigureOptions.defaults(), folder.file("reconstructions.png"));
            folder.commit();
            StepResult last = image.training().steps().get(image.training().steps().size() - 1);
            out.printf("trained %d layers in %.2f s; reconstruction MSE %.6f; wrote %s%n", image.training().decoder().depth(), seconds,
                    last.outputMse(), dir);
        }
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
