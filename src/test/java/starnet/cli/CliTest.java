package starnet.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starnet.io.Json;

import javax.imageio.ImageIO;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The command line end to end on the bundled MNIST sample. */
class CliTest {
    @TempDir Path tmp;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();

    private int run(String... args) {
        out.reset();
        err.reset();
        return Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() { return err.toString(StandardCharsets.UTF_8); }
    private String out() { return out.toString(StandardCharsets.UTF_8); }

    @Test
    void trainThenInferOnTheSample() throws IOException {
        Path dir = tmp.resolve("run");
        assertEquals(0, run("train", "--data", "sample:mnist", "--limit", "1000", "--widths", "32,96", "--epochs", "2",
                "--tol", "0", "--seed", "3", "--backend", "ejml", "--out", dir.toString()), err());
        List<String> lines = Files.readAllLines(dir.resolve("metrics.jsonl"));
        assertEquals(8, lines.size());
        JsonNode first = Json.MAPPER.readTree(lines.get(0)), last = Json.MAPPER.readTree(lines.get(7));
        for (String k : List.of("layer", "epoch", "phase", "mse", "mae", "elastic", "output_mse", "seconds")) assertTrue(first.has(k), k);
        assertEquals(2, first.get("layer").asInt());
        assertEquals("SL", first.get("phase").asText());
        assertEquals(1, first.get("step").asInt(), "the first solve is step 1, as in the window (Init is step 0)");
        assertEquals(8, last.get("step").asInt());
        assertEquals(1, last.get("layer").asInt());
        assertEquals(first.get("mse").asDouble() + first.get("mae").asDouble(), first.get("elastic").asDouble(), 1e-15);
        assertTrue(last.get("output_mse").asDouble() < 0.05);
        assertEquals(8, err().lines().filter(l -> l.startsWith("layer ")).count());
        var png = ImageIO.read(dir.resolve("reconstructions.png").toFile());
        assertTrue(png.getWidth() > 300 && png.getHeight() > 100);
        assertTrue(Files.size(dir.resolve("model.starnet")) > 10_000);

        Path inf = tmp.resolve("inf");
        assertEquals(0, run("infer", "--model", dir.resolve("model.starnet").toString(), "--data", "sample:mnist", "--split", "test",
                "--limit", "300", "--out", inf.toString()), err());
        JsonNode m = Json.MAPPER.readTree(Files.readString(inf.resolve("metrics.json")));
        assertEquals(300, m.get("items").asInt());
        assertTrue(m.get("mse").asDouble() > 0 && m.get("mse").asDouble() < 0.08, m.toString());
        List<String> csv = Files.readAllLines(inf.resolve("residuals.csv"));
        assertEquals("index,label,residual_layer1,residual_layer2,reconstruction_mse", csv.get(0));
        assertEquals(301, csv.size());
    }

    @Test
    void exportRendersFiguresMetricsAndNumpyFromTheTrainSession() throws IOException {
        Path dir = tmp.resolve("run");
        assertEquals(0, run("train", "--data", "sample:mnist", "--limit", "500", "--widths", "16,48", "--epochs", "2", "--out", dir.toString()), err());
        Path session = dir.resolve("session.starnet");
        assertTrue(Files.exists(session));
        Path png = tmp.resolve("fig4.png"), svg = tmp.resolve("loss.svg");
        assertEquals(0, run("export", "--session", session.toString(), "--figure", "fig4", "--format", "png", "--scale", "3", "--out", png.toString()), err());
        assertTrue(ImageIO.read(png.toFile()).getWidth() > 600);
        assertEquals(0, run("export", "--session", session.toString(), "--figure", "loss", "--format", "svg", "--out", svg.toString(),
                "--metrics", tmp.resolve("m.csv").toString(), "--model-dir", tmp.resolve("npy").toString()), err());
        assertTrue(Files.readString(svg).contains("<svg"));
        assertEquals(9, Files.readAllLines(tmp.resolve("m.csv")).size());
        assertTrue(Files.exists(tmp.resolve("npy/layer1_W.npy")) && Files.exists(tmp.resolve("npy/architecture.json")));
        assertEquals(2, run("export", "--session", session.toString(), "--figure", "fig9", "--out", png.toString()));
        assertTrue(err().contains("expected fig2, fig4, fig6, grid or loss"), err());
        assertEquals(2, run("export", "--session", session.toString()));
        assertEquals(2, run("export", "--session", dir.resolve("metrics.jsonl").toString(), "--figure", "fig2", "--out", png.toString()));
        assertTrue(err().startsWith("error: ") && err().contains("not a StarNet session"), err());
    }

    @Test
    void aStoreTrainsOutOfCoreLikeMemoryAndRefusesWhatItCannotDo() throws IOException {
        Path mem = tmp.resolve("mem"), disk = tmp.resolve("disk"), store = tmp.resolve("store");
        assertEquals(0, run("train", "--data", "sample:mnist", "--limit", "600", "--widths", "16,48", "--epochs", "2", "--out", mem.toString()), err());
        assertEquals(0, run("train", "--data", "sample:mnist", "--limit", "600", "--widths", "16,48", "--epochs", "2", "--store", store.toString(),
                "--precision", "f64", "--chunk", "250", "--out", disk.toString()), err());
        assertTrue(out().contains("out of core (f64)"), out());
        List<String> a = Files.readAllLines(mem.resolve("metrics.jsonl")), b = Files.readAllLines(disk.resolve("metrics.jsonl"));
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) {
            double x = Json.MAPPER.readTree(a.get(i)).get("output_mse").asDouble(), y = Json.MAPPER.readTree(b.get(i)).get("output_mse").asDouble();
            assertEquals(x, y, 1e-9 * x, "step " + i);
        }
        for (String f : List.of("model.starnet", "reconstructions.png", "session.starnet", "config.json")) assertTrue(Files.exists(disk.resolve(f)), f);
        assertTrue(Files.exists(store.resolve("data.bin")) && Files.isDirectory(store.resolve("work")));
        // the session it wrote opens like any other, and its model infers like any other
        assertEquals(0, run("export", "--session", disk.resolve("session.starnet").toString(), "--metrics", tmp.resolve("m.csv").toString()), err());
        assertEquals(0, run("infer", "--model", disk.resolve("model.starnet").toString(), "--data", "sample:mnist", "--split", "test",
                "--limit", "100", "--out", tmp.resolve("inf").toString()), err());
        // a convolutional, weights-first run out of core: what used to be refused trains to the in-memory numbers
        Path convMem = tmp.resolve("conv-mem"), convDisk = tmp.resolve("conv-disk");
        String[] conv = {"train", "--data", "sample:mnist", "--limit", "300", "--preset", "mnist-conv", "--epochs", "1", "--order", "sw-first", "--sw-sample", "200"};
        assertEquals(0, run(cat(conv, "--out", convMem.toString())), err());
        double inMemory = lastOutputMse(convMem);
        assertEquals(0, run(cat(conv, "--store", tmp.resolve("conv-store").toString(), "--precision", "f64", "--out", convDisk.toString())), err());
        assertEquals(inMemory, lastOutputMse(convDisk), 1e-9 * inMemory);
        // refusals: before anything is written, and nothing is left behind
        Path refused = tmp.resolve("refused-store");
        assertEquals(2, run("train", "--data", "sample:mnist", "--widths", "900", "--store", refused.toString(), "--out", tmp.resolve("x").toString()));
        assertTrue(err().contains("not determined"), err());
        assertFalse(Files.exists(refused), "a refused run writes no store");
        assertFalse(Files.exists(tmp.resolve("x")), "nor a run folder");
        assertEquals(2, run("train", "--data", "sample:mnist", "--shifts", "3", "--out", tmp.resolve("x").toString()));
        assertTrue(err().contains("shifted copies of the images need a store"), err());
        assertEquals(2, run("train", "--data", "sample:mnist", "--store", store.toString(), "--precision", "f16", "--out", tmp.resolve("x").toString()));
        assertTrue(err().contains("expected f32 or f64"), err());
        assertEquals(2, run("train", "--data", "sample:mnist", "--master", "local[2]", "--out", tmp.resolve("x").toString()));
        assertTrue(err().contains("--master applies to --engine spark only"), err());
        assertEquals(2, run("train", "--data", "sample:mnist", "--store", store.toString(), "--baselines", "--out", tmp.resolve("x").toString()));
        assertTrue(err().contains("baselines are trained in memory"), err());
    }

