package starnet.store;

import starnet.model.StoragePrecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starnet.model.Dataset;
import starnet.data.Datasets;
import starnet.math.Backends;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.ArchitectureConfig;
import starnet.model.DenseLayer;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;
import starnet.training.Cancellation;
import starnet.training.StarNetTrainer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The out-of-core engine against the in-memory one, and the row stores themselves. */
class StoreEngineTest {
    private static final LinearAlgebra LA = Backends.create("auto", 2);
    private static final Dataset MNIST = Datasets.load("sample:mnist", starnet.model.Split.TRAIN, 1000);

    private static StarNetConfig config() {
        StarNetConfig c = StarNetConfig.defaults();
        return c.withArchitecture(c.architecture().withWidths(ArchitectureConfig.parseWidths("16,48")))
                .withTraining(c.training().withMaxEpochs(3).withTolerance(1e-3));
    }

    private static RowStore store(Path file, Matrix m, StoragePrecision p) throws IOException {
        RowStore s = RowStore.create(file, m.rows(), m.cols(), p);
        for (int from = 0; from < m.rows(); from += 333) s.write(from, m.rowRange(from, Math.min(m.rows(), from + 333)));
        return s;
    }

    private static double relDiff(Matrix a, Matrix b) {
        return starnet.Reference.relativeError(a, b);
    }

    /** A schedule over a store engine reading {@code data}, with its latents in {@code dir}. */
    private static StarNetTrainer onStore(StarNetConfig c, RowStore data, Path dir, StoragePrecision p, int chunk) throws IOException {
        var passes = starnet.training.Engines.passes(c, LA);
        var initial = StarNetTrainer.initialDecoder(c, 1, 28, 28);
        return new StarNetTrainer(passes, c.training(), new StoreEngine(passes, data, dir, p, chunk, StarNetTrainer.inputWidths(initial)), initial);
    }

    @Test
    void aFloat64StoreTrainsTheSameModelAsMemoryToOnePartInABillion(@TempDir Path dir) throws IOException {
        StarNetConfig c = config();
        StarNetTrainer memory = StarNetTrainer.create(c, MNIST.images(), LA);
        List<StepResult> expected = memory.trainAll(Cancellation.NEVER);
        StarNetTrainer stored = onStore(c, store(dir.resolve("data.bin"), MNIST.images(), StoragePrecision.F64), dir.resolve("work"), StoragePrecision.F64, 301);
        List<StepResult> got = stored.trainAll(Cancellation.NEVER);
        assertEquals(expected.size(), got.size(), "the same schedule, early stops included");
        for (int i = 0; i < expected.size(); i++) {
            StepResult e = expected.get(i), a = got.get(i);
            assertEquals(e.phase(), a.phase());
            assertEquals(e.layer(), a.layer());
            assertEquals(e.layerDone(), a.layerDone());
            assertEquals(e.mse(), a.mse(), 1e-9 * e.mse(), "step " + i + " mse");
            assertEquals(e.outputMse(), a.outputMse(), 1e-9 * e.outputMse(), "step " + i + " output mse");
        }
        for (int l = 0; l < 2; l++) {
            DenseLayer e = (DenseLayer) memory.decoder().layers().get(l), a = (DenseLayer) stored.decoder().layers().get(l);
            assertTrue(relDiff(a.augmentedWeights(), e.augmentedWeights()) < 1e-9, "layer " + (l + 1) + ": " + relDiff(a.augmentedWeights(), e.augmentedWeights()));
        }
        assertTrue(relDiff(stored.codes(), memory.codes()) < 1e-9);
        java.io.ByteArrayOutputStream blocks = new java.io.ByteArrayOutputStream(), whole = new java.io.ByteArrayOutputStream();
        starnet.io.Npy.write(blocks, stored.codeBlocks()); // a chunk at a time
        starnet.io.Npy.write(whole, stored.codes());
        assertArrayEquals(whole.toByteArray(), blocks.toByteArray(), "the codes in chunks are the codes");
        double[] last = got.get(got.size() - 1).residuals();
        assertEquals(1000, last.length);
        assertArrayEquals(expected.get(expected.size() - 1).residuals(), last, 1e-9);
        try (var files = Files.list(dir.resolve("work"))) {
            assertEquals(2, files.count(), "one latents store per finished layer: every superseded generation was deleted");
        }
        stored.engine().close();
    }

