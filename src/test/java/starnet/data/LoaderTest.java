package starnet.data;

import starnet.model.DataException;
import starnet.model.Dataset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starnet.io.Npy;
import starnet.model.CsvLayout;
import starnet.model.DataSpec;
import starnet.model.LabelColumn;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.types.MatlabType;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every loader on real (or faithfully made) files, and on each kind of broken file. */
class LoaderTest {
    @TempDir Path tmp;

    private static String error(Runnable r) {
        return assertThrows(DataException.class, r::run).getMessage();
    }

    // ---------- IDX ----------

    @Test
    void samplesLoadWithLabelsAndPixelsInUnitRange() {
        Dataset d = Datasets.load("sample:mnist", starnet.model.Split.TRAIN, 0);
        assertEquals(8000, d.size());
        assertEquals(784, d.pixels());
        assertEquals(28, d.height());
        double max = Arrays.stream(d.images().data()).max().orElseThrow();
        double min = Arrays.stream(d.images().data()).min().orElseThrow();
        assertEquals(1.0, max, 1e-12);
        assertEquals(0.0, min, 1e-12);
        assertEquals(2000, Datasets.load("sample:mnist", starnet.model.Split.TEST, 0).size());
        Dataset f = Datasets.load("sample:fashion-mnist", starnet.model.Split.TRAIN, 100);
        assertEquals(100, f.size());
        assertTrue(f.classNames().contains("Ankle boot"));
        assertTrue(error(() -> Datasets.load("sample:cifar", starnet.model.Split.TRAIN, 0)).contains("expected one of sample:mnist"));
    }

