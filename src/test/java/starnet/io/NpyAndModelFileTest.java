package starnet.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starnet.Reference;
import starnet.math.Matrix;
import starnet.model.InitKind;
import starnet.model.LeakyRelu;
import starnet.model.StarNetConfig;
import starnet.training.Initializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpyAndModelFileTest {
    @TempDir Path tmp;

    @Test
    void npyRoundTripAndHeaderIsAlignedTo64Bytes() throws IOException {
        Matrix m = Reference.gaussian(3, 5, 1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Npy.write(out, m);
        byte[] b = out.toByteArray();
        int headerLen = (b[8] & 0xff) | (b[9] & 0xff) << 8;
        assertEquals(0, (10 + headerLen) % 64);
        String header = new String(b, 10, headerLen, StandardCharsets.ISO_8859_1);
        assertTrue(header.contains("'descr': '<f8'") && header.contains("'shape': (3, 5)") && header.endsWith("\n"), header);
        NpyArray a = Npy.read(new ByteArrayInputStream(b));
        assertArrayEquals(new int[] {3, 5}, a.shape());
        assertArrayEquals(m.data(), a.data());
    }

    @Test
    void fortranOrderedArraysFromNumpyAreReordered() {
        Matrix w = Reference.matrix("small_W2_final.npy"); // saved by NumPy in Fortran order (a transpose)
        assertEquals(16, w.rows());
        assertEquals(6, w.cols());
        assertArrayEquals(new double[] {1, 3, 5, 2, 4, 6}, Npy.fortranToC(new double[] {1, 2, 3, 4, 5, 6}, new int[] {2, 3}));
    }

    @Test
    void modelFileRoundTripsExactly() throws IOException {
        var d = Initializer.decoder(new int[] {4, 9, 16}, new LeakyRelu(0.3), InitKind.ORTHOGONAL, 5);
        Matrix codes = Reference.gaussian(7, 4, 2);
        Path f = tmp.resolve("m.starnet");
        ModelFile.write(f, new ModelFile.SavedModel(StarNetConfig.defaults(), d, new int[] {1, 4, 4}, codes));
        ModelFile.SavedModel back = ModelFile.read(f);
        assertEquals(0.3, back.decoder().activation().slope());
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(d.layers().get(i).affine().augmentedWeights().data(), back.decoder().layers().get(i).affine().augmentedWeights().data());
        }
        assertArrayEquals(codes.data(), back.codes().data());
        assertArrayEquals(new int[] {1, 4, 4}, back.imageShape());
        assertEquals(StarNetConfig.defaults(), back.config());
    }

    @Test
    void codesHandedOverInBlocksMakeTheSameFileAsCodesHandedOverWhole() throws IOException {
        var d = Initializer.decoder(new int[] {4, 9, 16}, new LeakyRelu(0.3), InitKind.ORTHOGONAL, 5);
        Matrix codes = Reference.gaussian(10, 4, 3);
        Path whole = tmp.resolve("whole.starnet"), blocks = tmp.resolve("blocks.starnet");
        ModelFile.write(whole, new ModelFile.SavedModel(StarNetConfig.defaults(), d, new int[] {1, 4, 4}, codes));
        starnet.math.RowBlocks inThree = new starnet.math.RowBlocks() { // rows 0–2, 3–8, 9: as a cluster's partitions come
            @Override public long rows() { return 10; }

            @Override public int cols() { return 4; }

            @Override
            public void forEach(Each each) throws IOException {
                for (int[] r : new int[][] {{0, 3}, {3, 9}, {9, 10}}) each.accept(codes.rowRange(r[0], r[1]));
            }
        };
        ModelFile.write(blocks, new ModelFile.SavedModel(StarNetConfig.defaults(), d, new int[] {1, 4, 4}, null), inThree);
        assertArrayEquals(codes.data(), ModelFile.read(blocks).codes().data());
        var a = Zips.entries(whole);
        var b = Zips.entries(blocks);
        assertArrayEquals(a.get("codes.npy"), b.get("codes.npy"), "the same bytes");
        assertEquals(a.keySet(), b.keySet());
    }

    @Test
    void corruptNewerAndForeignFilesFailPlainly() throws IOException {
        Path junk = tmp.resolve("junk.starnet");
        Files.writeString(junk, "not a zip");
        String m = assertThrows(ModelFile.ModelFileException.class, () -> ModelFile.read(junk)).getMessage();
        assertTrue(m.contains("junk.starnet") && m.contains("not a StarNet model file"), m);
        Path newer = tmp.resolve("newer.starnet");
        try (OutputStream o = Files.newOutputStream(newer); ZipOutputStream z = new ZipOutputStream(o)) {
            z.putNextEntry(new ZipEntry("manifest.json"));
            z.write("{\"kind\":\"starnet-model\",\"format\":7}".getBytes(StandardCharsets.UTF_8));
        }
        m = assertThrows(ModelFile.ModelFileException.class, () -> ModelFile.read(newer)).getMessage();
        assertTrue(m.contains("newer StarNet (format 7)"), m);
        assertTrue(assertThrows(ModelFile.ModelFileException.class, () -> ModelFile.read(tmp.resolve("none.starnet"))).getMessage().contains("no such"));
    }

    @Test
    void atomicWriteKeepsTheOldFileWhenTheWriterFails() throws IOException {
        Path f = tmp.resolve("keep.txt");
        Files.writeString(f, "old");
        assertThrows(IOException.class, () -> AtomicFiles.write(f, out -> {
            out.write("half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("disk full");
        }));
        assertEquals("old", Files.readString(f));
        try (var s = Files.list(tmp)) {
            assertEquals(1, s.count(), "no temporary file left behind");
        }
    }
}
