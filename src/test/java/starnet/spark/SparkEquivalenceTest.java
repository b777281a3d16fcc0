package starnet.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starnet.data.Datasets;
import starnet.math.Backends;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.ResidualSummary;
import starnet.model.ArchitectureConfig;
import starnet.model.DataSpec;
import starnet.model.Decoder;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;
import starnet.model.StoragePrecision;
import starnet.model.TrainingConfig;
import starnet.training.Cancellation;
import starnet.training.Engines;
import starnet.training.LayerPasses;
import starnet.training.StarNetTrainer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Spark engine in local mode against the in-memory engine: the same model, step for step, whether the driver ships the rows or the executors read them. */
class SparkEquivalenceTest {
    static final StarNetConfig CONFIG = new StarNetConfig(1, new DataSpec("sample:mnist", starnet.model.Split.TRAIN, 600),
            new ArchitectureConfig(List.of(16, 48), 0.5), TrainingConfig.defaults().withMaxEpochs(2).withTolerance(0).withSeed(3));
    static final Matrix DATA = Datasets.load("sample:mnist", starnet.model.Split.TRAIN, 600).images();
    static final LinearAlgebra LA = Backends.create("auto", 2);
    static JavaSparkContext sc;

    @BeforeAll
    static void start() {
        // one context per JVM: a window test that trained on Spark may have left its own (local[2] too) running
        sc = JavaSparkContext.fromSparkContext(org.apache.spark.SparkContext.getOrCreate(
                new SparkConf().setMaster("local[2]").setAppName("starnet-test").set("spark.ui.enabled", "false")));
        sc.setLogLevel("WARN");
    }

    @AfterAll
    static void stop() {
        if (sc != null) sc.close();
    }

    static double rel(double a, double b) {
        return Math.abs(a - b) / Math.max(1e-300, Math.max(Math.abs(a), Math.abs(b)));
    }

    static double rel(Matrix a, Matrix b) {
        return starnet.Reference.relativeError(a, b);
    }

    /** A schedule over {@code engine} for {@code config} on 28×28 grey images. */
    static StarNetTrainer on(StarNetConfig config, java.util.function.BiFunction<LayerPasses, int[], starnet.training.TrainingEngine> engine) {
        LayerPasses passes = Engines.passes(config, LA);
        Decoder initial = StarNetTrainer.initialDecoder(config, 1, 28, 28);
        return new StarNetTrainer(passes, config.training(), engine.apply(passes, StarNetTrainer.inputWidths(initial)), initial);
    }

    static void assertSameRun(StarNetTrainer expected, List<StepResult> e, StarNetTrainer actual, List<StepResult> a) {
        assertEquals(e.size(), a.size(), "the same schedule");
        for (int i = 0; i < e.size(); i++) {
            StepResult x = e.get(i), y = a.get(i);
            assertEquals(x.layer(), y.layer());
            assertEquals(x.epoch(), y.epoch());
            assertEquals(x.phase(), y.phase());
            assertEquals(x.layerDone(), y.layerDone());
            assertTrue(rel(x.mse(), y.mse()) < 1e-9, "step " + i + " mse " + x.mse() + " vs " + y.mse());
            assertTrue(rel(x.mae(), y.mae()) < 1e-9, "step " + i + " mae");
            assertTrue(rel(x.outputMse(), y.outputMse()) < 1e-9, "step " + i + " output mse " + x.outputMse() + " vs " + y.outputMse());
            assertEquals(0, y.residuals().length, "step " + i + ": no per-datapoint residuals come back to the driver");
            ResidualSummary sx = x.spread(), sy = y.spread();
            assertEquals(sx.count(), sy.count());
            assertTrue(rel(sx.sum(), sy.sum()) < 1e-9 && rel(sx.max(), sy.max()) < 1e-9, "step " + i + " residual summary " + sx + " vs " + sy);
            assertArrayEquals(sx.worst(), sy.worst(), "step " + i + " worst rows");
            long moved = 0; // a residual within rounding of a bin's edge may land in its neighbour
            for (int b = 0; b < ResidualSummary.BINS; b++) moved += Math.abs(sx.bins()[b] - sy.bins()[b]);
            assertTrue(moved <= 2, "step " + i + ": " + moved + " residuals in other bins");
        }
        for (int l = 0; l < expected.decoder().depth(); l++) {
            double r = rel(actual.decoder().layers().get(l).affine().augmentedWeights(), expected.decoder().layers().get(l).affine().augmentedWeights());
            assertTrue(r < 1e-9, "layer " + (l + 1) + " weights differ by " + r);
            double h = rel(actual.finishedLatents(l), expected.finishedLatents(l));
            assertTrue(h < 1e-9, "layer " + (l + 1) + " latents differ by " + h);
        }
    }