    private Path copySample(String name) throws IOException {
        Path dir = tmp.resolve("idx");
        Files.createDirectories(dir);
        Path target = dir.resolve(name);
        try (InputStream in = Files.newInputStream(Path.of("samples/mnist", name))) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    private static byte[] gunzip(Path p) throws IOException {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(p))) {
            return in.readAllBytes();
        }
    }

    @Test
    void idxLoadsGzippedAndRawFilesAndFolders() throws IOException {
        Path gz = copySample("t10k-images-idx3-ubyte.gz");
        copySample("t10k-labels-idx1-ubyte.gz");
        Dataset a = Datasets.load(gz.toString(), starnet.model.Split.TRAIN, 0);
        assertEquals(2000, a.size());
        assertEquals(2000, a.labels().length);
        Path raw = tmp.resolve("raw-images-idx3-ubyte");
        Files.write(raw, gunzip(gz));
        Dataset b = Datasets.load(raw.toString(), starnet.model.Split.TRAIN, 0);
        assertArrayEquals(a.images().data(), b.images().data());
        assertNull(b.labels());
        Dataset c = Datasets.load(gz.getParent().toString(), starnet.model.Split.TEST, 10);
        assertEquals(10, c.size());
        assertArrayEquals(Arrays.copyOf(a.labels(), 10), c.labels());
    }

    @Test
    void idxWrongMagicTruncationAndCountMismatchAreNamed() throws IOException {
        Path gz = copySample("t10k-images-idx3-ubyte.gz");
        byte[] raw = gunzip(gz);
        Path labels = copySample("t10k-labels-idx1-ubyte.gz");

        Path wrong = tmp.resolve("wrong-images-idx3-ubyte");
        byte[] w = raw.clone();
        w[3] = 0x01;
        Files.write(wrong, w);
        String m = error(() -> Datasets.load(wrong.toString(), starnet.model.Split.TRAIN, 0));
        assertTrue(m.contains("wrong-images-idx3-ubyte") && m.contains("magic number 0x00000801") && m.contains("expected 0x00000803"), m);

        Path cut = tmp.resolve("cut-images-idx3-ubyte");
        Files.write(cut, Arrays.copyOf(raw, 16 + 784 * 10 + 5));
        m = error(() -> Datasets.load(cut.toString(), starnet.model.Split.TRAIN, 0));
        assertTrue(m.contains("cut-images-idx3-ubyte") && m.contains("truncated") && m.contains("2000 images"), m);

        Path header = tmp.resolve("head-images-idx3-ubyte");
        Files.write(header, Arrays.copyOf(raw, 9));
        assertTrue(error(() -> Datasets.load(header.toString(), starnet.model.Split.TRAIN, 0)).contains("header"));

        Path dir = tmp.resolve("mismatch");
        Files.createDirectories(dir);
        Files.write(dir.resolve("train-images-idx3-ubyte"), raw);
        byte[] l = gunzip(labels);
        ByteBuffer.wrap(l).putInt(4, 1999);
        Files.write(dir.resolve("train-labels-idx1-ubyte"), Arrays.copyOf(l, 8 + 1999));
        m = error(() -> Datasets.load(dir.toString(), starnet.model.Split.TRAIN, 0));
        assertTrue(m.contains("1999 labels") && m.contains("2000"), m);
    }

    // ---------- CIFAR ----------

    private Path cifarFile(String name, int records, int labelBytes) throws IOException {
        byte[] b = new byte[records * (3072 + labelBytes)];
        for (int r = 0; r < records; r++) {
            int off = r * (3072 + labelBytes);
            b[off + labelBytes - 1] = (byte) (r % 10);
            for (int j = 0; j < 3072; j++) b[off + labelBytes + j] = (byte) ((j / 1024) * 100 + r); // planes R, G, B
        }
        Path p = tmp.resolve(name);
        Files.write(p, b);
        return p;
    }

    @Test
    void cifarBatchesLoadAsColourWithPlanesInOrder() throws IOException {
        Path dir = tmp.resolve("cifar-10-batches-bin");
        Files.createDirectories(dir);
        Files.move(cifarFile("data_batch_1.bin", 3, 1), dir.resolve("data_batch_1.bin"));
        Files.move(cifarFile("test_batch.bin", 2, 1), dir.resolve("test_batch.bin"));
        Dataset d = Datasets.load(dir.toString(), starnet.model.Split.TRAIN, 0);
        assertEquals(3, d.size());
        assertEquals(3, d.channels());
        assertEquals(32, d.width());
        assertArrayEquals(new int[] {0, 1, 2}, d.labels());
        assertEquals(1 / 255.0, d.images().get(1, 0), 1e-12);         // red plane of record 1
        assertEquals(101 / 255.0, d.images().get(1, 1024), 1e-12);    // green
        assertEquals("automobile", d.labelText(1));
        assertEquals(2, Datasets.load(dir.toString(), starnet.model.Split.TEST, 0).size());
        Dataset c100 = Datasets.load(cifarFile("train.bin", 4, 2).toString(), starnet.model.Split.TRAIN, 0);
        assertEquals(4, c100.size());
    }

    @Test
    void cifarWithAPartialRecordIsRefused() throws IOException {
        Path p = cifarFile("data_batch_9.bin", 2, 1);
        Files.write(p, Arrays.copyOf(Files.readAllBytes(p), 3073 + 100));
        String m = error(() -> Datasets.load(p.toString(), starnet.model.Split.TRAIN, 0));
        assertTrue(m.contains("data_batch_9.bin") && m.contains("not a whole number"), m);
    }

    // ---------- SVHN .mat ----------

    @Test
    void svhnMatFileLoadsWithDigitZeroAsLabelTen() throws IOException {
        int n = 3;
        var x = Mat5.newMatrix(new int[] {32, 32, 3, n}, MatlabType.UInt8);
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) x.setByte(new int[] {5, 7, c, i}, (byte) (10 * c + i + 1)); // row 5, column 7
        }
        var y = Mat5.newMatrix(n, 1);
        y.setDouble(0, 10);
        y.setDouble(1, 1);
        y.setDouble(2, 9);
        Path p = tmp.resolve("train_32x32.mat");
        Mat5.writeToFile(Mat5.newMatFile().addArray("X", x).addArray("y", y), p.toFile());
        Dataset d = Datasets.load(p.toString(), starnet.model.Split.TRAIN, 0);
        assertEquals(3, d.channels());
        assertArrayEquals(new int[] {0, 1, 9}, d.labels());
        assertEquals((10 * 2 + 1 + 1) / 255.0, d.images().get(1, (2 * 32 + 5) * 32 + 7), 1e-12);
    }

    @Test
    void matV73AndGarbageAreRefusedPlainly() throws IOException {
        byte[] head = new byte[512];
        byte[] text = "MATLAB 7.3 MAT-file, Platform: GLNXA64, Created on: Mon Jan  1 00:00:00 2024 HDF5 schema 1.00 .".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, head, 0, text.length);
        head[124] = 0x00;
        head[125] = 0x02;
        head[126] = 'I';
        head[127] = 'M';
        Path v73 = tmp.resolve("test_32x32.mat");
        Files.write(v73, head);
        String m = error(() -> Datasets.load(v73.toString(), starnet.model.Split.TRAIN, 0));
        assertTrue(m.contains("test_32x32.mat") && (m.contains("7.3") || m.contains("level-5")), m);
        Path junk = tmp.resolve("junk.mat");
        Files.writeString(junk, "hello");
        assertTrue(error(() -> Datasets.load(junk.toString(), starnet.model.Split.TRAIN, 0)).contains("junk.mat"));
    }

    // ---------- image folders ----------

    private static void png(Path p, int w, int h, int rgb) throws IOException {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) img.setRGB(x, y, x == 1 && y == 0 ? rgb : 0);
        Files.createDirectories(p.getParent());
        ImageIO.write(img, "png", p.toFile());
    }

    @Test
    void imageFolderWithClassSubfolders() throws IOException {
        Path root = tmp.resolve("shapes");
        png(root.resolve("cats/a.png"), 4, 3, 0x808080);
        png(root.resolve("cats/b.png"), 4, 3, 0x404040);
        png(root.resolve("dogs/c.png"), 4, 3, 0xffffff);
        Dataset d = Datasets.load(root.toString(), starnet.model.Split.TRAIN, 0);
        assertEquals(3, d.size());
        assertEquals(1, d.channels());
        assertEquals(3, d.height());
        assertEquals(4, d.width());
        assertArrayEquals(new int[] {0, 0, 1}, d.labels());
        assertEquals("dogs", d.labelText(2));
        assertEquals(128 / 255.0, d.images().get(0, 1), 1e-12);
        png(root.resolve("dogs/colour.png"), 4, 3, 0xff0000);
        Dataset colour = Datasets.load(root.toString(), starnet.model.Split.TRAIN, 0);
        assertEquals(3, colour.channels());
        assertEquals(1.0, colour.images().get(3, 1), 1e-12);
        assertEquals(0.0, colour.images().get(3, 12 + 1), 1e-12);
    }

    @Test
    void imagesOfDifferentSizesAreRefused() throws IOException {
        Path root = tmp.resolve("mixed");
        png(root.resolve("a.png"), 4, 4, 0);
        png(root.resolve("b.png"), 5, 4, 0);
        String m = error(() -> Datasets.load(root.toString(), starnet.model.Split.TRAIN, 0));
        assertTrue(m.contains("b.png") && m.contains("5x4") && m.contains("4x4") && m.contains("same size"), m);
        Path empty = tmp.resolve("empty");
        Files.createDirectories(empty);
        assertTrue(error(() -> Datasets.load(empty.toString(), starnet.model.Split.TRAIN, 0)).contains("no .png or .jpg"));
    }

    // ---------- CSV ----------

    @Test
    void csvWithAndWithoutHeader() throws IOException {
        Path p = tmp.resolve("digits.csv");
        StringBuilder sb = new StringBuilder("label");
        for (int i = 0; i < 4; i++) sb.append(",p").append(i);
        sb.append("\n3,0,255,0,51\n7,255,255,0,0\n");
        Files.writeString(p, sb.toString());
        Dataset d = Datasets.load(p.toString(), starnet.model.Split.TRAIN, 0);
        assertEquals(2, d.size());
        assertEquals(2, d.width());
        assertArrayEquals(new int[] {3, 7}, d.labels());
        assertEquals(0.2, d.images().get(0, 3), 1e-12);
        Path noHeader = tmp.resolve("plain.csv");
        Files.writeString(noHeader, "1,0.5,0.25\n");
        assertEquals(0.25, Datasets.load(noHeader.toString(), starnet.model.Split.TRAIN, 0).images().get(0, 1), 1e-12);
    }

    @Test
    void csvFromSpreadsheetsQuotedWithBomAndCrlf() throws IOException {
        Path p = tmp.resolve("excel.csv");
        byte[] body = "\"label\",\"p0\",\"p1\",\"p2\",\"p3\"\r\n\"4\", 0 ,\"255\",0,102\r\n\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[body.length + 3];
        withBom[0] = (byte) 0xEF; withBom[1] = (byte) 0xBB; withBom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, withBom, 3, body.length);
        Files.write(p, withBom);
        Dataset d = Datasets.load(p.toString(), starnet.model.Split.TRAIN, 0);
        assertEquals(1, d.size());
        assertArrayEquals(new int[] {4}, d.labels());
        assertEquals(1.0, d.images().get(0, 1), 1e-12);
        assertEquals(0.4, d.images().get(0, 3), 1e-12);
        Path utf16 = tmp.resolve("unicode.csv");
        byte[] text = "label,a,b,c,d\n2,0,0.5,0,1\n".getBytes(StandardCharsets.UTF_16LE);
        byte[] marked = new byte[text.length + 2];
        marked[0] = (byte) 0xFF; marked[1] = (byte) 0xFE;
        System.arraycopy(text, 0, marked, 2, text.length);
        Files.write(utf16, marked);
        assertEquals(0.5, Datasets.load(utf16.toString(), starnet.model.Split.TRAIN, 0).images().get(0, 1), 1e-12);
    }

    @Test
    void csvLabelColumnNamedInTheHeaderMayBeLast() throws IOException {
        Path p = tmp.resolve("last.csv");
        Files.writeString(p, "p0,p1,p2,p3,Class\n0,0.25,0.5,1,9\n1,1,1,1,3\n");
        Dataset d = Datasets.load(p.toString(), starnet.model.Split.TRAIN, 1);
        assertArrayEquals(new int[] {9}, d.labels());
        assertArrayEquals(new double[] {0, 0.25, 0.5, 1}, d.images().row(0), 1e-12);
    }

    @Test
    void csvLayoutSaysWhereTheLabelIsTheShapeAndTheScale() throws IOException {
        // the UCI optical digits layout: 8×8 pixels with values 0-16, the class last, no header
        Path p = tmp.resolve("optdigits.csv");
        StringBuilder sb = new StringBuilder();
        for (int row = 0; row < 3; row++) {
            for (int j = 0; j < 64; j++) sb.append((row + j) % 17).append(',');
            sb.append(row + 4).append('\n');
        }
        Files.writeString(p, sb.toString());
        Dataset d = Datasets.load(new DataSpec(p.toString(), starnet.model.Split.TRAIN, 0, new CsvLayout(LabelColumn.LAST, List.of(8, 8), 16)));
        assertEquals(3, d.size());
        assertEquals(8, d.height());
        assertEquals(8, d.width());
        assertArrayEquals(new int[] {4, 5, 6}, d.labels());
        assertEquals(16 / 16.0, d.images().get(0, 16), 1e-12);
        assertEquals(1 / 16.0, d.images().get(1, 0), 1e-12);
        // without the layout the same file is misread: the first pixel taken as the label, values 0-16 divided by 255
        Dataset guessed = Datasets.load(p.toString(), starnet.model.Split.TRAIN, 0);
        assertArrayEquals(new int[] {0, 1, 2}, guessed.labels());
        assertEquals(2 / 255.0, guessed.images().get(0, 1), 1e-12);
        // no label column: every column is a pixel
        Dataset unlabelled = Datasets.load(new DataSpec(p.toString(), starnet.model.Split.TRAIN, 2, new CsvLayout(LabelColumn.NONE, List.of(5, 13), 0)));
        assertFalse(unlabelled.hasLabels());
        assertEquals(2, unlabelled.size());
        assertEquals(65, unlabelled.pixels());
        assertEquals(4 / 255.0, unlabelled.images().get(0, 64), 1e-12);
        // the first column as label even when a header names another one
        Path named = tmp.resolve("named.csv");
        Files.writeString(named, "id,p0,p1,p2,p3,label\n7,0,1,1,0,3\n");
        Dataset first = Datasets.load(new DataSpec(named.toString(), starnet.model.Split.TRAIN, 0, new CsvLayout(LabelColumn.FIRST, List.of(), 0)));
        assertArrayEquals(new int[] {7}, first.labels());
        assertArrayEquals(new double[] {0, 1 / 255.0, 1 / 255.0, 0, 3 / 255.0}, first.images().row(0), 1e-12);
    }

    @Test
    void csvLayoutThatDoesNotFitIsAnsweredPlainly() throws IOException {
        Path p = tmp.resolve("small.csv");
        Files.writeString(p, "1,0,4,8,16\n2,16,8,4,0\n");
        String shape = error(() -> Datasets.load(new DataSpec(p.toString(), starnet.model.Split.TRAIN, 0, new CsvLayout(LabelColumn.FIRST, List.of(3, 3), 0))));
        assertTrue(shape.contains("small.csv") && shape.contains("4 pixel columns") && shape.contains("3×3 needs 9"), shape);
        String scale = error(() -> Datasets.load(new DataSpec(p.toString(), starnet.model.Split.TRAIN, 0, new CsvLayout(LabelColumn.FIRST, List.of(), 10))));
        assertTrue(scale.contains("small.csv") && scale.contains("16") && scale.contains("[0, 10"), scale);
        assertThrows(IllegalArgumentException.class, () -> CsvLayout.parseShape("8 by 8"));
        assertThrows(IllegalArgumentException.class, () -> new CsvLayout(LabelColumn.AUTO, List.of(0, 8), 0));
        assertThrows(IllegalArgumentException.class, () -> new CsvLayout(LabelColumn.AUTO, List.of(8), 0));
        assertThrows(IllegalArgumentException.class, () -> CsvLayout.parseMaxValue("-3"));
        assertThrows(IllegalArgumentException.class, () -> CsvLayout.parseMaxValue("NaN"));
        assertEquals(List.of(3, 32, 32), CsvLayout.parseShape("3x32×32"));
        assertEquals(0, CsvLayout.parseMaxValue("Auto"));
    }

    @Test
    void csvLatin1HeaderBrokenQuotesAndHugeLines() throws IOException {
        Path latin = tmp.resolve("latin.csv");
        Files.write(latin, "\u00e9tiquette,p0,p1,p2,p3\n1,0,0,0,1\n".getBytes(StandardCharsets.ISO_8859_1));
        assertEquals(1, Datasets.load(latin.toString(), starnet.model.Split.TRAIN, 0).size());
        Path open = tmp.resolve("open.csv");
        Files.writeString(open, "1,0,0,0,0\n2,\"0,0,0,0\n");
        String m = error(() -> Datasets.load(open.toString(), starnet.model.Split.TRAIN, 0));
        assertTrue(m.contains("open.csv") && m.contains("never closed"), m);
        Files.writeString(open, "1,0,0,0,0\n2,\"0\"x,0,0,0\n");
        m = error(() -> Datasets.load(open.toString(), starnet.model.Split.TRAIN, 0));
        assertTrue(m.contains("right after a closing quote on line 2"), m);
        Path label = tmp.resolve("half.csv");
        Files.writeString(label, "1.5,0,0,0,0\n");
        assertTrue(error(() -> Datasets.load(label.toString(), starnet.model.Split.TRAIN, 0)).contains("whole number"));
        Path huge = tmp.resolve("one-line.csv");
        try (var w = Files.newBufferedWriter(huge)) {
            w.write("1");
            for (int i = 0; i < CsvLoader.MAX_LINE_CHARS / 2 + 10; i++) w.write(",0");
        }
        m = error(() -> Datasets.load(huge.toString(), starnet.model.Split.TRAIN, 0));
        assertTrue(m.contains("one-line.csv") && m.contains("longer than") && m.contains("one image"), m);
    }

    @Test
    void csvNonNumericNanAndRaggedAreRefused() throws IOException {
        Path p = tmp.resolve("bad.csv");
        Files.writeString(p, "1,0,0,0,0\n2,0,abc,0,0\n");
        String m = error(() -> Datasets.load(p.toString(), starnet.model.Split.TRAIN, 0));
        assertTrue(m.contains("bad.csv") && m.contains("line 2, column 3") && m.contains("'abc'"), m);
        Files.writeString(p, "1,0,0,0,0\n2,0,NaN,0,0\n");
        m = error(() -> Datasets.load(p.toString(), starnet.model.Split.TRAIN, 0));
        assertTrue(m.contains("NaN") && m.contains("item 1"), m);
        Files.writeString(p, "1,0,0,0,0\n2,0,0\n");
        assertTrue(error(() -> Datasets.load(p.toString(), starnet.model.Split.TRAIN, 0)).contains("3 columns"));
        Files.writeString(p, "1,0,900,0,0\n");
        assertTrue(error(() -> Datasets.load(p.toString(), starnet.model.Split.TRAIN, 0)).contains("[0, 255]"));
    }

    // ---------- .npy ----------

    private static Path resource(String name) {
        return Path.of("src/test/resources/data", name);
    }

    @Test
    void npyFromNumpyInEveryLayout() {
        Dataset u = Datasets.load(resource("tiny_u1.npy").toString(), starnet.model.Split.TRAIN, 0);
        assertEquals(3, u.size());
        assertEquals(4, u.height());
        assertEquals(17 / 255.0, u.images().get(1, 1), 1e-12);
        assertArrayEquals(new int[] {2, 0, 1}, u.labels());
        Dataset f = Datasets.load(resource("tiny_nhwc_f4.npy").toString(), starnet.model.Split.TRAIN, 0);
        assertEquals(3, f.channels());
        assertEquals(6, f.height());
        assertEquals(5, f.width());
        // NHWC (0, y=1, x=2, c=1) → flat index ((1*5)+2)*3+1 = 22 of 180 values on linspace(0,1)
        assertEquals(22 / 179.0, f.images().get(0, (1 * 6 + 1) * 5 + 2), 1e-6);
    }

    @Test
    void npyNanTruncatedAndNotNpyAreRefused() throws IOException {
        String m = error(() -> Datasets.load(resource("nan.npy").toString(), starnet.model.Split.TRAIN, 0));
        assertTrue(m.contains("nan.npy") && m.contains("NaN"), m);
        Path cut = tmp.resolve("cut.npy");
        byte[] b = Files.readAllBytes(resource("tiny_u1.npy"));
        Files.write(cut, Arrays.copyOf(b, b.length - 5));
        assertTrue(error(() -> Datasets.load(cut.toString(), starnet.model.Split.TRAIN, 0)).contains("truncated"));
        Path fake = tmp.resolve("fake.npy");
        Files.writeString(fake, "not numpy at all");
        assertTrue(error(() -> Datasets.load(fake.toString(), starnet.model.Split.TRAIN, 0)).contains("not a .npy file"));
        Path oneD = tmp.resolve("one.npy");
        try (OutputStream out = Files.newOutputStream(oneD)) {
            Npy.write(out, new double[] {1, 2});
        }
        assertTrue(error(() -> Datasets.load(oneD.toString(), starnet.model.Split.TRAIN, 0)).contains("expected (N, H, W)"));
    }

    @Test
    void missingFilesAndUnknownFormatsAreNamed() throws IOException {
        assertTrue(error(() -> Datasets.load(tmp.resolve("nope.npy").toString(), starnet.model.Split.TRAIN, 0)).contains("does not exist"));
        Path txt = tmp.resolve("notes.txt");
        Files.writeString(txt, "x");
        assertTrue(error(() -> Datasets.load(txt.toString(), starnet.model.Split.TRAIN, 0)).contains("unknown format"));
        Path gz = tmp.resolve("x.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(gz))) {
            o.write(new byte[] {0, 0, 8, 3});
        }
        assertTrue(error(() -> Datasets.load(gz.toString(), starnet.model.Split.TRAIN, 0)).contains("truncated"));
    }

    @Test
    void theContentHashIsTheSha256OfTheImagesAsBigEndianDoubles() throws Exception {
        Dataset d = Datasets.load("sample:mnist", starnet.model.Split.TRAIN, 0);
        int rows = 1000; // 784,000 values: more than one of the hash's pieces, and a partial last piece
        java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (java.io.DataOutputStream out = new java.io.DataOutputStream(bytes)) {
            for (int i = 0; i < rows * d.images().cols(); i++) out.writeDouble(d.images().data()[i]);
        }
        assertEquals(java.util.HexFormat.of().formatHex(md.digest(bytes.toByteArray())), d.contentHash(rows));
        assertFalse(d.contentHash(rows).equals(d.contentHash(rows - 1)));
    }
}