    @Test
    void anImagesLatentsAreTheStoresLinkedAndARunContinuesFromThem(@TempDir Path dir) throws IOException {
        StarNetConfig c = config().withTraining(config().training().withTolerance(0));
        StarNetTrainer memory = StarNetTrainer.create(c, MNIST.images(), LA);
        List<StepResult> expected = memory.trainAll(Cancellation.NEVER);
        RowStore data = store(dir.resolve("data.bin"), MNIST.images(), StoragePrecision.F64);
        StarNetTrainer first = onStore(c, data, dir.resolve("work"), StoragePrecision.F64, 301);
        first.trainLayer(Cancellation.NEVER);
        first.stepLatents(Cancellation.NEVER);
        Path latents = dir.resolve("latents");
        StarNetTrainer.State image1 = first.stateWritingLatents(latents.toString());
        first.stepWeights(Cancellation.NEVER);
        StarNetTrainer.State image2 = first.stateWritingLatents(latents.toString());
        starnet.model.LatentFiles f1 = image1.files(), f2 = image2.files();
        assertEquals(f1.layers().get(1), f2.layers().get(1), "a finished layer's store is placed once");
        assertEquals(f1.layers().get(0), f2.layers().get(0), "SW left the latents as they were: the image names the same folder");
        first.stepLatents(Cancellation.NEVER);
        StarNetTrainer.State image3 = first.stateWritingLatents(latents.toString());
        starnet.model.LatentFiles f3 = image3.files();
        first.engine().imageWritten(f3);
        assertTrue(Files.notExists(latents.resolve(f1.layers().get(0))), "an older image's current latents go once a newer image is written");
        assertEquals(2, (int) Files.getAttribute(Path.of(f3.file(0, 0)), "unix:nlink"), "linked to the engine's own store, not copied");
        image2 = image3;
        first.engine().close();

        StarNetTrainer resumed = StarNetTrainer.restore(starnet.training.Engines.passes(c, LA), c.training(),
                new StoreEngine(starnet.training.Engines.passes(c, LA), RowStore.open(dir.resolve("data.bin")), dir.resolve("work2"), StoragePrecision.F64, 128,
                        StarNetTrainer.inputWidths(image2.decoder())), image2);
        resumed.trainAll(Cancellation.NEVER);
        List<StepResult> got = resumed.log();
        assertEquals(expected.size(), got.size());
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i).outputMse(), got.get(i).outputMse(), 1e-9 * expected.get(i).outputMse(), "step " + i + " output mse");
        }
        assertTrue(relDiff(resumed.codes(), memory.codes()) < 1e-9);
        resumed.engine().close();
    }

    @Test
    void aNewStoreNeverWritesThroughAFileLinkedElsewhere(@TempDir Path dir) throws IOException {
        Path p = dir.resolve("latents-1.1.bin"), kept = dir.resolve("kept.store");
        Matrix rows = MNIST.images().rowRange(0, 5);
        try (RowStore s = store(p, rows, StoragePrecision.F64)) {
            s.force();
        }
        Files.createLink(kept, p); // as a run's image links a latents store
        try (RowStore again = RowStore.create(p, 5, 784, StoragePrecision.F64)) {
            again.write(0, new Matrix(5, 784));
        }
        try (RowStore k = RowStore.open(kept)) {
            assertEquals(0, relDiff(k.read(0, 5), rows), "the linked file keeps its rows");
        }
    }

    @Test
    void aCancelledSolveLeavesTheStoreAsItWas(@TempDir Path dir) throws IOException {
        StarNetConfig c = config();
        StarNetTrainer stored = onStore(c, store(dir.resolve("data.bin"), MNIST.images(), StoragePrecision.F64), dir.resolve("work"), StoragePrecision.F64, 100);
        stored.stepLatents(Cancellation.NEVER);
        var before = stored.currentLatents().copy();
        int[] calls = {0};
        assertThrows(starnet.training.CancelledException.class, () -> stored.stepLatents(() -> ++calls[0] > 4));
        assertEquals(0, relDiff(stored.currentLatents(), before), "the half-solved latents were not adopted");
        assertEquals(1, stored.log().size());
        try (var files = Files.list(dir.resolve("work"))) {
            assertEquals(1, files.count(), "the cancelled solve's partial store is gone");
        }
        stored.engine().close();
    }

    @Test
    void aFloat32StoreStaysCloseAndHalvesTheBytes(@TempDir Path dir) throws IOException {
        StarNetConfig c = config();
        double memory = StarNetTrainer.create(c, MNIST.images(), LA).trainAll(Cancellation.NEVER).stream().reduce((a, b) -> b).orElseThrow().outputMse();
        RowStore data = store(dir.resolve("data.bin"), MNIST.images(), StoragePrecision.F32);
        assertEquals(RowStore.HEADER + 1000L * 784 * 4, Files.size(dir.resolve("data.bin")));
        StarNetTrainer t = onStore(c, data, dir.resolve("work"), StoragePrecision.F32, 256);
        double stored = t.trainAll(Cancellation.NEVER).stream().reduce((a, b) -> b).orElseThrow().outputMse();
        t.engine().close();
        assertEquals(memory, stored, 1e-4 * memory, "float32 storage moves the MSE by less than 0.01%: " + memory + " vs " + stored);
    }

    @Test
    void storesCheckTheirHeaderAndTheirBounds(@TempDir Path dir) throws IOException {
        Matrix m = MNIST.images().rowRange(0, 10);
        try (RowStore s = store(dir.resolve("a.bin"), m, StoragePrecision.F64)) {
            assertEquals(0, relDiff(s.read(3, 7), m.rowRange(3, 7)));
            assertThrows(IllegalArgumentException.class, () -> s.read(8, 12));
            assertThrows(IllegalArgumentException.class, () -> s.write(0, new Matrix(1, 5)));
        }
        try (RowStore s = RowStore.open(dir.resolve("a.bin"))) {
            assertEquals(10, s.rows());
            assertEquals(784, s.cols());
            assertEquals(StoragePrecision.F64, s.precision());
        }
        Files.write(dir.resolve("b.bin"), new byte[100]);
        assertTrue(assertThrows(IOException.class, () -> RowStore.open(dir.resolve("b.bin"))).getMessage().contains("not a row store"));
        byte[] whole = Files.readAllBytes(dir.resolve("a.bin"));
        Files.write(dir.resolve("c.bin"), java.util.Arrays.copyOf(whole, whole.length - 8));
        assertTrue(assertThrows(IOException.class, () -> RowStore.open(dir.resolve("c.bin"))).getMessage().contains("damaged"));
    }

    @Test
    void npyRowsReadInPlaceWhatTheLoaderReads(@TempDir Path dir) throws IOException {
        // 5 colour images of 4×3, channels last, values 0–255: the loader turns them channels-first and divides by 255
        java.util.SplittableRandom r = new java.util.SplittableRandom(9);
        double[] v = new double[5 * 4 * 3 * 3];
        for (int i = 0; i < v.length; i++) v[i] = r.nextInt(256);
        Path npy = dir.resolve("colour.npy");
        try (var out = Files.newOutputStream(npy)) {
            starnet.io.Npy.write(out, new int[] {5, 4, 3, 3}, v);
        }
        Matrix loaded = starnet.data.NpyLoader.load(npy, 0).images();
        assertEquals(255, NpyRows.divisor(npy));
        try (NpyRows rows = NpyRows.open(npy, 255)) {
            assertEquals(5, rows.rows());
            assertEquals(36, rows.cols());
            assertEquals(0, relDiff(rows.read(1, 4), loaded.rowRange(1, 4)));
            assertThrows(IllegalArgumentException.class, () -> rows.read(3, 6));
        }
        Files.write(dir.resolve("short.npy"), java.util.Arrays.copyOf(Files.readAllBytes(npy), 200));
        assertTrue(assertThrows(IOException.class, () -> NpyRows.open(dir.resolve("short.npy"), 1)).getMessage().contains("truncated"));
    }
}
