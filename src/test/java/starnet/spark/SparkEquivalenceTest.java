package starnet.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import starnet.data.Datasets;
import starnet.math.Backends;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.ArchitectureConfig;
import starnet.model.DataSpec;
import starnet.model.Decoder;
import starnet.model.DenseLayer;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;
import starnet.model.TrainingConfig;
import starnet.training.Cancellation;
import starnet.training.Engines;
import starnet.training.LayerSystem;
import starnet.training.StarNetTrainer;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The Spark engine in local mode against the single-machine trainer: the same model, step for step. */
class SparkEquivalenceTest {
    static final StarNetConfig CONFIG = new StarNetConfig(1, new DataSpec("sample:mnist", "train", 600),
            new ArchitectureConfig(List.of(16, 48), 0.5), TrainingConfig.defaults().withMaxEpochs(2).withTolerance(0).withSeed(3));
    static final Matrix DATA = Datasets.load("sample:mnist", "train", 600).images();
    static final LinearAlgebra LA = Backends.create("auto", 2);
    static JavaSparkContext sc;

    @BeforeAll
    static void start() {
        sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("starnet-test").set("spark.ui.enabled", "false"));
        sc.setLogLevel("WARN");
    }

    @AfterAll
    static void stop() {
        if (sc != null) sc.close();
    }

    private static double rel(double a, double b) {
        return Math.abs(a - b) / Math.max(1e-300, Math.max(Math.abs(a), Math.abs(b)));
    }

    private static double rel(Matrix a, Matrix b) {
        double num = 0, den = 0;
        for (int i = 0; i < a.data().length; i++) {
            double d = a.data()[i] - b.data()[i];
            num += d * d;
            den += b.data()[i] * b.data()[i];
        }
        return Math.sqrt(num / den);
    }

    @Test
    void theExactPathGivesTheSingleMachineModelStepForStep() {
        StarNetTrainer local = StarNetTrainer.create(CONFIG, DATA, LA);
        List<StepResult> expected = local.trainAll(Cancellation.NEVER);
        SparkTrainer.Result got = new SparkTrainer(sc, CONFIG, SparkTrainer.SwMode.EXACT, LA).train(DATA, 3, 1, 28, 28);
        assertEquals(expected.size(), got.steps().size(), "the same schedule");
        for (int i = 0; i < expected.size(); i++) {
            StepResult e = expected.get(i), g = got.steps().get(i);
            assertEquals(e.layer(), g.layer());
            assertEquals(e.epoch(), g.epoch());
            assertEquals(e.phase(), g.phase());
            assertEquals(e.layerDone(), g.layerDone());
            assertTrue(rel(e.mse(), g.mse()) < 1e-9, "step " + i + " mse " + e.mse() + " vs " + g.mse());
            assertTrue(rel(e.mae(), g.mae()) < 1e-9, "step " + i + " mae");
            assertTrue(rel(e.outputMse(), g.outputMse()) < 1e-9, "step " + i + " output mse " + e.outputMse() + " vs " + g.outputMse());
            for (int j = 0; j < e.residuals().length; j += 37) assertTrue(rel(e.residuals()[j], g.residuals()[j]) < 1e-9, "step " + i + " residual " + j);
        }
        Decoder a = local.decoder(), b = got.state().decoder();
        for (int l = 0; l < a.depth(); l++) {
            double r = rel(b.layers().get(l).affine().augmentedWeights(), a.layers().get(l).affine().augmentedWeights());
            assertTrue(r < 1e-9, "layer " + (l + 1) + " weights differ by " + r);
            double h = rel(got.state().finishedLatents()[l], local.state().finishedLatents()[l]);
            assertTrue(h < 1e-9, "layer " + (l + 1) + " latents differ by " + h);
        }
    }

    @Test
    void partitionAveragingAveragesThePartitionsOwnSolutions() {
        List<Decoder> afterSw = new ArrayList<>();
        SparkTrainer spark = new SparkTrainer(sc, CONFIG, SparkTrainer.SwMode.AVERAGE, LA);
        spark.setAfterWeights(afterSw::add);
        SparkTrainer.Result got = spark.train(DATA, 3, 1, 28, 28);
        assertTrue(got.steps().stream().allMatch(s -> Double.isFinite(s.mse()) && Double.isFinite(s.outputMse())));
        // the first SW by hand: the first SL's latents, SW on each of the three row ranges, the weights averaged
        StarNetTrainer local = StarNetTrainer.create(CONFIG, DATA, LA);
        local.stepLatents(Cancellation.NEVER);
        Matrix h = local.state().latents();
        LayerSystem system = Engines.layerSystem(CONFIG, LA);
        Matrix sum = null;
        for (int p = 0; p < 3; p++) {
            int from = 600 * p / 3, to = 600 * (p + 1) / 3;
            Matrix w = ((DenseLayer) system.solveWeights(h.rowRange(from, to), DATA.rowRange(from, to), Cancellation.NEVER).layer()).augmentedWeights();
            if (sum == null) sum = w;
            else for (int i = 0; i < w.data().length; i++) sum.data()[i] += w.data()[i];
        }
        for (int i = 0; i < sum.data().length; i++) sum.data()[i] /= 3;
        double r = rel(afterSw.get(0).layers().get(1).affine().augmentedWeights(), sum);
        assertTrue(r < 1e-9, "averaged weights differ by " + r);
    }

    @Test
    void partitionsReadTheirRowsFromAStoreAndWriteTheCodesBack(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path data = dir.resolve("data.bin"), codes = dir.resolve("codes.bin");
        try (starnet.store.RowStore s = starnet.store.RowStore.create(data, DATA.rows(), DATA.cols(), starnet.store.Precision.F64)) {
            s.write(0, DATA);
        }
        StarNetTrainer local = StarNetTrainer.create(CONFIG, DATA, LA);
        List<StepResult> expected = local.trainAll(Cancellation.NEVER);
        SparkTrainer.Result got = new SparkTrainer(sc, CONFIG, SparkTrainer.SwMode.EXACT, LA).trainFromStore(data, 1, 4, 1, 28, 28, codes,
                starnet.store.Precision.F64);
        assertEquals(expected.size(), got.steps().size());
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(rel(expected.get(i).outputMse(), got.steps().get(i).outputMse()) < 1e-9, "step " + i);
        }
        for (int l = 0; l < 2; l++) {
            double r = rel(got.state().decoder().layers().get(l).affine().augmentedWeights(), local.decoder().layers().get(l).affine().augmentedWeights());
            assertTrue(r < 1e-9, "layer " + (l + 1) + " weights differ by " + r);
        }
        try (starnet.store.RowStore c = starnet.store.RowStore.open(codes)) {
            double r = rel(c.read(0, c.rows()), local.codes());
            assertTrue(r < 1e-9, "codes written by the executors differ by " + r);
        }
    }

    @Test
    void executorsReadANpyFileInPlaceWithTheLoadersScaling(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws java.io.IOException {
        java.nio.file.Path npy = dir.resolve("digits.npy"), codes = dir.resolve("codes.bin");
        double[] scaled = DATA.data().clone();
        for (int i = 0; i < scaled.length; i++) scaled[i] *= 255; // pixel values 0–255, as many .npy files hold them
        try (var out = java.nio.file.Files.newOutputStream(npy)) {
            starnet.io.Npy.write(out, new int[] {DATA.rows(), 28, 28}, scaled);
        }
        assertEquals(255, starnet.store.NpyRows.divisor(npy));
        Matrix loaded = starnet.data.NpyLoader.load(npy, 0).images();
        StarNetTrainer local = StarNetTrainer.create(CONFIG, loaded, LA);
        List<StepResult> expected = local.trainAll(Cancellation.NEVER);
        SparkTrainer.Result got = new SparkTrainer(sc, CONFIG, SparkTrainer.SwMode.EXACT, LA).trainFromStore(npy, 255, 3, 1, 28, 28, codes,
                starnet.store.Precision.F64);
        for (int i = 0; i < expected.size(); i++) {
            assertTrue(rel(expected.get(i).outputMse(), got.steps().get(i).outputMse()) < 1e-9, "step " + i);
        }
        try (starnet.store.RowStore c = starnet.store.RowStore.open(codes)) {
            assertTrue(rel(c.read(0, c.rows()), local.codes()) < 1e-9);
        }
    }
}
