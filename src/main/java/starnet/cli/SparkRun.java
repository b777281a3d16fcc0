package starnet.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import starnet.data.Dataset;
import starnet.figures.FigureKind;
import starnet.figures.FigureOptions;
import starnet.io.ModelFile;
import starnet.io.SessionFile;
import starnet.io.StagedFolder;
import starnet.math.LinearAlgebra;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;
import starnet.session.SessionExports;
import starnet.session.TrainingStates;
import starnet.spark.SparkTrainer;
import starnet.training.StarNetTrainer;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code train --engine spark}: the same run on Apache Spark, writing the same files as the single-machine
 * {@code train} (metrics.jsonl, model.starnet, session.starnet — which the window opens —, reconstructions.png,
 * config.json). Spark itself comes from the cluster ({@code spark-submit}) or from {@code bin/starnet-spark}.
 */
final class SparkRun {
    private SparkRun() {}

    /** Whether Spark's classes are on the class path. */
    static boolean available() {
        try {
            Class.forName("org.apache.spark.SparkConf", false, SparkRun.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Spark's configuration for a run: the given master, else spark-submit's, else every local core. */
    private static SparkConf conf(String master) {
        if (System.getProperty("log4j2.configurationFile") == null) { // Spark's INFO lines would bury the progress; a user's own file wins
            System.setProperty("log4j2.configurationFile", "starnet-spark-log4j2.properties");
        }
        SparkConf conf = new SparkConf().setAppName("StarNet Workbench").set("spark.ui.enabled", "false");
        if (master != null) conf.setMaster(master);
        else if (!conf.contains("spark.master")) conf.setMaster("local[*]");
        return conf;
    }

    /**
     * {@code train --engine spark --store DIR}: each partition reads its own rows on its executor — from the .npy file
     * itself when the data is one (and not augmented), else from DIR/data.bin, which the driver fills first (streaming
     * IDX image by image) — so the driver never holds the images; the executors write the codes to DIR/codes.bin. DIR
     * and the data must be on a filesystem every executor reads. Writes what a store run writes (no session.starnet).
     */
    static void trainFromStore(StarNetConfig config, Path storeDir, starnet.store.Precision precision, int shifts, LinearAlgebra la, String master,
                               int partitions, Path dir, PrintStream out, PrintStream err) throws IOException {
        Path npy = config.data().source().endsWith(".npy") && shifts == 1 && config.data().limit() == 0
                ? Path.of(config.data().source()) : null;
        Path dataFile;
        double divisor = 1;
        int[] shape;
        if (npy != null) {
            Files.createDirectories(storeDir);
            divisor = starnet.store.NpyRows.divisor(npy);
            try (starnet.store.NpyRows rows = starnet.store.NpyRows.open(npy, divisor)) {
                shape = new int[] {rows.images().channels(), rows.images().height(), rows.images().width()};
                err.printf("executors read %s in place (%,d images of %dx%dx%d, divided by %s)%n", npy, rows.rows(), shape[0], shape[1], shape[2],
                        starnet.model.Numbers.plain(divisor));
            }
            dataFile = npy;
        } else {
            starnet.store.StoreData.Filled data = StoreRun.prepare(config, storeDir, precision, shifts, err);
            data.store().close();
            shape = new int[] {data.channels(), data.height(), data.width()};
            dataFile = storeDir.resolve("data.bin");
        }
        try (starnet.store.RowSource images = starnet.store.RowSource.open(dataFile, divisor); JavaSparkContext sc = new JavaSparkContext(conf(master));
             StagedFolder folder = StagedFolder.open(dir)) {
            StoreRun.check(config, shape, images.rows());
            sc.setLogLevel("WARN");
            int parts = partitions > 0 ? partitions : sc.defaultParallelism();
            err.println("Spark " + sc.version() + " (" + sc.master() + ", " + parts + " partitions reading " + dataFile + ")");
            SparkTrainer trainer = new SparkTrainer(sc, config, SparkTrainer.SwMode.EXACT, la);
            long t0 = System.nanoTime();
            SparkTrainer.Result result;
            Path codes = storeDir.resolve("codes.bin");
            try (BufferedWriter metrics = Files.newBufferedWriter(folder.file("metrics.jsonl"))) {
                trainer.setListener(TrainCommand.progress(metrics, err));
                result = trainer.trainFromStore(dataFile, divisor, parts, shape[0], shape[1], shape[2], codes, precision);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            StoreRun.writeOutputs(folder, config, result.state().decoder(), images, codes, shape, la, err);
            folder.commit();
            StepResult last = result.steps().get(result.steps().size() - 1);
            out.printf("trained %d layers on Spark in %.2f s (%,d datapoints read by the executors); reconstruction MSE %.6f; wrote %s (no session.starnet)%n",
                    result.state().decoder().depth(), seconds, images.rows(), last.outputMse(), dir);
        }
    }

    static void train(StarNetConfig config, Dataset ds, LinearAlgebra la, String master, int partitions, SparkTrainer.SwMode mode, Path dir,
                      PrintStream out, PrintStream err) throws IOException {
        SparkConf conf = conf(master);
        int n = config.data().limit() > 0 ? Math.min(config.data().limit(), ds.size()) : ds.size();
        var data = n < ds.size() ? ds.images().rowRange(0, n) : ds.images();
        try (JavaSparkContext sc = new JavaSparkContext(conf); StagedFolder folder = StagedFolder.open(dir)) {
            sc.setLogLevel("WARN");
            int parts = partitions > 0 ? partitions : sc.defaultParallelism();
            err.println("Spark " + sc.version() + " (" + sc.master() + ", " + parts + " partitions, SW " + mode.name().toLowerCase(java.util.Locale.ROOT)
                    + "); data: " + ds.name() + ", " + n + " items");
            SparkTrainer trainer = new SparkTrainer(sc, config, mode, la);
            long t0 = System.nanoTime();
            SparkTrainer.Result result;
            try (BufferedWriter metrics = Files.newBufferedWriter(folder.file("metrics.jsonl"))) {
                trainer.setListener(TrainCommand.progress(metrics, err));
                result = trainer.train(data, parts, ds.channels(), ds.height(), ds.width());
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            StarNetTrainer.State state = result.state();
            int[] shape = {ds.channels(), ds.height(), ds.width()};
            ModelFile.write(folder.file("model.starnet"), new ModelFile.SavedModel(config, state.decoder(), shape, state.finishedLatents()[0]));
            int[] pins = ds.representativeRows(12, n);
            StarNetTrainer local = StarNetTrainer.restore(config, data, la, state);
            SessionFile.Session session = new SessionFile.Session(config, new SessionFile.DatasetRef(config.data().source(), config.data().split(), n,
                    ds.channels(), ds.height(), ds.width(), ds.contentHash(n)), pins, data.selectRows(pins), TrainingStates.saved(state),
                    List.of(local.snapshot(0, result.steps().get(result.steps().size() - 1), pins)));
            SessionFile.write(folder.file("session.starnet"), session);
            SessionExports.figure(session, FigureKind.FIG2, FigureOptions.defaults(), folder.file("reconstructions.png"));
            starnet.io.ConfigJson.write(folder.file("config.json"), config);
            folder.commit();
            StepResult last = result.steps().get(result.steps().size() - 1);
            out.printf("trained %d layers on Spark in %.2f s; reconstruction MSE %.6f; wrote %s%n", state.decoder().depth(), seconds, last.outputMse(), dir);
        }
    }
}