    /** The Spark engine reading {@code file} (values divided by {@code divisor}) in {@code partitions} trains the in-memory model of {@code images} step for step. */
    static void readingTrainsAsInMemory(JavaSparkContext sc, Matrix images, String file, double divisor, int partitions) {
        StarNetTrainer local = StarNetTrainer.create(CONFIG, images, LA);
        List<StepResult> expected = local.trainAll(Cancellation.NEVER);
        StarNetTrainer spark = on(CONFIG, (p, widths) -> SparkEngine.reading(sc, file, divisor, images.rows(), images.cols(), partitions,
                CONFIG.training().latentPath(), widths, "auto"));
        assertSameRun(local, expected, spark, spark.trainAll(Cancellation.NEVER));
        spark.engine().close();
    }

    @Test
    void rowsShippedByTheDriverTrainTheInMemoryModelStepForStep() throws IOException, java.util.concurrent.TimeoutException {
        int[] pinned = {599, 7, 0, 300, 201}; // the window's pinned items, pictured after every step
        StarNetTrainer local = StarNetTrainer.create(CONFIG, DATA, LA);
        List<starnet.model.TrainingSnapshot> pictured = new java.util.ArrayList<>();
        local.setListener(r -> pictured.add(local.snapshot(0, r, pinned)));
        List<StepResult> expected = local.trainAll(Cancellation.NEVER);
        StarNetTrainer spark = on(CONFIG, (p, widths) -> SparkEngine.of(sc, DATA, 3, CONFIG.training().latentPath(), widths, "auto"));
        spark.snapshot(0, null, pinned); // the first picture reads the rows by a job; from then on every SL brings them
        List<starnet.model.TrainingSnapshot> sparkPictured = new java.util.ArrayList<>();
        spark.setListener(r -> sparkPictured.add(spark.snapshot(0, r, pinned)));
        java.util.concurrent.atomic.AtomicInteger jobs = new java.util.concurrent.atomic.AtomicInteger();
        org.apache.spark.scheduler.SparkListener counter = new org.apache.spark.scheduler.SparkListener() {
            @Override public void onJobStart(org.apache.spark.scheduler.SparkListenerJobStart start) { jobs.incrementAndGet(); }
        };
        sc.sc().addSparkListener(counter);
        List<StepResult> actual = spark.trainAll(Cancellation.NEVER);
        sc.sc().listenerBus().waitUntilEmpty();
        sc.sc().removeSparkListener(counter);
        assertSameRun(local, expected, spark, actual);
        int epochs = CONFIG.training().maxEpochs() * CONFIG.architecture().depth();
        assertEquals(2 * epochs, jobs.get(), "two jobs an epoch: SL with the normal equations of the SW after it, then SW's fit; "
                + "the pinned items' pictures take none");
        for (int i = 0; i < expected.size(); i++) {
            var x = pictured.get(i);
            var y = sparkPictured.get(i);
            assertTrue(rel(x.current(), y.current()) < 1e-9, "step " + i + ": the pinned items as decoded now");
            for (int l = 0; l < x.afterLayer().size(); l++) {
                assertEquals(x.afterLayer().get(l) == null, y.afterLayer().get(l) == null);
                if (x.afterLayer().get(l) != null) assertTrue(rel(x.afterLayer().get(l), y.afterLayer().get(l)) < 1e-9, "step " + i + " after layer " + (l + 1));
            }
        }
        long sw = expected.stream().filter(r -> r.phase() == starnet.model.Phase.SW).count();
        assertEquals(2 + sw, ((SparkEngine) spark.engine()).layersSent(), "each layer version broadcast once: the first two and one per SW");
        assertEquals(0, rel(spark.engine().imageRows(new int[] {599, 0, 300}), DATA.selectRows(new int[] {599, 0, 300})), "rows picked across partitions");
        java.io.ByteArrayOutputStream blocks = new java.io.ByteArrayOutputStream(), whole = new java.io.ByteArrayOutputStream();
        starnet.io.Npy.write(blocks, spark.engine().finishedLatentBlocks(0)); // a partition at a time
        starnet.io.Npy.write(whole, spark.codes());
        assertArrayEquals(whole.toByteArray(), blocks.toByteArray(), "the codes in blocks are the codes");
        spark.engine().close();
    }

