package starnet.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starnet.model.StoragePrecision;
import starnet.store.NpyRows;
import starnet.store.ReadableAt;
import starnet.store.RowSource;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static starnet.spark.SparkEquivalenceTest.DATA;

/**
 * Data read where it lies on a real HDFS (a name node and a data node in this JVM, Hadoop's MiniDFSCluster): the
 * executors read their rows through Hadoop's FileSystem and train the in-memory model step for step.
 */
class HadoopFilesTest {
    @TempDir static Path dir;
    static MiniDFSCluster hdfs;
    static JavaSparkContext sc;
    static String base;

    @BeforeAll
    static void start() throws IOException {
        Configuration conf = new Configuration();
        conf.set(MiniDFSCluster.HDFS_MINIDFS_BASEDIR, dir.resolve("hdfs").toString());
        hdfs = new MiniDFSCluster.Builder(conf).numDataNodes(1).build();
        hdfs.waitActive();
        base = hdfs.getURI().toString();
        sc = JavaSparkContext.fromSparkContext(org.apache.spark.SparkContext.getOrCreate(
                new SparkConf().setMaster("local[2]").setAppName("starnet-test").set("spark.ui.enabled", "false")));
    }

    @AfterAll
    static void stop() {
        if (sc != null) sc.close();
        if (hdfs != null) hdfs.shutdown();
    }

