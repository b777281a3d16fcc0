package starnet.cli;

import starnet.data.Dataset;
import starnet.data.Datasets;
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
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.util.concurrent.Callable;
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
@Command(name = "train", sortOptions = false, mixinStandardHelpOptions = true, abbreviateSynopsis = true, description = "Trains every layer, last first, and writes the run's files into --out DIR: "
        + "metrics.jsonl, model.starnet, session.starnet (opens in the window), reconstructions.png with its .csv, config.json.")
final class TrainCommand implements Callable<Integer> {
    @ParentCommand Cli cli;
    @Mixin DataOptions data;
    @Mixin ModelOptions model;
    @Mixin RuntimeOptions runtime;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the output folder (written whole at the end)")
    String out;

    @Option(names = "--baselines", description = "also train the Adam autoencoder and fit PCA at the code width, kept in session.starnet for fig6")
    boolean baselines;

    @Option(names = "--engine", paramLabel = "local|spark", defaultValue = "local", completionCandidates = Candidates.Engines.class,
            description = "where to train: this machine, or Apache Spark (feedforward; Spark from spark-submit or bin/starnet-spark)")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "Spark: the master, e.g. local[2] or spark://host:7077 (default: spark-submit's, else local[*])")
    String master;

    @Option(names = "--partitions", paramLabel = "P", defaultValue = "0", description = "Spark: partitions of the datapoints (0 = Spark's default parallelism)")
    int partitions;

    @Option(names = "--sw-mode", paramLabel = "exact|average", defaultValue = "exact", completionCandidates = Candidates.SwModes.class,
            description = "Spark: SW sums the partitions' normal equations (exact) or averages their solutions (paper Lemma 8)")
    String swMode;

    @Option(names = "--store", paramLabel = "DIR", description = "train out of core: the images and every layer's latents in row stores in DIR, "
            + "read chunk by chunk (feedforward, SL first); chosen by itself, in a temporary folder, when the data would not fit the heap")
    String store;

    @Option(names = "--precision", paramLabel = "f32|f64", defaultValue = "f32", completionCandidates = Candidates.Precisions.class,
            description = "with a store: the values on disk as float32 (half the disk and I/O) or float64 (exactly the in-memory engine's)")
    String precision;

    @Option(names = "--shifts", paramLabel = "K", defaultValue = "1", description = "with a store: every image also shifted by up to 2 pixels, "
            + "K variants in all (1–25; 17 turns Fashion-MNIST's 60,000 images into 1,020,000)")
    int shifts;

    @Option(names = "--chunk", paramLabel = "ROWS", defaultValue = "8192", description = "with a store: datapoints per chunk read at a time")
    int chunk;

    @Override
    public Integer call() throws IOException {
        return run(cli.out, cli.err);
    }

    private starnet.store.Precision precision() {
        try {
            return starnet.store.Precision.parse(precision);
        } catch (IllegalArgumentException e) {
            throw new CliException("--precision: " + e.getMessage());
        }
    }

    private int shifts() {
        if (shifts < 1 || shifts > starnet.store.StoreData.MAX_SHIFTS) throw new CliException("--shifts expects 1 to " + starnet.store.StoreData.MAX_SHIFTS + ", got " + shifts);
        return shifts;
    }

    /** Whether this run goes through a store: asked for, augmented, or too large for the heap (then the temporary folder to use). */
    private Path storeFor(StarNetConfig config, PrintStream err) throws IOException {
        if (store != null) return Cli.outputPath("--store", store);
        if (shifts != 1) throw new CliException("--shifts needs --store DIR: a million shifted images do not fit the heap");
        long values = starnet.store.StoreData.declaredValues(config.data());
        // in memory a run needs about twice its data (the images, then latents and work), and fills the heap it is given: the
        // process then holds about the heap and 0.1 GB more. Below 2.2 × the data out of core keeps the process under 2.2 × too.
        long budget = (long) (Runtime.getRuntime().maxMemory() / 2.2);
        if (values < 0 || values * 8 <= budget) return null;
        Path tmp = Files.createTempDirectory("starnet-store");
        err.printf("the data (%,d values, %.1f GB as doubles) would take more than 45 %% of the heap (%.1f GB): training out of core from %s%n", values, values * 8 / 1e9,
                Runtime.getRuntime().maxMemory() / 1e9, tmp);
        return tmp;
    }

    int run(PrintStream out, PrintStream err) throws IOException {
        StarNetConfig config = model.config(data);
        Path dir = Cli.outputPath("--out", this.out);
        if (!engine.equals("local") && !engine.equals("spark")) throw new CliException("--engine expects local or spark, got '" + engine + "'");
        if (engine.equals("spark")) return spark(config, dir, out, err);
        Path storeDir = storeFor(config, err);
        if (storeDir != null) {
            try {
                if (chunk < 1) throw new CliException("--chunk expects at least 1 row, got " + chunk);
                if (baselines) throw new CliException("--baselines works in memory; leave it out when training from a store");
                StoreRun.train(config, storeDir, precision(), shifts(), chunk, runtime.backend(), dir, out, err);
            } finally {
                if (store == null) starnet.io.AtomicFiles.deleteTree(storeDir); // a temporary store goes, whether the run finished or not
            }
            return 0;
        }
        PhaseClock clock = new PhaseClock(err);
        CompletableFuture<LinearAlgebra> backend = runtime.backendAsync();
        Dataset ds = Datasets.load(config.data());
        RunOptions.plan(config, ds);
        clock.done("data");
        // while the native library finishes loading: the data's hash (for the session file) and Java 2D's start (for the figure)
        CompletableFuture<Void> ahead = CompletableFuture.runAsync(() -> {
            ds.contentHash(ds.size());
            starnet.figures.FigureWriter.prepare();
        });
        LinearAlgebra la = RuntimeOptions.await(backend);
        clock.done("backend");
        WorkbenchSession session = WorkbenchSession.immediate(la);
        SessionRun.configure(session, config, ds, err);
        clock.done("configure");
        try (starnet.io.StagedFolder folder = starnet.io.StagedFolder.open(dir)) {
            err.println("Backend: " + la.description() + "; data: " + ds.name() + ", " + ds.facts());
            // config.json is written on the side: loading Jackson overlaps the first solves
            CompletableFuture<Void> sideWork = CompletableFuture.runAsync(() -> {
                try {
                    starnet.io.ConfigJson.write(folder.file("config.json"), config);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            long t0 = System.nanoTime();
            try (BufferedWriter metrics = Files.newBufferedWriter(folder.file("metrics.jsonl"))) {
                java.util.function.Consumer<StepResult> log = progress(metrics, err);
                SessionListener progress = new SessionListener() {
                    @Override public void stateChanged(SessionState s) {}

                    @Override
                    public void stepDone(StepResult r) {
                        log.accept(r);
                    }
                };
                session.addListener(progress);
                SessionRun.await(session.run(starnet.session.TrainCommand.TRAIN_ALL));
                session.removeListener(progress);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            clock.done("training");
            join(sideWork);
            if (baselines) {
                err.println("Baselines: PCA at the code width and the Adam autoencoder for as many epochs as StarNet ran…");
                SessionRun.await(session.computeBaselines());
            }
            join(ahead);
            SessionFile.Session image = SessionRun.await(session.image());
            clock.done("image");
            // the solver's cores are free now: the figure and the model file are written beside the session file
            CompletableFuture<Void> figureAndModel = CompletableFuture.runAsync(() -> {
                try {
                    SessionExports.figure(image, FigureKind.FIG2, FigureOptions.defaults(), folder.file("reconstructions.png"));
                    ModelFile.write(folder.file("model.starnet"), new ModelFile.SavedModel(config, image.training().decoder(),
                            new int[] {ds.channels(), ds.height(), ds.width()}, image.training().codes()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            try {
                SessionRun.await(session.save(folder.file("session.starnet")));
            } catch (IOException | RuntimeException e) {
                figureAndModel.exceptionally(x -> null).join(); // nothing is left writing into the folder being removed
                throw e;
            }
            join(figureAndModel);
            clock.done("outputs");
            folder.commit();
            clock.done("commit");
            StepResult last = image.training().steps().get(image.training().steps().size() - 1);
            out.printf("trained %d layers in %.2f s; reconstruction MSE %.6f; wrote %s%n", image.training().decoder().depth(), seconds,
                    last.outputMse(), dir);
        }
        return 0;
    }

    /** Waits for work done on the side; its I/O failure is rethrown as it happened. */
    private static void join(CompletableFuture<Void> side) throws IOException {
        try {
            side.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException u) throw u.getCause();
            throw e;
        }
    }

    private int spark(StarNetConfig config, Path dir, PrintStream out, PrintStream err) throws IOException {
        if (!SparkRun.available()) {
            throw new CliException("--engine spark needs Apache Spark 4 on the class path: run bin/starnet-spark train … from the build, "
                    + "or spark-submit --class starnet.Launcher target/starnet.jar train … on a cluster");
        }
        starnet.spark.SparkTrainer.SwMode mode = switch (swMode) {
            case "exact" -> starnet.spark.SparkTrainer.SwMode.EXACT;
            case "average" -> starnet.spark.SparkTrainer.SwMode.AVERAGE;
            default -> throw new CliException("--sw-mode expects exact or average, got '" + swMode + "'");
        };
        if (partitions < 0) throw new CliException("--partitions must be 0 (Spark's default) or more, got " + partitions);
        LinearAlgebra la = runtime.backend();
        if (store != null) {
            if (mode != starnet.spark.SparkTrainer.SwMode.EXACT) throw new CliException("--sw-mode average reads data held by the driver; leave it at exact with --store");
            try {
                SparkRun.trainFromStore(config, Cli.outputPath("--store", store), precision(), shifts(), la, master, partitions, dir, out, err);
            } catch (IllegalArgumentException e) {
                throw new CliException(e.getMessage());
            }
            return 0;
        }
        Dataset ds = Datasets.load(config.data());
        RunOptions.plan(config, ds);
        try {
            SparkRun.train(config, ds, la, master, partitions, mode, dir, out, err);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        return 0;
    }

    /** What every training run does after a step: its summary on stderr and its line in metrics.jsonl (flushed, so a killed run keeps its steps). */
    static java.util.function.Consumer<StepResult> progress(BufferedWriter metrics, PrintStream err) {
        return r -> {
            err.println(r.summary());
            try {
                metrics.write(metricsLine(r));
                metrics.newLine();
                metrics.flush();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
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