    @Test
    void latentsTheExecutorsWroteContinueTheRunInOtherPartitions(@TempDir Path dir) throws IOException {
        StarNetTrainer local = StarNetTrainer.create(CONFIG, DATA, LA);
        List<StepResult> expected = local.trainAll(Cancellation.NEVER);
        StarNetTrainer first = on(CONFIG, (p, widths) -> SparkEngine.of(sc, DATA, 3, CONFIG.training().latentPath(), widths, "auto"));
        first.trainLayer(Cancellation.NEVER);
        first.stepLatents(Cancellation.NEVER); // layer 1 has latents of its own now, layer 2 its finished ones
        Path latents = dir.resolve("latents");
        StarNetTrainer.State image1 = first.stateWritingLatents(latents.toString());
        first.stepWeights(Cancellation.NEVER);
        StarNetTrainer.State image2 = first.stateWritingLatents(latents.toString());
        starnet.model.LatentFiles f1 = image1.files(), f2 = image2.files();
        assertTrue(image2.latents() == null && image2.finishedLatents()[1] == null, "an image names the files and holds no latents");
        assertEquals(f1.layers().get(1), f2.layers().get(1), "a finished layer's latents are written once");
        assertEquals(f1.layers().get(0), f2.layers().get(0), "SW left the latents as they were: no job, the same folder");
        assertArrayEquals(new long[] {0, 200, 400, 600}, f2.bounds());
        first.stepLatents(Cancellation.NEVER);
        StarNetTrainer.State image3 = first.stateWritingLatents(latents.toString());
        assertTrue(!f2.layers().get(0).equals(image3.files().layers().get(0)), "new latents, a new folder");
        first.engine().imageWritten(image3.files());
        assertTrue(java.nio.file.Files.notExists(latents.resolve(f1.layers().get(0))), "an older image's current latents go once a newer image is written");
        assertTrue(java.nio.file.Files.exists(latents.resolve(f2.layers().get(1))));
        first.engine().close();
        image2 = image3;

        // the run continued by another process, whose Spark cuts the rows in four: each partition reads its rows across the files
        LayerPasses passes = Engines.passes(CONFIG, LA);
        StarNetTrainer resumed = StarNetTrainer.restore(passes, CONFIG.training(), SparkEngine.of(sc, DATA, 4, CONFIG.training().latentPath(),
                StarNetTrainer.inputWidths(image2.decoder()), "auto"), image2);
        resumed.trainAll(Cancellation.NEVER);
        assertSameRun(local, expected, resumed, resumed.log());
        StarNetTrainer.State finalImage = resumed.stateWritingLatents(latents.toString());
        assertArrayEquals(new long[] {0, 150, 300, 450, 600}, finalImage.files().bounds(), "the finished layers are written again in this run's pieces");
        assertTrue(finalImage.files().has(0) && finalImage.files().has(1));
        resumed.engine().close();
    }

    @Test
    void executorsReadTheirRowsFromAStore(@TempDir Path dir) throws IOException {
        Path data = dir.resolve("data.bin");
        try (starnet.store.RowStore s = starnet.store.RowStore.create(data, DATA.rows(), DATA.cols(), StoragePrecision.F64)) {
            s.write(0, DATA);
        }
        readingTrainsAsInMemory(sc, DATA, data.toString(), 1, 4);
    }

    @Test
    void executorsReadANpyFileInPlaceWithTheLoadersScaling(@TempDir Path dir) throws IOException {
        Path npy = dir.resolve("digits.npy");
        double[] scaled = DATA.data().clone();
        for (int i = 0; i < scaled.length; i++) scaled[i] *= 255; // pixel values 0–255, as many .npy files hold them
        try (var out = java.nio.file.Files.newOutputStream(npy)) {
            starnet.io.Npy.write(out, new int[] {DATA.rows(), 28, 28}, scaled);
        }
        assertEquals(255, starnet.store.NpyRows.divisor(npy));
        readingTrainsAsInMemory(sc, starnet.data.NpyLoader.load(npy, 0).images(), npy.toString(), 255, 3);
    }
}
