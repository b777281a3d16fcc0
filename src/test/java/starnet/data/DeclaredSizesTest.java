package starnet.data;

import starnet.model.DataException;
import starnet.model.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Headers are checked before anything is allocated: a few bytes that claim a huge, negative or overflowing
 * array get a plain message (no Java class names) at once, and memory follows the data actually read.
 */
class DeclaredSizesTest {
    @TempDir Path tmp;

    private Path idx(String name, int count, int rows, int cols, int imagesPresent) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(b);
        o.writeInt(0x00000803);
        o.writeInt(count);
        o.writeInt(rows);
        o.writeInt(cols);
        for (int i = 0; i < imagesPresent * rows * cols; i++) o.writeByte(i % 251);
        Path p = tmp.resolve(name + "-images-idx3-ubyte");
        Files.write(p, b.toByteArray());
        return p;
    }

    private Path npy(String name, String shape, String dtype, int payloadBytes) throws IOException {
        String dict = "{'descr': '" + dtype + "', 'fortran_order': False, 'shape': " + shape + ", }";
        int total = 10 + dict.length() + 1;
        dict = dict + " ".repeat((64 - total % 64) % 64) + "\n";
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
        b.write(dict.length() & 0xff);
        b.write(dict.length() >> 8);
        b.write(dict.getBytes(StandardCharsets.ISO_8859_1));
        b.write(new byte[payloadBytes]);
        Path p = tmp.resolve(name + ".npy");
        Files.write(p, b.toByteArray());
        return p;
    }

    private static String failure(Path p) {
        DataException e = assertThrows(DataException.class, () -> Datasets.load(p.toString(), starnet.model.Split.TRAIN, 0));
        assertFalse(e.getMessage().matches(".*(Exception|java\\.|starnet\\.).*"), "a class name reached the user: " + e.getMessage());
        return e.getMessage();
    }

    @Test
    void anIdxHeaderClaimingTwoMillionImagesIsTruncatedNotAllocated() throws IOException {
        Runtime rt = Runtime.getRuntime();
        long before = rt.totalMemory() - rt.freeMemory();
        String m = failure(idx("huge", 2_000_000, 28, 28, 3)); // trusted, 12.5 GB of doubles
        assertTrue(m.contains("truncated") && m.contains("image 3"), m);
        assertTrue(rt.totalMemory() - rt.freeMemory() - before < 256L << 20, "memory followed the three images read");
    }

    @Test
    void anIdxImageLargerThan4096SquareIsRefusedFromItsHeader() throws IOException {
        String m = failure(idx("wide", 1, 30000, 30000, 0));
        assertTrue(m.contains("30000x30000") && m.contains("4096x4096"), m);
    }

    @Test
    void negativeOrOverflowingIdxSizesSayWhatWasExpected() throws IOException {
        assertTrue(failure(idx("negative", 0x80000000, 28, 28, 0)).contains("expected a count ≥ 0"));
        String m = failure(idx("overflow", Integer.MAX_VALUE, 4096, 4096, 0));
        assertTrue(m.contains("more than one array holds") && m.contains("--limit"), m);
        m = failure(idx("billions", Integer.MAX_VALUE, 28, 28, 1));
        assertTrue(m.contains("2147483647 images of 28x28") && m.contains("--limit"), m);
    }

    @Test
    void aNonSquareIdxKeepsItsHeadersShape() throws IOException {
        Dataset d = Datasets.load(idx("wide", 3, 10, 20, 3).toString(), starnet.model.Split.TRAIN, 0);
        assertEquals(3, d.size());
        assertEquals(10, d.height());
        assertEquals(20, d.width());
        assertEquals((21 % 251) / 255.0, d.images().get(0, 21), 0.0, "row-major pixels, row 1 column 1");
    }

    @Test
    void npyShapesThatAreNotSizesAreRefusedInPlainWords() throws IOException {
        assertTrue(failure(npy("none", "(None, 784)", "<f8", 0)).contains("not a list of whole numbers"));
        assertTrue(failure(npy("negative", "(-1, 784)", "<f8", 0)).contains("out of range"));
        String m = failure(npy("overflow", "(100000, 100000, 100000)", "<f8", 0));
        assertTrue(m.contains("more than one array holds"), m);
        assertTrue(failure(npy("wraps", "(4294967296, 784)", "<f8", 0)).contains("out of range"), "a size past 2³¹ does not wrap to a small one");
    }

    @Test
    void aTinyNpyClaimingAMillionImagesIsTruncatedNotAllocated() throws IOException {
        String m = failure(npy("claims", "(1000000, 784)", "<f8", 800));
        assertTrue(m.contains("truncated") && m.contains("800 bytes follow"), m);
    }

    @Test
    void theCommandLineAnswersSuchFilesWithExitTwoAndOneLine() throws IOException {
        Path p = idx("huge", 2_000_000, 28, 28, 1);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = starnet.cli.Cli.run(new String[] {"check", "--data", p.toString()}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
        assertEquals(2, code);
        String text = err.toString(StandardCharsets.UTF_8).strip();
        assertEquals(1, text.lines().count(), text);
        assertTrue(text.startsWith("error: ") && text.contains("truncated"), text);
    }

    @Test
    void pipesAndDevicesAreRefusedBeforeTheyAreRead() throws Exception {
        String dev = failure(Path.of("/dev/zero"));
        assertTrue(dev.contains("not a regular file"), dev);
        Path fifo = tmp.resolve("data_batch_1.bin");
        Process mk = new ProcessBuilder("mkfifo", fifo.toString()).start();
        if (mk.waitFor() == 0) { // a FIFO would block a reader forever
            String m = failure(fifo);
            assertTrue(m.contains("not a regular file"), m);
        }
    }

    @Test
    void cifarStreamsItsRecordsUpToTheLimit() throws IOException {
        byte[] batch = new byte[10 * 3073];
        for (int r = 0; r < 10; r++) batch[r * 3073] = (byte) r;
        Path f = tmp.resolve("data_batch_1.bin");
        Files.write(f, batch);
        Dataset d = Datasets.load(f.toString(), starnet.model.Split.TRAIN, 3);
        assertEquals(3, d.size());
        assertEquals("bird", d.labelText(2), "records in order (label 2 is bird)");
        Files.write(f, java.util.Arrays.copyOf(batch, 3073 * 2 + 5));
        assertTrue(failure(f).contains("not a whole number of 3073-byte"));
    }

    @Test
    void anImageWhoseHeaderClaimsAHugeSizeIsRefusedBeforeDecoding() throws IOException {
        Path folder = Files.createDirectory(tmp.resolve("pngs"));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(b);
        o.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10});
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        DataOutputStream c = new DataOutputStream(chunk);
        c.writeBytes("IHDR");
        c.writeInt(30000);
        c.writeInt(30000);
        c.write(new byte[] {8, 0, 0, 0, 0});
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(chunk.toByteArray());
        o.writeInt(13);
        o.write(chunk.toByteArray());
        o.writeInt((int) crc.getValue());
        Files.write(folder.resolve("huge.png"), b.toByteArray()); // 33 bytes that decode to 900 million pixels
        String m = failure(folder);
        assertTrue(m.contains("30000x30000") && m.contains("4096x4096"), m);
    }

    @Test
    void aLimitedNpyReadsOnlyTheRowsItKeeps() throws IOException {
        // 1,000 rows declared, 10 present: with --limit 5 only the first 5 rows are read, so the missing rest does not matter
        Path p = npy("rows", "(1000, 784)", "<f8", 10 * 784 * 8);
        Dataset d = Datasets.load(p.toString(), starnet.model.Split.TRAIN, 5);
        assertEquals(5, d.size());
        assertTrue(failure(p).contains("truncated"), "without the limit the file is short");
    }

    @Test
    void aNpyHeaderClaimingGigabytesOfHeaderIsRefused() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.write(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f});
        Path p = tmp.resolve("header.npy");
        Files.write(p, b.toByteArray());
        assertTrue(failure(p).contains("header claims"), failure(p));
    }

    @Test
    void pixelsGrowAsBytesAndAreHandedOverAtTheirExactCount() {
        starnet.io.GrowingBytes g = new starnet.io.GrowingBytes(3_000_000_000L); // a header's claim: nothing near it is allocated
        byte[] row = new byte[700_000];
        for (int i = 0; i < row.length; i++) row[i] = (byte) (i % 256);
        g.add(row, 0, row.length);
        g.add(row, 10, 3); // past the first capacity: it grows
        starnet.math.PixelBytes p = g.pixels(1, 700_003);
        double[] d = p.widened().data();
        assertEquals(700_003, d.length);
        assertEquals(255 / 255.0, d[255], 0.0);
        assertEquals(10 / 255.0, d[700_000], 0.0);
        assertEquals(12 / 255.0, p.get(0, 700_002), 0.0);
        starnet.io.GrowingBytes small = new starnet.io.GrowingBytes(4);
        assertThrows(IllegalStateException.class, () -> small.add(row, 0, 5), "more pixels than declared are refused");
    }
}