    /** {@code local} copied to HDFS as {@code name}: its address. */
    static String put(Path local, String name) throws IOException {
        FileSystem fs = hdfs.getFileSystem();
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(local.toUri()), new org.apache.hadoop.fs.Path("/data/" + name));
        return base + "/data/" + name;
    }

    @Test
    void executorsReadARowStoreOnHdfs() throws IOException {
        Path data = dir.resolve("data.bin");
        try (starnet.store.RowStore s = starnet.store.RowStore.create(data, DATA.rows(), DATA.cols(), StoragePrecision.F64)) {
            s.write(0, DATA);
        }
        String address = put(data, "data.bin");
        assertTrue(address.startsWith("hdfs://"), address);
        try (RowSource r = RowSource.open(address, 1)) {
            assertEquals(0, starnet.Reference.relativeError(DATA.rowRange(590, 600), r.read(590, 600)), "rows read back through Hadoop");
        }
        SparkEquivalenceTest.readingTrainsAsInMemory(sc, DATA, address, 1, 3);
    }

    @Test
    void executorsReadANpyFileOnHdfsWithTheLoadersScaling() throws IOException {
        Path npy = dir.resolve("digits.npy");
        double[] scaled = DATA.data().clone();
        for (int i = 0; i < scaled.length; i++) scaled[i] *= 255;
        try (var out = java.nio.file.Files.newOutputStream(npy)) {
            starnet.io.Npy.write(out, new int[] {DATA.rows(), 28, 28}, scaled);
        }
        String address = put(npy, "digits.npy");
        assertEquals(255, NpyRows.divisor(ReadableAt.open(address)), "the scale found through Hadoop, as for a local file");
        SparkEquivalenceTest.readingTrainsAsInMemory(sc, starnet.data.NpyLoader.load(npy, 0).images(), address, 255, 2);
    }

    @Test
    void latentsTheExecutorsWroteOnHdfsContinueTheRun() throws IOException {
        String latents = base + "/checkpoints/run.latents";
        starnet.model.StarNetConfig config = SparkEquivalenceTest.CONFIG;
        starnet.training.StarNetTrainer local = starnet.training.StarNetTrainer.create(config, DATA, SparkEquivalenceTest.LA);
        List<starnet.model.StepResult> expected = local.trainAll(starnet.training.Cancellation.NEVER);
        starnet.training.StarNetTrainer first = SparkEquivalenceTest.on(config,
                (p, widths) -> SparkEngine.of(sc, DATA, 3, config.training().latentPath(), widths, "auto"));
        first.trainLayer(starnet.training.Cancellation.NEVER);
        first.stepLatents(starnet.training.Cancellation.NEVER);
        starnet.training.StarNetTrainer.State image = first.stateWritingLatents(latents);
        first.engine().close();
        FileSystem fs = hdfs.getFileSystem();
        for (int l = 0; l < 2; l++) {
            assertEquals(3, fs.listStatus(new org.apache.hadoop.fs.Path(image.files().folder(image.files().layers().get(l)))).length,
                    "layer " + (l + 1) + ": a file per partition");
        }
        starnet.training.StarNetTrainer resumed = starnet.training.StarNetTrainer.restore(starnet.training.Engines.passes(config, SparkEquivalenceTest.LA),
                config.training(), SparkEngine.of(sc, DATA, 2, config.training().latentPath(), starnet.training.StarNetTrainer.inputWidths(image.decoder()),
                        "auto"), image);
        resumed.trainAll(starnet.training.Cancellation.NEVER);
        SparkEquivalenceTest.assertSameRun(local, expected, resumed, resumed.log());
        resumed.engine().close();
        starnet.store.Locations.deleteTree(latents);
        assertFalse(fs.exists(new org.apache.hadoop.fs.Path(latents)), "a finished run's latent files are removed from HDFS");
    }

    @Test
    void aStoreAndCheckpointsAtAnHdfsAddressAreWrittenOnceAndReadThere() throws Exception {
        String store = base + "/run-stores/mnist600", checkpoints = base + "/checkpoints-cli";
        double[] mse = new double[2];
        for (int i = 0; i < 2; i++) {
            List<String> args = List.of("train", "--engine", "spark", "--master", "local[2]", "--data", "sample:mnist", "--limit", "600", "--widths", "16,48",
                    "--epochs", "2", "--tol", "0", "--store", store, "--checkpoint-dir", checkpoints, "--out", dir.resolve("storerun" + i).toString());
            List<String> jvm = new java.util.ArrayList<>(List.of("-Xmx1g"));
            jvm.addAll(starnet.testing.ChildJvm.sparkOpens());
            try (starnet.testing.ChildJvm child = starnet.testing.ChildJvm.start(starnet.testing.ChildJvm.command(jvm, starnet.Launcher.class, args))) {
                assertEquals(0, child.awaitExit(java.time.Duration.ofMinutes(3)), child.log());
                String said = i == 0 ? "store: 600 rows written to " + store + "/data.bin" : "store: reusing " + store + "/data.bin (600 rows of this very data";
                assertTrue(child.log().contains(said), child.log());
            }
            List<String> lines = java.nio.file.Files.readAllLines(dir.resolve("storerun" + i).resolve("metrics.jsonl"));
            mse[i] = starnet.io.Json.MAPPER.readTree(lines.get(lines.size() - 1)).get("output_mse").asDouble();
        }
        assertEquals(mse[0], mse[1], 1e-12 * mse[0], "the store read back trains to the same numbers");
        FileSystem fs = hdfs.getFileSystem();
        assertTrue(fs.exists(new org.apache.hadoop.fs.Path(store + "/store.json")));
        org.apache.hadoop.fs.FileStatus[] runs = fs.listStatus(new org.apache.hadoop.fs.Path(checkpoints));
        assertEquals(2, runs.length, "a folder of latents per run");
        for (org.apache.hadoop.fs.FileStatus run : runs) {
            List<String> kept = java.util.Arrays.stream(fs.listStatus(run.getPath())).map(f -> f.getPath().getName().replaceAll("-final-.*", "-final")).sorted()
                    .toList();
            assertEquals(List.of("layer1-final", "layer2-final"), kept, "a finished run keeps its layers' final latents, and no image's");
        }
        // the solver inspector reads the finished run's latents where the executors wrote them: the run's own system, orthogonal residual
        List<String> jvm = new java.util.ArrayList<>(List.of("-Xmx1g"));
        jvm.addAll(starnet.testing.ChildJvm.sparkOpens());
        try (starnet.testing.ChildJvm child = starnet.testing.ChildJvm.start(starnet.testing.ChildJvm.command(jvm, starnet.Launcher.class,
                List.of("inspect", "--session", dir.resolve("storerun0").resolve("session.starnet").toString())))) {
            assertEquals(0, child.awaitExit(java.time.Duration.ofMinutes(3)), child.log());
            assertTrue(child.log().contains("System: 600 equations × 17 unknowns") && child.log().contains("as a least-squares solution must be"), child.log());
        }
        java.io.ByteArrayOutputStream err = new java.io.ByteArrayOutputStream();
        int code = starnet.cli.Cli.run(new String[] {"train", "--engine", "store", "--store", store, "--data", "sample:mnist", "--out", dir.resolve("x").toString()},
                new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(2, code);
        assertTrue(err.toString(java.nio.charset.StandardCharsets.UTF_8).contains("out of core the store is a folder on this machine"), err.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void trainOnSparkReadsAnHdfsAddressGivenAsItsDataAndEndsWithTheLocalFilesNumbers() throws Exception {
        Path npy = dir.resolve("cli.npy");
        try (var out = java.nio.file.Files.newOutputStream(npy)) {
            starnet.io.Npy.write(out, new int[] {DATA.rows(), 28, 28}, DATA.data());
        }
        String address = put(npy, "cli.npy");
        List<String> model = List.of("train", "--engine", "spark", "--master", "local[2]", "--widths", "16,48", "--epochs", "2", "--tol", "0");
        double[] mse = new double[2];
        String[] data = {address, npy.toString()};
        for (int i = 0; i < 2; i++) {
            List<String> args = new java.util.ArrayList<>(model);
            args.addAll(List.of("--data", data[i], "--out", dir.resolve("run" + i).toString()));
            List<String> jvm = new java.util.ArrayList<>(List.of("-Xmx1g"));
            jvm.addAll(starnet.testing.ChildJvm.sparkOpens());
            try (starnet.testing.ChildJvm child = starnet.testing.ChildJvm.start(starnet.testing.ChildJvm.command(jvm, starnet.Launcher.class, args))) {
                assertEquals(0, child.awaitExit(java.time.Duration.ofMinutes(3)), child.log());
                if (i == 0) assertTrue(child.log().contains("the executors read " + address + " where it lies (600 images)"), child.log());
            }
            List<String> lines = java.nio.file.Files.readAllLines(dir.resolve("run" + i).resolve("metrics.jsonl"));
            mse[i] = starnet.io.Json.MAPPER.readTree(lines.get(lines.size() - 1)).get("output_mse").asDouble();
        }
        assertEquals(mse[1], mse[0], 1e-9 * mse[1], "the same run from HDFS as from the local file");
    }

    @Test
    void aStoreWrittenOnHdfsIsReadInPlaceByTheExecutors() throws IOException {
        String address = base + "/stores/mnist600.store";
        List<Double> fractions = new java.util.ArrayList<>();
        var written = starnet.session.DataJobs.writeStore(new starnet.model.DataSpec("sample:mnist", starnet.model.Split.TRAIN, 600), 1,
                StoragePrecision.F64, address, new starnet.model.WorkProgress() {
                    @Override public void note(String line) {}

                    @Override public void done(double fraction) { fractions.add(fraction); }
                });
        assertEquals(600, written.rows());
        assertEquals(784, written.cols());
        assertEquals(1.0, fractions.get(fractions.size() - 1), "the bar ends full");
        FileSystem fs = hdfs.getFileSystem();
        assertEquals(written.bytes(), fs.getFileStatus(new org.apache.hadoop.fs.Path("/stores/mnist600.store")).getLen());
        assertEquals(1, fs.listStatus(new org.apache.hadoop.fs.Path("/stores")).length, "no partial file is left beside it");
        SparkEquivalenceTest.readingTrainsAsInMemory(sc, DATA, address, 1, 3);
    }

    @Test
    void aStoreThatCannotBeWrittenIsSaidPlainlyAndLeavesNothing() {
        String refused = assertThrows(IOException.class, () -> starnet.session.DataJobs.writeStore(
                new starnet.model.DataSpec("sample:mnist", starnet.model.Split.TRAIN, 50), 1, StoragePrecision.F32, "hdfs://127.0.0.1:9/x.store",
                starnet.model.WorkProgress.NONE)).getMessage();
        assertTrue(refused.startsWith("hdfs://127.0.0.1:9/x.store: nothing answers at 127.0.0.1:9"), refused);
        assertFalse(refused.matches("(?s).*(Exception|java\\.|org\\.apache|\\n).*"), refused);
    }

    @Test
    void aMissingFileAndAServerThatDoesNotAnswerAreSaidPlainly() {
        String missing = assertThrows(IOException.class, () -> ReadableAt.open(base + "/data/nothing.npy")).getMessage();
        assertEquals(base + "/data/nothing.npy: no such file", missing);
        String refused = assertThrows(IOException.class, () -> ReadableAt.open("hdfs://127.0.0.1:9/data/x.npy")).getMessage();
        assertTrue(refused.startsWith("hdfs://127.0.0.1:9/data/x.npy: nothing answers at 127.0.0.1:9"), refused);
        String unknown = assertThrows(IOException.class, () -> ReadableAt.open("nosuchfs://host/x.npy")).getMessage();
        assertTrue(unknown.contains("no file system for nosuchfs://"), unknown);
        for (String m : List.of(missing, refused, unknown)) assertFalse(m.matches("(?s).*(Exception|java\\.|org\\.apache|\\n).*"), m);
    }
}
