package starnet.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import starnet.data.Dataset;
import starnet.figures.FigureKind;
import starnet.figures.FigureOptions;
import starnet.io.AtomicFiles;
import starnet.io.Json;
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
     * {@code train --engine spark --store DIR}: the driver streams the data into DIR/data.bin (DIR on a filesystem every
     * executor reads), each partition reads its own rows there, and the executors write the codes to DIR/codes.bin.
     * Writes what a store run writes (no session.starnet).
     */
    static void trainFromStore(StarNetConfig config, Path storeDir, starnet.store.Precision precision, int shifts, LinearAlgebra la, String master,
                               int partitions, Path dir, PrintStream out, PrintStream err) throws IOException {
        starnet.store.StoreData.Filled data = StoreRun.prepare(config, storeDir, precision, shifts, err);
        try (starnet.store.RowStore images = data.store(); JavaSparkContext sc = new JavaSparkContext(conf(master)); StagedFolder folder = StagedFolder.open(dir)) {
            sc.setLogLevel("WARN");
            int parts = partitions > 0 ? partitions : sc.defaultParallelism();
            err.println("Spark " + sc.version() + " (" + sc.master() + ", " + parts + " partitions reading " + storeDir.resolve("data.bin") + ")");
            SparkTrainer trainer = new SparkTrainer(sc, config, SparkTrainer.SwMode.EXACT, la);
            long t0 = System.nanoTime();
            SparkTrainer.Result result;
            Path codes = storeDir.resolve("codes.bin");
            try (BufferedWriter metrics = Files.newBufferedWriter(folder.file("metrics.jsonl"))) {
                trainer.setListener(TrainCommand.progress(metrics, err));
                result = trainer.trainFromStore(storeDir.resolve("data.bin"), parts, data.channels(), data.height(), data.width(), codes);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            StoreRun.writeOutputs(folder, config, result.state().decoder(), images, codes, new int[] {data.channels(), data.height(), data.width()}, la, err);
            folder.commit();
            StepResult last = result.steps().get(result.steps().size() - 1);
            out.printf("trained %d layers on Spark from the store in %.2f s (%,d datapoints); reconstruction MSE %.6f; wrote %s (no session.starnet)%n",
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
            byte[] json = Json.MAPPER.writeValueAsBytes(config);
            AtomicFiles.write(folder.file("config.json"), o -> o.write(json));
            folder.commit();
            StepResult last = result.steps().get(result.steps().size() - 1);
            out.printf("trained %d layers on Spark in %.2f s; reconstruction MSE %.6f; wrote %s%n", state.decoder().depth(), seconds, last.outputMse(), dir);
        }
    }
}
