package starnet.corpus;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import starnet.cli.Cli;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A corpus of malformed inputs, made here (no binaries in git): broken IDX, .npy, CIFAR and CSV files,
 * configuration JSON, session and model files, and bad command-line values. Each must end with exit 2 and
 * one plain line that starts "error: " — no stack trace, no Java class name.
 */
class MalformedInputCorpusTest {
    @TempDir static Path tmp;
    private static int counter;

    private record Case(String name, String[] args) {}

    private static Path file(String name, byte[] bytes) {
        try {
            Path p = tmp.resolve(String.format("%03d-%s", counter++, name));
            Files.write(p, bytes);
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] ints(int... values) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(b);
        try {
            for (int v : values) o.writeInt(v);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    private static String[] concat(String[] a, String b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + 1);
        c[a.length] = b;
        return c;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static byte[] gzip(byte[] raw) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (GZIPOutputStream g = new GZIPOutputStream(b)) {
            g.write(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    private static byte[] npy(String header, int payload) {
        String dict = header;
        int total = 10 + dict.length() + 1;
        dict = dict + " ".repeat((64 - total % 64) % 64) + "\n";
        byte[] head = new byte[10];
        byte[] magic = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (byte) (dict.length() & 0xff), (byte) (dict.length() >> 8)};
        System.arraycopy(magic, 0, head, 0, 10);
        return concat(concat(head, dict.getBytes(StandardCharsets.ISO_8859_1)), new byte[payload]);
    }

    private static byte[] zip(String... nameThenContent) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        try (ZipOutputStream z = new ZipOutputStream(b)) {
            for (int i = 0; i + 1 < nameThenContent.length; i += 2) {
                z.putNextEntry(new ZipEntry(nameThenContent[i]));
                z.write(nameThenContent[i + 1].getBytes(StandardCharsets.UTF_8));
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return b.toByteArray();
    }

    /** A MATLAB level-5 file whose one array (uint8 X) declares {@code dims} and holds {@code bytes} bytes. */
    private static byte[] mat(int[] dims, int bytes) {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(128 + 8 + 16 + 8 + 8 * ((dims.length * 4 + 7) / 8) + 8 + 8 + 8 + bytes + 8)
                .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        byte[] text = "MATLAB 5.0 MAT-file, made by the malformed-input corpus".getBytes(StandardCharsets.US_ASCII);
        b.put(text);
        for (int i = text.length; i < 116; i++) b.put((byte) ' ');
        b.position(124);
        b.putShort((short) 0x0100).put((byte) 'I').put((byte) 'M');
        int dimBytes = 8 * ((dims.length * 4 + 7) / 8);
        int body = 16 + 8 + dimBytes + 8 + 8 + 8 + ((bytes + 7) & ~7);
        b.putInt(14).putInt(body); // miMATRIX
        b.putInt(6).putInt(8).putInt(9).putInt(0); // flags: mxUINT8_CLASS
        b.putInt(5).putInt(dims.length * 4);
        for (int d : dims) b.putInt(d);
        b.position(b.position() + dimBytes - dims.length * 4);
        b.putInt(1).putInt(1).put((byte) 'X').position(b.position() + 7); // name "X"
        b.putInt(2).putInt(bytes); // miUINT8 data
        return java.util.Arrays.copyOf(b.array(), Math.min(b.array().length, b.position() + bytes));
    }

    /** An SVHN file of two images whose second label is {@code label}. */
    private static Path svhn(double label) {
        var x = us.hebi.matlab.mat.format.Mat5.newMatrix(new int[] {32, 32, 3, 2}, us.hebi.matlab.mat.types.MatlabType.UInt8);
        var y = us.hebi.matlab.mat.format.Mat5.newMatrix(2, 1);
        y.setDouble(0, 1);
        y.setDouble(1, label);
        Path p = tmp.resolve(String.format("%03d-svhn.mat", counter++));
        try {
            us.hebi.matlab.mat.format.Mat5.writeToFile(us.hebi.matlab.mat.format.Mat5.newMatFile().addArray("X", x).addArray("y", y), p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** {@code golden} with the first {@code from} in its manifest's text replaced by {@code to}. */
    private static Path rewritten(Path golden, String from, String to) {
        try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(Files.newInputStream(golden))) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            try (ZipOutputStream z = new ZipOutputStream(b)) {
                ZipEntry e;
                while ((e = in.getNextEntry()) != null) {
                    byte[] bytes = in.readAllBytes();
                    if (e.getName().equals("manifest.json")) {
                        String text = new String(bytes, StandardCharsets.UTF_8);
                        assertTrue(text.contains(from), from);
                        bytes = text.replaceFirst(java.util.regex.Pattern.quote(from), to).getBytes(StandardCharsets.UTF_8);
                    }
                    z.putNextEntry(new ZipEntry(e.getName()));
                    z.write(bytes);
                    z.closeEntry();
                }
            }
            return file(golden.getFileName().toString(), b.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Case check(String name, Path data) {
        return new Case(name, new String[] {"check", "--data", data.toString()});
    }

    private static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // IDX images: magic numbers
        for (int magic : new int[] {0, 0x00000801, 0x00000802, 0x00000804, 0x08030000, -1}) {
            c.add(check("idx magic " + Integer.toHexString(magic), file("m-images-idx3-ubyte", concat(ints(magic, 2, 28, 28), new byte[2 * 784]))));
        }
        // IDX images: declared sizes
        int[][] dims = {{-1, 28, 28}, {2, 0, 28}, {2, 28, 0}, {2, -28, 28}, {2, 28, -28}, {Integer.MAX_VALUE, 28, 28}, {1, 30000, 30000},
                {Integer.MAX_VALUE, 4096, 4096}, {2, 65536, 65536}, {0x80000000, 1, 1}, {3, 28, 28}, {100, 28, 28}, {1, Integer.MAX_VALUE, 2}};
        for (int[] d : dims) {
            byte[] raw = concat(ints(0x00000803, d[0], d[1], d[2]), new byte[784]);
            c.add(check("idx dims " + d[0] + "x" + d[1] + "x" + d[2], file("d-images-idx3-ubyte", raw)));
            c.add(check("idx dims gz " + d[0] + "x" + d[1] + "x" + d[2], file("g-images-idx3-ubyte.gz", gzip(raw))));
        }
        // IDX images: truncated inside the header
        byte[] header = ints(0x00000803, 2, 28, 28);
        for (int cut = 0; cut < 16; cut += 3) c.add(check("idx header cut at " + cut, file("t-images-idx3-ubyte", java.util.Arrays.copyOf(header, cut))));
        c.add(check("idx gz damaged", file("z-images-idx3-ubyte.gz", java.util.Arrays.copyOf(gzip(concat(header, new byte[2 * 784])), 30))));
        // IDX labels beside good images
        for (int[] l : new int[][] {{0x00000803, 2}, {0x00000801, 3}, {0x00000801, -1}, {0x00000801, 1}}) {
            Path dir = tmp.resolve("labels" + counter++);
            try {
                Files.createDirectories(dir);
                Files.write(dir.resolve("x-images-idx3-ubyte"), concat(ints(0x00000803, 2, 28, 28), new byte[2 * 784]));
                Files.write(dir.resolve("x-labels-idx1-ubyte"), ints(l));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            c.add(check("idx labels " + java.util.Arrays.toString(l), dir.resolve("x-images-idx3-ubyte")));
        }
        // .npy
        String[] headers = {"{'descr': '<f8', 'fortran_order': False, 'shape': (None, 784), }",
                "{'descr': '<f8', 'fortran_order': False, 'shape': (-1, 784), }",
                "{'descr': '<f8', 'fortran_order': False, 'shape': (100000, 100000, 100000), }",
                "{'descr': '<f8', 'fortran_order': False, 'shape': (4294967296, 784), }",
                "{'descr': '<f8', 'fortran_order': False, 'shape': (784,), }",
                "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 2, 2, 2, 2), }",
                "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 5, 5, 7), }",
                "{'descr': '<c16', 'fortran_order': False, 'shape': (2, 784), }",
                "{'descr': '|b1', 'fortran_order': False, 'shape': (2, 784), }",
                "{'descr': '<U4', 'fortran_order': False, 'shape': (2, 784), }",
                "{'descr': '<f8', 'fortran_order': False, 'shape': (1000000, 784), }",
                "{'descr': '<f8', 'fortran_order': False }",
                "{'fortran_order': False, 'shape': (2, 784), }",
                "not a dictionary at all",
                "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 784.5), }",
                "{'descr': '<f8', 'fortran_order': False, 'shape': (0, 784), }",
                "{'descr': 'f8', 'fortran_order': False, 'shape': (2, 784), }",
                "{'descr': '<f8', 'fortran_order': False, 'shape': (4194304, 0), }",
                "{'descr': '<f8', 'fortran_order': False, 'shape': (3, 0, 28), }"};
        for (String h : headers) c.add(check("npy " + h, file("a.npy", npy(h, 16))));
        c.add(check("npy magic", file("b.npy", "\u0093NUMPX\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1))));
        c.add(check("npy version 9", file("c.npy", new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 9, 0, 0, 0})));
        c.add(check("npy huge header", file("e.npy", new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 2, 0, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x7f})));
        c.add(check("npy negative header", file("f.npy", new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 3, 0, 0, 0, 0, (byte) 0x80})));
        for (int cut : new int[] {0, 3, 7, 9}) c.add(check("npy cut at " + cut, file("g.npy", java.util.Arrays.copyOf(npy(headers[4], 0), cut))));
        // CIFAR
        c.add(check("cifar not whole records", file("data_batch_1.bin", new byte[3073 * 2 + 17])));
        c.add(check("cifar empty", file("data_batch_2.bin", new byte[0])));
        byte[] badLabel = new byte[3073];
        badLabel[0] = 42;
        c.add(check("cifar label 42", file("data_batch_3.bin", badLabel)));
        // labels that are no class labels (beside good images), CIFAR-100 labels out of range
        byte[] images = npy("{'descr': '|u1', 'fortran_order': False, 'shape': (2, 784), }", 2 * 784);
        for (String[] bad : new String[][] {{"nan", "<f8"}, {"frac", "<f8"}, {"neg", "<i4"}}) {
            Path dir = tmp.resolve("npylabels-" + bad[0]);
            try {
                Files.createDirectories(dir);
                Files.write(dir.resolve("x.npy"), images);
                java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(16).order(java.nio.ByteOrder.LITTLE_ENDIAN);
                if (bad[1].equals("<f8")) b.putDouble(1).putDouble(bad[0].equals("nan") ? Double.NaN : 1.5);
                else b.putInt(1).putInt(-1);
                byte[] head = npy("{'descr': '" + bad[1] + "', 'fortran_order': False, 'shape': (2,), }", 0);
                Files.write(dir.resolve("x.labels.npy"), concat(head, java.util.Arrays.copyOf(b.array(), bad[1].equals("<f8") ? 16 : 8)));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            c.add(check("npy labels " + bad[0], dir.resolve("x.npy")));
        }
        byte[] fine200 = new byte[3074 * 2];
        fine200[3074 + 1] = (byte) 200;
        c.add(check("cifar-100 fine label 200", file("train.bin", fine200)));
        // .mat: an array declaring 10^9 values, a truncated file, a fractional SVHN label
        c.add(check("mat declares 1e9 values", file("huge.mat", mat(new int[] {1000, 1000, 1000, 1}, 64))));
        c.add(check("mat truncated", file("short.mat", java.util.Arrays.copyOf(mat(new int[] {32, 32, 3, 2}, 6144), 300))));
        c.add(check("mat fractional label", svhn(2.5)));
        c.add(check("mat label 0", svhn(0)));
        // CSV
        String[] csvs = {"", "label,p1,p2\n", "1,0.5\n1,0.5,0.5\n", "1,a,b\n", "1,NaN,0.5,0.5,0.5\n", "1,Infinity,0,0,0\n", "1,-5,0,0,0\n",
                "x\n", ",,,,\n", "1,0.5,0.5,0.5\n\n\n1,0.5\n", "1,\"0,0,0\n", "1,\"0\"x,0,0\n", "1.5,0,0,0,0\n", "-3,0,0,0,0\n",
                "\uFEFFlabel\r\n", "1,1f,0,0,0\n", "1,0x1p3,0,0,0\n", "1,2d,0,0,0\n", "1e300,0,0,0,0\n", "3.7,0,0,0,0\n", "1,0,0,0,300\n", "1,0\u0000.5,0,0,0\n", "1\u0000,0,0,0,0\n"};
        for (String csv : csvs) c.add(check("csv " + csv.replace("\n", "\\n"), file("h.csv", csv.getBytes(StandardCharsets.UTF_8))));
        // paths
        c.add(check("no such file", tmp.resolve("missing-images-idx3-ubyte")));
        c.add(check("empty folder", tmp.resolve("emptydir" + counter++)));
        try {
            Files.createDirectories(tmp.resolve("emptydir" + (counter - 1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        c.add(check("unknown extension", file("data.xyz", new byte[10])));
        c.add(new Case("a device", new String[] {"check", "--data", "/dev/zero"}));
        // configuration JSON
        String[] configs = {"{", "[]", "42", "{\"widths\": [512, 256]}", "{\"training\": {\"epoch\": 3}}", "{\"training\": {\"maxEpochs\": \"many\"}}",
                "{\"training\": {\"maxEpochs\": 0}}", "{\"architecture\": {\"slope\": 0}}", "{\"architecture\": {\"slope\": 2}}",
                "{\"architecture\": {\"widths\": 128}}", "{\"architecture\": {\"widths\": [0, 256]}}", "{\"architecture\": {\"kind\": \"rnn\"}}",
                "{\"training\": {\"solver\": \"qr\"}}", "{\"training\": {\"order\": \"both\"}}", "{\"training\": {\"init\": \"zeros\"}}",
                "{\"training\": {\"ridge\": -1}}", "{\"training\": {\"tolerance\": -0.5}}", "{\"data\": {\"split\": \"validation\"}}",
                "{\"data\": {\"limit\": -3}}", "{\"format\": 99}", "{\"architecture\": {\"kind\": \"conv\", \"kernelSizes\": [4]}}",
                "{\"architecture\": {\"kind\": \"conv\", \"unpools\": [0]}}", "{\"architecture\": {\"kind\": \"conv\", \"padding\": \"valid\"}}",
                "{\"training\": {\"latentPath\": \"gpu\"}}", "{\"training\": {\"swPartitions\": -2}}",
                // strict structure: a key twice, two documents, fractions and texts where whole numbers belong
                "{\"training\": {\"maxEpochs\": 3, \"maxEpochs\": 4}}", "{\"format\": 1} {\"format\": 1}", "{\"format\": 1.5}", "{\"format\": -1}",
                "{\"architecture\": {\"widths\": [1.5, 16]}}", "{\"training\": {\"maxEpochs\": \"5\"}}", "{\"training\": {\"maxEpochs\": true}}",
                "{\"architecture\": {\"slope\": null}}"};
        for (String json : configs) c.add(new Case("config " + json, new String[] {"check", "--config", file("c.json", json.getBytes(StandardCharsets.UTF_8)).toString()}));
        // session and model files
        byte[][] starnets = {new byte[0], "not a zip".getBytes(StandardCharsets.UTF_8), zip(), zip("readme.txt", "hello"), zip("manifest.json", "{"),
                zip("manifest.json", "{\"kind\": \"starnet-session\", \"format\": 99}"), zip("manifest.json", "{\"kind\": \"starnet-model\"}"),
                zip("manifest.json", "{\"kind\": \"starnet-session\", \"format\": 1}"), zip("manifest.json", "[1, 2]")};
        for (byte[] s : starnets) {
            Path p = file("s.starnet", s);
            c.add(new Case("session " + s.length, new String[] {"export", "--session", p.toString(), "--metrics", tmp.resolve("m.csv").toString()}));
            c.add(new Case("model " + s.length, new String[] {"infer", "--model", p.toString(), "--out", tmp.resolve("inf").toString()}));
        }
        // command-line values
        String[][] flags = {{"frobnicate"}, {"train"}, {"check", "--data"}, {"check", "--data", "sample:mnist", "--epochs", "0"},
                {"check", "--data", "sample:mnist", "--epochs", "x"}, {"check", "--data", "sample:mnist", "--slope", "2"},
                {"check", "--data", "sample:mnist", "--slope", "abc"}, {"check", "--data", "sample:mnist", "--limit", "-1"},
                {"check", "--data", "sample:mnist", "--widths", "a,b"}, {"check", "--data", "sample:mnist", "--widths", "0"},
                {"check", "--data", "sample:mnist", "--seed", "1.5"},
                {"check", "--data", "sample:mnist", "--solver", "qr"}, {"check", "--data", "sample:mnist", "--order", "x"},
                {"check", "--data", "sample:mnist", "--init", "x"}, {"check", "--data", "sample:mnist", "--arch", "rnn"},
                {"check", "--data", "sample:mnist", "--arch", "conv", "--padding", "valid"}, {"check", "--data", "sample:mnist", "--sw-sample", "some"},
                {"check", "--data", "sample:mnist", "--threads", "0"}, {"check", "--data", "sample:mnist", "--backend", "cuda"},
                {"check", "--data", "sample:mnist", "--frob", "1"}, {"check", "--data", "sample:nope"}, {"check", "--data", "sample:mnist", "--split", "dev"},
                {"check", "--data", "sample:mnist", "--arch", "conv", "--kernel-size", "99999"}, {"check", "--data", "sample:mnist", "--widths", "5,2147483647"},
                {"check", "--data", "sample:mnist", "--arch", "conv", "--unpool", "3"}, {"experiment"}, {"experiment", "fig99", "--out", "x"},
                {"export", "--session", "missing.starnet"}, {"train", "--data", "sample:mnist", "--out", ""}, {"score", "--model", "missing.starnet"},
                {"check", "--preset", "nope"},
                // options that would be ignored, and presets for other data
                {"check", "--data", "sample:mnist", "--kernels", "6,2"}, {"check", "--data", "sample:mnist", "--kernel-size", "5"},
                {"check", "--data", "sample:mnist", "--unpool", "2"}, {"check", "--data", "sample:mnist", "--padding", "full"},
                {"check", "--data", "sample:mnist", "--arch", "conv", "--widths", "8,784"}, {"check", "--data", "sample:mnist", "--preset", "mnist-conv", "--widths", "8,784"},
                {"check", "--data", "sample:mnist", "--preset", "cifar-conv"}, {"check", "--data", "sample:mnist", "--sw-mode", "median"},
                {"train", "--data", "sample:mnist", "--partitions", "-3", "--out", "x"}, {"train", "--data", "sample:mnist", "--precision", "f16", "--out", "x"},
                {"train", "--data", "sample:mnist", "--chunk", "0", "--out", "x"}};
        for (String[] f : flags) c.add(new Case("cli " + String.join(" ", f), f));
        // a model whose manifest coerces a value: refused by the command that reads it
        String golden = "src/test/resources/golden/";
        for (String[] swap : new String[][] {{"\"slope\" : 0.5,\n  \"layers\"", "\"slope\" : true,\n  \"layers\""}, {"\"format\" : 1,", "\"format\" : 1.5,"},
                {"\"kind\" : \"dense\"", "\"kind\" : \"lstm\""}}) {
            Path model = rewritten(Path.of(golden + "model-2026-12-06.starnet"), swap[0], swap[1]);
            Path session = rewritten(Path.of(golden + "session-2026-12-06.starnet"), swap[0], swap[1]);
            c.add(new Case("model " + swap[1], new String[] {"infer", "--model", model.toString(), "--out", tmp.resolve("inf").toString()}));
            c.add(new Case("session " + swap[1], new String[] {"export", "--session", session.toString(), "--metrics", tmp.resolve("m.csv").toString()}));
        }
        // a sweep folder whose sweep.csv was damaged between runs: resuming says what is wrong with it
        Path sweep = tmp.resolve("sweep-good");
        String[] sweepArgs = {"sweep", "--data", "sample:mnist", "--limit", "200", "--widths", "4,8", "--epochs", "1", "--param", "seed=1,2", "--out"};
        assertEquals(0, Cli.run(concat(sweepArgs, sweep.toString()), new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream())));
        for (String[] damage : new String[][] {{"quote", "seed,train_mse\n\"1,0.5\n"}, {"text", null}, {"column", "seed,train_mse\n1,0.5\n"}}) {
            Path dir = tmp.resolve("sweep-" + damage[0]);
            try {
                Files.createDirectories(dir);
                Files.copy(sweep.resolve("sweep.json"), dir.resolve("sweep.json"));
                String good = Files.readString(sweep.resolve("sweep.csv"));
                Files.writeString(dir.resolve("sweep.csv"), damage[1] != null ? damage[1] : good.replaceFirst("\n1,[0-9.eE-]+,", "\n1,many,"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            c.add(new Case("sweep.csv " + damage[0], concat(sweepArgs, dir.toString())));
        }
        // out of core: the same damaged files through the streaming store writer, and the new commands' flags
        String store = tmp.resolve("corpus-store").toString(), out = tmp.resolve("corpus-out").toString();
        Path damagedGz = file("s-images-idx3-ubyte.gz", java.util.Arrays.copyOf(gzip(concat(header, new byte[2 * 784])), 30));
        Path shortIdx = file("u-images-idx3-ubyte", concat(ints(0x00000803, 3, 28, 28), new byte[784]));
        c.add(new Case("store gz damaged", new String[] {"train", "--data", damagedGz.toString(), "--store", store, "--out", out}));
        c.add(new Case("store idx truncated", new String[] {"train", "--data", shortIdx.toString(), "--store", store, "--out", out}));
        for (String[] f : new String[][] {{"train", "--store", store, "--precision", "f16", "--out", out}, {"train", "--store", store, "--shifts", "0", "--out", out},
                {"train", "--store", store, "--chunk", "-5", "--out", out}, {"train", "--shifts", "4", "--out", out}, {"sweep", "--param", "slope=", "--out", out},
                {"sweep", "--param", "ridge=1..0:3", "--out", out}, {"sweep", "--param", "seed=1.5", "--out", out}, {"compare", "missing.starnet", "other.starnet", "--out", out},
                {"inspect", "--session", "missing.starnet"}, {"inspect", "--session", damagedGz.toString()}}) {
            c.add(new Case("cli " + String.join(" ", f), f));
        }
        return c;
    }

    @TestFactory
    List<DynamicTest> everyMalformedInputGetsExitTwoAndOnePlainLine() {
        List<Case> all = cases();
        assertTrue(all.size() >= 120, "the corpus has " + all.size() + " cases");
        List<DynamicTest> tests = new ArrayList<>();
        for (Case k : all) {
            tests.add(DynamicTest.dynamicTest(k.name(), () -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
                int code = Cli.run(k.args(), new PrintStream(out), new PrintStream(err));
                String text = err.toString(StandardCharsets.UTF_8).strip();
                String last = text.lines().reduce((a, b) -> b).orElse("");
                assertEquals(2, code, k.name() + " → exit " + code + ": " + text);
                assertTrue(last.startsWith("error: "), k.name() + " → " + text);
                assertFalse(text.matches("(?s).*(Exception|\\bat [a-z]+\\.|java\\.|javax\\.|com\\.fasterxml|starnet\\.[a-z]+\\.[A-Z]).*"),
                        k.name() + " → a class name or stack trace: " + text);
            }));
        }
        return tests;
    }
}