    @Test
    void aRunReadFromItsStoreWritesASessionThatOpensOnThatStore() throws IOException {
        Path out = tmp.resolve("shifted"), store = tmp.resolve("shifted-store");
        assertEquals(0, run("train", "--data", "sample:mnist", "--limit", "300", "--widths", "16,48", "--epochs", "2", "--shifts", "2", "--store",
                store.toString(), "--precision", "f64", "--out", out.toString()), err());
        assertTrue(out().contains("600 datapoints"), out());
        assertTrue(Files.exists(out.resolve("session.starnet")), "the store outlives the run, so the session can point at it");
        var s = starnet.session.WorkbenchSession.immediate(starnet.session.Compute.defaults());
        s.open(out.resolve("session.starnet")).join();
        assertEquals(600, s.state().datapoints(), "every shifted row, read from the store");
        assertEquals(starnet.model.EngineKind.STORE, s.state().engine().kind(), "the run continues on its own engine");
        assertTrue(s.state().finished());
        List<String> metrics = Files.readAllLines(out.resolve("metrics.jsonl"));
        assertEquals(metrics.size(), s.state().steps().size());
        s.reset().join();
        s.run(starnet.session.TrainAction.TRAIN_ALL).join();
        double again = s.state().steps().get(s.state().steps().size() - 1).outputMse();
        double first = Json.MAPPER.readTree(metrics.get(metrics.size() - 1)).get("output_mse").asDouble();
        assertEquals(first, again, 1e-9 * first, "trained again from the store: the same numbers");
        s.close();
        // without --store the rows were in a temporary store: no session, and a line says why
        assertEquals(0, run("train", "--data", "sample:mnist", "--limit", "300", "--widths", "16,48", "--epochs", "1", "--shifts", "2", "--engine", "store",
                "--out", tmp.resolve("temp").toString()), err());
        assertFalse(Files.exists(tmp.resolve("temp").resolve("session.starnet")));
        assertTrue(err().contains("train with --store DIR to keep a session"), err());
    }

