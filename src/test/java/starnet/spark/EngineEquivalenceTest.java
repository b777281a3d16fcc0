package starnet.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import starnet.data.Datasets;
import starnet.math.Matrix;
import starnet.model.ArchitectureConfig;
import starnet.model.DataSpec;
import starnet.model.Padding;
import starnet.model.SolveOrder;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;
import starnet.model.StoragePrecision;
import starnet.model.TrainingConfig;
import starnet.store.RowStore;
import starnet.store.StoreEngine;
import starnet.training.Cancellation;
import starnet.training.StarNetTrainer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every model on every engine: {feedforward 64,128; conv 4,2 k=5 u=2} × {SL first, SW first} × {exact SW, SW on 300
 * sampled datapoints, SW on 3 partitions averaged} on 1,000 MNIST digits, 2 + 2 epochs — the out-of-core engine
 * (float64 stores, chunks that do not divide N) and the Spark engine (local[2], 3 partitions) against the in-memory
 * engine: the same steps, and the final output MSE equal to one part in 10⁹.
 */
class EngineEquivalenceTest {
    static final Matrix DATA = Datasets.load("sample:mnist", starnet.model.Split.TRAIN, 1000).images();
    static JavaSparkContext sc;

    @BeforeAll
    static void start() {
        sc = new JavaSparkContext(new SparkConf().setMaster("local[2]").setAppName("starnet-equivalence").set("spark.ui.enabled", "false"));
        sc.setLogLevel("WARN");
    }

    @AfterAll
    static void stop() {
        if (sc != null) sc.close();
    }

    static Stream<Arguments> models() {
        List<Arguments> out = new ArrayList<>();
        ArchitectureConfig ff = new ArchitectureConfig(List.of(64, 128), 0.5);
        ArchitectureConfig conv = ArchitectureConfig.conv(List.of(4, 2), List.of(5), List.of(2), Padding.SAME, 0.5);
        for (ArchitectureConfig a : List.of(ff, conv)) {
            for (SolveOrder order : SolveOrder.values()) {
                for (int[] sw : new int[][] {{0, 1}, {300, 1}, {0, 3}}) {
                    TrainingConfig t = TrainingConfig.defaults().withMaxEpochs(2).withTolerance(0).withSeed(11).withOrder(order).withSwSampling(sw[0], sw[1]);
                    String name = (a.isConv() ? "conv" : "feedforward") + ", " + order.id() + ", " + (sw[0] > 0 ? "SW on 300 sampled" : sw[1] > 1 ? "SW on 3 partitions" : "exact SW");
                    out.add(Arguments.of(name, new StarNetConfig(1, new DataSpec("sample:mnist", starnet.model.Split.TRAIN, 1000), a, t)));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("models")
    void everyEngineTrainsTheInMemoryModel(String name, StarNetConfig config, @TempDir Path dir) throws IOException {
        StarNetTrainer memory = StarNetTrainer.create(config, DATA, 1, 28, 28, SparkEquivalenceTest.LA);
        List<StepResult> expected = memory.trainAll(Cancellation.NEVER);

        Path data = dir.resolve("data.bin");
        try (RowStore s = RowStore.create(data, DATA.rows(), DATA.cols(), StoragePrecision.F64)) {
            s.write(0, DATA);
        }
        StarNetTrainer store = SparkEquivalenceTest.on(config, (p, widths) -> {
            try {
                return new StoreEngine(p, RowStore.open(data), dir.resolve("work"), StoragePrecision.F64, 333, widths);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        check("out of core", expected, store.trainAll(Cancellation.NEVER));
        store.engine().close();

        StarNetTrainer spark = SparkEquivalenceTest.on(config, (p, widths) -> SparkEngine.of(sc, DATA, 3, config.training().latentPath(), widths, "auto"));
        check("Spark", expected, spark.trainAll(Cancellation.NEVER));
        spark.engine().close();
    }

    private static void check(String engine, List<StepResult> expected, List<StepResult> got) {
        assertEquals(expected.size(), got.size(), engine + ": the same schedule");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).phase(), got.get(i).phase(), engine + " step " + i);
            assertEquals(expected.get(i).method(), got.get(i).method(), engine + " step " + i + " solved the same way");
        }
        double e = expected.get(expected.size() - 1).outputMse(), g = got.get(got.size() - 1).outputMse();
        assertTrue(SparkEquivalenceTest.rel(e, g) < 1e-9, engine + ": final output MSE " + g + ", in memory " + e);
    }
}