    private static String[] cat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double lastOutputMse(Path run) throws IOException {
        List<String> lines = Files.readAllLines(run.resolve("metrics.jsonl"));
        return Json.MAPPER.readTree(lines.get(lines.size() - 1)).get("output_mse").asDouble();
    }

    @Test
    void aTwoByTwoSweepWritesFourRowsAndAFigureAndCompareOverlaysTwoSavedRuns() throws IOException {
        Path dir = tmp.resolve("sweep");
        assertEquals(0, run("sweep", "--data", "sample:mnist", "--limit", "300", "--widths", "16,48", "--epochs", "2",
                "--param", "slope=0.2,1.0", "--param", "ridge=1e-10,1e-3", "--out", dir.toString()), err());
        List<String> lines = Files.readAllLines(dir.resolve("sweep.csv"));
        assertEquals(5, lines.size(), "a header and four runs");
        assertTrue(lines.get(0).startsWith("slope,ridge,train_mse,heldout_mse,pca_mse"), lines.get(0));
        assertTrue(lines.get(4).startsWith("1.0,1e-3,"), lines.get(4));
        assertTrue(Files.size(dir.resolve("sweep.png")) > 5000);
        assertEquals(2, run("sweep", "--data", "sample:mnist", "--param", "colour=red", "--out", dir.toString()));
        assertTrue(err().contains("expected one of slope"), err());
        assertEquals(2, run("sweep", "--data", "sample:mnist", "--param", "slope=0.3", "--out", dir.toString()));
        assertTrue(err().contains("holds a sweep of other settings"), err());

        Path a = tmp.resolve("a"), b = tmp.resolve("b"), cmp = tmp.resolve("cmp");
        assertEquals(0, run("train", "--data", "sample:mnist", "--limit", "300", "--widths", "16,48", "--epochs", "2", "--out", a.toString()), err());
        assertEquals(0, run("train", "--data", "sample:mnist", "--limit", "300", "--widths", "16,48", "--epochs", "2", "--slope", "0.2", "--out", b.toString()), err());
        assertEquals(0, run("compare", a.resolve("session.starnet").toString(), b.resolve("session.starnet").toString(), "--out", cmp.toString()), err());
        assertTrue(out().contains("architecture.slope: 0.5 | 0.2"), out());
        List<String> curve = Files.readAllLines(cmp.resolve("compare.csv"));
        starnet.io.SessionFile.Session sa = starnet.io.SessionFile.read(a.resolve("session.starnet"));
        assertEquals(1 + 2 * sa.training().steps().size(), curve.size(), "one row per solve of each run");
        assertTrue(curve.get(1).startsWith("a,1,"), curve.get(1));
        assertTrue(Files.size(cmp.resolve("reconstructions.png")) > 5000);
        assertEquals(2, run("compare", a.resolve("session.starnet").toString(), "--out", cmp.toString()));

        Path spectrum = tmp.resolve("spectrum.svg"), map = tmp.resolve("map.png");
        assertEquals(0, run("inspect", "--session", b.resolve("session.starnet").toString(), "--spectrum", spectrum.toString(), "--map", map.toString()), err());
        assertTrue(out().contains("Known matrix: the latents with a column of ones [H 1], 300 × 17"), out());
        assertTrue(out().contains("the residual is orthogonal to the columns"), out());
        assertTrue(Files.readString(spectrum).startsWith("<?xml") && Files.size(map) > 5000);
        assertEquals(300 + 500 + 1, Files.readAllLines(tmp.resolve("map.csv")).size(), "every training item and every held-out item in the map's CSV");
        assertEquals(2, run("inspect", "--session", b.resolve("session.starnet").toString(), "--map", map.toString(), "--projection", "tsne"));
        assertTrue(err().contains("expected pca or umap") || err().contains("--projection expects pca or umap"), err());
    }

    @Test
    void storeWritesTheImagesAndTheirShiftsAsOneRowStoreFile() throws IOException {
        Path file = tmp.resolve("digits.store");
        assertEquals(0, run("store", "--data", "sample:mnist", "--limit", "300", "--shifts", "2", "--precision", "f64", "--out", file.toString()), err());
        assertTrue(out().contains("wrote 600 rows × 784 values (f64") && out().contains("--data " + file.toUri()), out()); // the address Spark reads
        starnet.math.Matrix images = starnet.data.Datasets.load("sample:mnist", starnet.model.Split.TRAIN, 300).images();
        try (starnet.store.RowStore s = starnet.store.RowStore.open(file)) {
            assertEquals(600, s.rows());
            assertEquals(0, starnet.Reference.relativeError(images, s.read(0, 300)), "the images themselves first");
            starnet.math.Matrix moved = s.read(300, 600); // then each moved one pixel right
            for (int i = 0; i < 300; i += 37) {
                for (int y = 0; y < 28; y++) {
                    assertEquals(0.0, moved.get(i, y * 28), "the column moved in is empty");
                    for (int x = 1; x < 28; x++) assertEquals(images.get(i, y * 28 + x - 1), moved.get(i, y * 28 + x));
                }
            }
        }
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(file), left.toList(), "only the store: its partial file was moved into place");
        }
        assertEquals(2, run("store", "--shifts", "0", "--out", file.toString()));
        assertTrue(err().contains("--shifts must be 1 (the images as they are) to 25, got 0"), err());
        assertEquals(2, run("store", "--limit", "10", "--out", tmp.resolve("no/such/folder/x.store").toString()));
        assertTrue(err().contains("no/such/folder") && !err().contains("Exception"), err());
        assertEquals(2, run("store", "--precision", "f16", "--out", file.toString()));
        assertTrue(err().contains("--precision expects f32 or f64"), err());
    }

    @Test
    void experimentsScoreAndBaselinesRunOnTheSamples() throws IOException {
        Path dir = tmp.resolve("fig7");
        assertEquals(0, run("experiment", "fig7", "--data", "sample:mnist", "--limit", "400", "--widths", "16,48", "--epochs", "2", "--out", dir.toString()), err());
        assertTrue(out().contains("sl-first") && out().contains("sw-first"), out());
        assertTrue(Files.size(dir.resolve("fig7.png")) > 5_000);
        assertEquals(9, Files.readAllLines(dir.resolve("fig7.csv")).size());
        Path ref = tmp.resolve("refine");
        assertEquals(0, run("experiment", "refine", "--data", "sample:mnist", "--limit", "400", "--widths", "16,48", "--epochs", "2",
                "--rounds", "1", "--out", ref.toString()), err());
        assertTrue(out().contains("% lower"), out());
        assertTrue(Files.exists(ref.resolve("model.starnet")) && Files.exists(ref.resolve("refinement.png")));
        assertEquals(0, run("score", "--model", ref.resolve("model.starnet").toString(), "--data", "sample:mnist", "--ood", "sample:fashion-mnist",
                "--limit", "300", "--roc", tmp.resolve("roc.pdf").toString()), err());
        assertTrue(out().contains("AUROC"), out());
        assertTrue(Files.exists(tmp.resolve("roc.pdf")) && Files.exists(tmp.resolve("roc.csv")), "the ROC as PDF with its points beside it");
        assertEquals(0, run("baseline", "--data", "sample:mnist", "--limit", "500", "--widths", "16,48", "--epochs", "1"), err());
        assertTrue(out().contains("rank 16: MSE") && out().contains("autoencoder epoch 1"), out());
        assertEquals(2, run("experiment", "fig99", "--out", dir.toString()));
        assertEquals(2, run("experiment"));
        assertEquals(2, run("experiment", "refine", "--preset", "mnist-conv", "--limit", "300", "--out", dir.toString()));
        assertTrue(err().contains("feedforward decoders only"), err());
    }

    @Test
    void checkExitsZeroWhenDeterminedAndTwoWhenNot() {
        assertEquals(0, run("check", "--data", "sample:mnist", "--widths", "128,256"));
        assertTrue(out().contains("✓ Theorem 1") && out().contains("Every system is determined"), out());
        assertEquals(2, run("check", "--data", "sample:mnist", "--widths", "512,256"));
        assertTrue(out().contains("✗ Theorem 1 — layer 1"), out());
    }

    @Test
    void badInputGivesOneLineAndExitTwo() throws IOException {
        for (String[] args : List.of(
                new String[] {"train", "--data", "sample:mnist", "--widths", "12,x", "--out", "x"},
                new String[] {"train", "--data", "sample:mnist", "--slope", "2", "--out", "x"},
                new String[] {"train", "--data", "sample:mnist", "--epochs", "zero", "--out", "x"},
                new String[] {"train", "--data", "/no/such/file.npy", "--out", "x"},
                new String[] {"train", "--data", "sample:mnist"},
                new String[] {"train", "--bogus", "1"},
                new String[] {"frobnicate"},
                new String[] {"infer", "--model", "/no/such.starnet", "--out", "x"},
                new String[] {"train", "--backend", "cuda", "--out", "x"})) {
            assertEquals(2, run(args), String.join(" ", args));
            String e = err().strip();
            assertTrue(e.startsWith("error: "), e);
            assertEquals(1, e.lines().count(), e);
            assertFalse(e.contains("Exception"), e);
        }
        Path cfg = tmp.resolve("c.json");
        Files.writeString(cfg, "{\"format\":1,\"architecture\":{\"widths\":[16,64],\"slope\":0.5},\"training\":{\"maxEpochs\":1}}");
        assertEquals(0, run("check", "--config", cfg.toString(), "--data", "sample:mnist", "--limit", "500"));
        assertTrue(out().contains("layer 1: 16 → 64;  layer 2: 64 → 784"), out());
        Files.writeString(cfg, "{\"format\":1,\"architecture\":{\"widths\":[16,64],\"slope\":5}}");
        assertEquals(2, run("check", "--config", cfg.toString()));
        assertTrue(err().contains("slope"), err());
    }

    @Test
    void convPresetTrainsAndChecks() throws IOException {
        assertEquals(0, run("check", "--data", "sample:mnist", "--limit", "300", "--preset", "mnist-conv-full"));
        assertTrue(out().contains("✓ Theorem 3 — layer 2") && out().contains("smallest singular value"), out());
        Path dir = tmp.resolve("conv");
        assertEquals(0, run("train", "--data", "sample:mnist", "--limit", "300", "--preset", "mnist-conv", "--epochs", "1",
                "--sw-sample", "100", "--out", dir.toString()), err());
        assertEquals(4, Files.readAllLines(dir.resolve("metrics.jsonl")).size());
        assertTrue(Files.readString(dir.resolve("metrics.jsonl")).contains("sampled datapoints"));
        var model = starnet.io.ModelFile.read(dir.resolve("model.starnet"));
        assertTrue(model.decoder().layers().get(0) instanceof starnet.model.ConvUnpoolLayer);
        assertEquals(2, run("train", "--data", "sample:mnist", "--arch", "conv", "--kernels", "6,2", "--unpool", "3", "--out", dir.toString()));
        assertTrue(err().contains("not divisible by the unpool size 3"), err());
        assertEquals(2, run("check", "--data", "sample:mnist", "--arch", "conv", "--kernels", "6,2", "--kernel-size", "4"));
        assertTrue(err().contains("odd"), err());
    }

    @Test
    void emptyValuesBadPathsAndMissingFilesAreOneLineEach(@org.junit.jupiter.api.io.TempDir Path tmp) {
        for (String[] args : new String[][] {
                {"train", "--data", "sample:mnist", "--out", ""},
                {"export", "--session", tmp.resolve("missing.starnet").toString(), "--metrics", "m.csv"},
                {"train", "--data", "sample:mnist", "--limit", "100", "--out", "bad\0name"}}) {
            var out = new java.io.ByteArrayOutputStream();
            var err = new java.io.ByteArrayOutputStream();
            int code = Cli.run(args, new java.io.PrintStream(out), new java.io.PrintStream(err));
            String text = err.toString(java.nio.charset.StandardCharsets.UTF_8).strip();
            assertEquals(2, code, String.join(" ", args) + " → " + text);
            assertEquals(1, text.lines().count(), text);
            assertFalse(text.matches("(?s).*(Exception|java\\.|starnet\\.).*"), text);
        }
    }

    @Test
    void aNarrowLayerUnderAWideImageChunksByTheWidestBuffer(@org.junit.jupiter.api.io.TempDir Path tmp) {
        // widths 2,4 under 784-pixel images: chunks sized for a 4-wide layer once asked for 500,000 × 784 buffers
        var err = new java.io.ByteArrayOutputStream();
        int code = Cli.run(new String[] {"train", "--data", "sample:mnist", "--limit", "100", "--widths", "2,4", "--epochs", "2",
                "--out", tmp.resolve("narrow").toString()}, new java.io.PrintStream(new java.io.ByteArrayOutputStream()), new java.io.PrintStream(err));
        assertEquals(0, code, err.toString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void csvLayoutFlagsTrainAnUnlabelledSmallImageTable(@org.junit.jupiter.api.io.TempDir Path tmp) throws IOException {
        // 40 rows of 6×6 pixels, values 0-16, no label column, no header
        StringBuilder sb = new StringBuilder();
        java.util.Random r = new java.util.Random(3);
        for (int i = 0; i < 40; i++) {
            for (int j = 0; j < 36; j++) sb.append(j == 0 ? "" : ",").append(r.nextInt(17));
            sb.append('\n');
        }
        Path csv = tmp.resolve("table.csv");
        Files.writeString(csv, sb.toString());
        Path out = tmp.resolve("run");
        assertEquals(0, run("train", "--data", csv.toString(), "--csv-label", "none", "--csv-shape", "6x6", "--csv-max", "16",
                "--widths", "4,8", "--epochs", "2", "--out", out.toString()), err());
        String config = Files.readString(out.resolve("config.json"));
        assertTrue(config.contains("\"label\" : \"none\"") && config.contains("\"maxValue\" : 16"), config);
        assertEquals(0, run("check", "--config", out.resolve("config.json").toString()), err());
        for (String[] bad : new String[][] {{"--csv-label", "middle"}, {"--csv-shape", "5x5"}, {"--csv-shape", "6 by 6"}, {"--csv-max", "-1"},
                {"--csv-max", "10"}}) {
            err.reset();
            String[] args = {"check", "--data", csv.toString(), "--csv-label", "none", "--widths", "4,8", bad[0], bad[1]};
            assertEquals(2, run(args), String.join(" ", args) + " → " + err());
            String text = err().strip();
            assertEquals(1, text.lines().count(), text);
            assertFalse(text.matches("(?s).*(Exception|java\\.|starnet\\.).*"), text);
        }
    }

    @Test
    void helpAndVersion() {
        assertEquals(0, run());
        assertTrue(out().contains("Commands:") && out().contains("train") && out().contains("experiment") && out().contains("score"), out());
        assertEquals(0, run("--version"));
        assertTrue(out().startsWith("StarNet Workbench"));
        assertEquals(0, run("version"));
        assertTrue(out().startsWith("StarNet Workbench"));
        assertEquals(0, run("help", "train"));
        assertTrue(out().contains("--widths") && out().contains("Default: 128,256"), out());
        assertEquals(0, run("train", "--help"));
        assertTrue(out().contains("--baselines"), out());
    }

    @Test
    void typedOptionsAnswerInThePlainWordsOfTheProject() {
        for (String[] args : new String[][] {{"train", "--epochs", "many", "--out", "x"}, {"check", "--slope", "steep"}, {"check", "--bogus"},
                {"train", "--data", "sample:mnist"}, {"check", "--limit", "1.5"}, {"score", "--model", "m.starnet"}, {"frobnicate"}}) {
            assertEquals(2, run(args), String.join(" ", args));
            String text = err().strip();
            assertEquals(1, text.lines().count(), text);
            assertFalse(text.matches("(?s).*(Exception|java\\.[a-z]|starnet\\.[a-z]+\\.|\\bint\\b|\\bdouble\\b).*"), text);
            assertTrue(text.startsWith("error: ") && text.contains("help"), text);
        }
        run("train", "--epochs", "many", "--out", "x");
        assertTrue(err().contains("--epochs expects a whole number, got 'many'"), err());
        run("train", "--data", "sample:mnist");
        assertTrue(err().contains("missing --out DIR"), err());
    }

    @Test
    void flagsWithoutAConfigAreTheConfigurationsDefaults() {
        // the defaults shown in the help are the configuration's own: parsing no options gives StarNetConfig.defaults()
        var cmd = Cli.commandLine(new PrintStream(out), new PrintStream(err));
        var parsed = cmd.parseArgs("check");
        CheckCommand check = (CheckCommand) parsed.subcommand().commandSpec().userObject();
        assertEquals(starnet.model.StarNetConfig.defaults(), check.model.config(check.data));
        for (var o : parsed.subcommand().commandSpec().options()) {
            if (o.defaultValue() == null || o.longestName().equals("--backend")) continue;
            if (java.util.Set.of("--kernels", "--kernel-size", "--unpool", "--padding").contains(o.longestName())) {
                // conv-only options are refused for the default feedforward decoder rather than ignored
                assertEquals(2, run("check", o.longestName(), o.defaultValue()), o.longestName());
                assertTrue(err().contains(o.longestName() + " applies to conv decoders"), err());
                continue;
            }
            var one = Cli.commandLine(new PrintStream(out), new PrintStream(err)).parseArgs("check", o.longestName(), o.defaultValue());
            CheckCommand c = (CheckCommand) one.subcommand().commandSpec().userObject();
            assertEquals(starnet.model.StarNetConfig.defaults(), c.model.config(c.data), "typing the shown default of " + o.longestName() + " changes nothing");
        }
    }

    @Test
    void theDocumentedReferenceIsTheGeneratedOne() throws IOException {
        String doc = Files.readString(Path.of("docs/CLI.md"));
        int a = doc.indexOf(CliReference.START), b = doc.indexOf(CliReference.END);
        assertTrue(a >= 0 && b > a, "docs/CLI.md has the generated reference between its markers");
        assertEquals(CliReference.markdown(), doc.substring(a, b + CliReference.END.length()) + "\n",
                "docs/CLI.md's command-line reference drifted from the commands: paste the output of java -jar target/starnet.jar reference");
    }

    @Test
    void theCompletionScriptCompletesInBash() throws Exception {
        assertEquals(0, run("generate-completion"));
        Path script = tmp.resolve("starnet-completion.bash");
        Files.writeString(script, out());
        // sourced as a user would, then asked what follows "starnet tr" and "starnet train --ord"
        String probe = ". " + script + " && complete -p starnet"
                + " && COMP_WORDS=(starnet tr) COMP_CWORD=1 COMP_LINE='starnet tr' COMP_POINT=10 && _complete_starnet && echo \"commands: ${COMPREPLY[*]}\""
                + " && COMP_WORDS=(starnet train --ord) COMP_CWORD=2 COMP_LINE='starnet train --ord' COMP_POINT=19 && _complete_starnet"
                + " && echo \"options: ${COMPREPLY[*]}\"";
        Process bash = new ProcessBuilder("bash", "-c", probe).redirectErrorStream(true).start();
        String said = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, bash.waitFor(), said);
        assertTrue(said.contains("-F _complete_starnet starnet"), said);
        assertTrue(said.contains("commands: train"), said);
        assertTrue(said.contains("options: --order"), said);
    }
}
