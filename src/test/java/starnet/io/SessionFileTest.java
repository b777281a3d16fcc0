package starnet.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starnet.model.Dataset;
import starnet.data.Datasets;
import starnet.math.Backends;
import starnet.math.LinearAlgebra;
import starnet.model.ArchitectureConfig;
import starnet.model.DataSpec;
import starnet.model.StarNetConfig;
import starnet.model.TrainingConfig;
import starnet.training.Cancellation;
import starnet.training.StarNetTrainer;
import starnet.model.StepResult;
import starnet.model.TrainingSnapshot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

public class SessionFileTest {
    static final LinearAlgebra LA = Backends.create("auto", 2);
    static final Dataset DATA = Datasets.load("sample:mnist", starnet.model.Split.TRAIN, 300);
    static final StarNetConfig CONFIG = new StarNetConfig(1, new DataSpec("sample:mnist", starnet.model.Split.TRAIN, 300),
            new ArchitectureConfig(List.of(16, 48), 0.5), TrainingConfig.defaults().withMaxEpochs(2).withTolerance(0));
    @TempDir Path tmp;

    /** A run stopped after {@code steps} solves, with its history for 5 pinned items. */
    public static SessionFile.Session sessionAfter(int steps) {
        StarNetTrainer t = StarNetTrainer.create(CONFIG, DATA.images(), LA);
        int[] pins = {0, 1, 2, 3, 4};
        List<TrainingSnapshot> history = new ArrayList<>();
        history.add(t.snapshot(0, null, pins));
        for (int i = 0; i < steps; i++) {
            StepResult r = t.nextPhase() == starnet.model.Phase.SL ? t.stepLatents(Cancellation.NEVER) : t.stepWeights(Cancellation.NEVER);
            history.add(t.snapshot(history.size(), r, pins));
        }
        return new SessionFile.Session(CONFIG, new SessionFile.DatasetRef("sample:mnist", "train", 300, 1, 28, 28, DATA.contentHash(300)),
                pins, DATA.images().selectRows(pins), starnet.session.TrainingStates.saved(t.state()), history);
    }

    @Test
    void roundTripKeepsArraysMetricsAndHistory() throws IOException {
        SessionFile.Session s = sessionAfter(5);
        Path f = tmp.resolve("s.starnet");
        SessionFile.write(f, s);
        SessionFile.Session back = SessionFile.read(f);
        assertEquals(s.config(), back.config());
        assertEquals(s.dataset(), back.dataset());
        assertArrayEquals(s.pinned(), back.pinned());
        assertEquals(s.training().layer(), back.training().layer());
        assertEquals(s.training().epoch(), back.training().epoch());
        assertEquals(s.training().firstHalfDone(), back.training().firstHalfDone());
        assertArrayEquals(s.training().latents().data(), back.training().latents().data());
        assertArrayEquals(s.training().finishedLatents()[1].data(), back.training().finishedLatents()[1].data());
        assertNull(back.training().finishedLatents()[0]);
        for (int i = 0; i < 2; i++) {
            assertArrayEquals(s.training().decoder().layers().get(i).affine().augmentedWeights().data(),
                    back.training().decoder().layers().get(i).affine().augmentedWeights().data());
        }
        assertEquals(5, back.training().steps().size());
        for (int i = 0; i < 5; i++) {
            StepResult a = s.training().steps().get(i), b = back.training().steps().get(i);
            assertEquals(a.mse(), b.mse(), 0.0);
            assertEquals(a.outputMse(), b.outputMse(), 0.0);
            assertEquals(a.phase(), b.phase());
            assertArrayEquals(a.residuals(), b.residuals());
            assertEquals(a.spread(), b.spread());
        }
        assertEquals(6, back.history().size());
        for (int i = 0; i < 6; i++) {
            assertArrayEquals(s.history().get(i).current().data(), back.history().get(i).current().data());
            assertEquals(s.history().get(i).label(), back.history().get(i).label());
        }
        assertArrayEquals(s.history().get(5).afterLayer().get(1).data(), back.history().get(5).afterLayer().get(1).data());
    }

    @Test
    void stepsThatKeepOnlyTheSummaryOfTheirResidualsKeepIt() throws IOException {
        SessionFile.Session s = sessionAfter(4);
        SessionFile.SavedTraining t = s.training();
        List<StepResult> light = t.steps().stream().map(StepResult::withoutResiduals).toList(); // as a cluster's steps come back
        SessionFile.Session summaries = new SessionFile.Session(s.config(), s.dataset(), s.pinned(), s.pinnedTargets(),
                new SessionFile.SavedTraining(t.decoder(), t.layer(), t.latents(), t.epoch(), t.firstHalfDone(), t.lastEpochLoss(), t.finishedLatents(), light),
                s.history());
        Path f = tmp.resolve("summaries.starnet");
        SessionFile.write(f, summaries);
        List<StepResult> back = SessionFile.read(f).training().steps();
        for (int i = 0; i < light.size(); i++) {
            assertEquals(0, back.get(i).residuals().length);
            assertEquals(t.steps().get(i).spread(), back.get(i).spread(), "step " + i);
            int worst = t.steps().get(i).spread().worst()[0];
            assertEquals(t.steps().get(i).residuals()[worst], back.get(i).residualOf(worst), 0.0, "the worst row's residual is kept");
        }

    }

    @Test
    void latentsKeptInFilesAreNamedNotHeld() throws IOException {
        SessionFile.Session s = sessionAfter(5);
        SessionFile.SavedTraining t = s.training();
        int n = s.dataset().count();
        starnet.model.LatentFiles files = new starnet.model.LatentFiles("hdfs://nn:8020/runs/a.latents", new long[] {0, n / 3, n},
                java.util.Arrays.asList("layer1-image4-x", "layer2-final-x"));
        SessionFile.Session named = new SessionFile.Session(s.config(), s.dataset(), s.pinned(), s.pinnedTargets(), new SessionFile.SavedTraining(t.decoder(),
                t.layer(), null, t.epoch(), t.firstHalfDone(), t.lastEpochLoss(), new starnet.math.Matrix[2], t.steps(), files), s.history());
        Path f = tmp.resolve("named.starnet");
        SessionFile.write(f, named);
        SessionFile.SavedTraining back = SessionFile.read(f).training();
        assertEquals(files, back.files());
        assertNull(back.latents());
        assertEquals("hdfs://nn:8020/runs/a.latents/layer2-final-x/rows-000000000000.store", back.files().file(1, 0));

        starnet.model.LatentFiles wrongRows = new starnet.model.LatentFiles("/x", new long[] {0, n + 1}, java.util.Arrays.asList(null, "l"));
        SessionFile.write(f, new SessionFile.Session(s.config(), s.dataset(), s.pinned(), s.pinnedTargets(), new SessionFile.SavedTraining(t.decoder(),
                t.layer(), null, t.epoch(), t.firstHalfDone(), t.lastEpochLoss(), new starnet.math.Matrix[2], t.steps(), wrongRows), s.history()));
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> SessionFile.read(f));
        assertTrue(e.getMessage().contains("latent_files: expected files of " + n + " rows"), e.getMessage());
    }

    @Test
    void aRestoredRunContinuesExactlyAsAnUninterruptedOne() throws IOException {
        Path f = tmp.resolve("half.starnet");
        SessionFile.write(f, sessionAfter(5));
        SessionFile.Session back = SessionFile.read(f);
        StarNetTrainer resumed = StarNetTrainer.restore(CONFIG, DATA.images(), LA, starnet.session.TrainingStates.state(back.training()));
        List<StepResult> rest = resumed.trainAll(Cancellation.NEVER);
        List<StepResult> straight = StarNetTrainer.create(CONFIG, DATA.images(), LA).trainAll(Cancellation.NEVER);
        assertEquals(straight.size() - 5, rest.size());
        for (int i = 0; i < rest.size(); i++) assertEquals(straight.get(i + 5).mse(), rest.get(i).mse(), 0.0, "step " + (i + 5));
        assertArrayEquals(straight.get(7).residuals(), rest.get(2).residuals());
    }

    @Test
    void theGoldenFormat1FileKeepsLoading() throws IOException {
        Path golden = Path.of("src/test/resources/golden/session-format1.starnet");
        SessionFile.Session s = SessionFile.read(golden);
        assertEquals(16, s.training().decoder().widths()[0]);
        assertEquals(5, s.training().steps().size());
        assertEquals("sample:mnist", s.dataset().source());
        assertEquals(DATA.contentHash(300), s.dataset().sha256(), "the bundled sample is the same data");
        // the reference values of that file, read back today
        assertEquals(Files.readString(Path.of("src/test/resources/golden/session-format1.mse")).strip(), Double.toString(s.training().steps().get(4).mse()));
        StarNetTrainer resumed = StarNetTrainer.restore(s.config(), DATA.images(), LA, starnet.session.TrainingStates.state(s.training()));
        assertEquals(3, resumed.trainAll(Cancellation.NEVER).size());
    }

    @Test
    void corruptTruncatedForeignAndNewerFilesFailPlainly() throws IOException {
        Path good = tmp.resolve("good.starnet");
        SessionFile.write(good, sessionAfter(2));
        byte[] bytes = Files.readAllBytes(good);
        Path cut = tmp.resolve("cut.starnet");
        Files.write(cut, Arrays.copyOf(bytes, bytes.length / 2));
        String m = assertThrows(IOException.class, () -> SessionFile.read(cut)).getMessage();
        assertTrue(m.startsWith(cut.toString()) && !m.contains("Exception"), m);
        Path model = tmp.resolve("model.starnet");
        ModelFile.write(model, new ModelFile.SavedModel(CONFIG, sessionAfter(0).training().decoder(), new int[] {1, 28, 28}, null));
        m = assertThrows(IOException.class, () -> SessionFile.read(model)).getMessage();
        assertTrue(m.contains("this is a starnet-model file; expected a starnet-session file"), m);
        Path newer = tmp.resolve("newer.starnet");
        try (var out = new java.util.zip.ZipOutputStream(Files.newOutputStream(newer))) {
            out.putNextEntry(new java.util.zip.ZipEntry("manifest.json"));
            out.write("{\"kind\":\"starnet-session\",\"format\":2}".getBytes(StandardCharsets.UTF_8));
        }
        m = assertThrows(IOException.class, () -> SessionFile.read(newer)).getMessage();
        assertTrue(m.contains("newer StarNet (format 2)"), m);
    }

    @Test
    void baselinesTravelWithTheSession() throws IOException {
        Path f = tmp.resolve("with-baselines.starnet");
        var b = new starnet.model.Baselines(16, 0.0123, new double[] {0.05, 0.03, 0.025});
        SessionFile.write(f, sessionAfter(2).withBaselines(b));
        assertEquals(b, SessionFile.read(f).baselines());
        SessionFile.write(f, sessionAfter(2));
        assertEquals(null, SessionFile.read(f).baselines());
    }

    @Test
    void modelExportIsNumpyReadable() throws IOException {
        SessionFile.Session s = sessionAfter(8);
        Path dir = tmp.resolve("npy");
        ModelExport.write(dir, s.training().decoder(), s.training().finishedLatents()[0], new int[] {1, 28, 28});
        try (InputStream in = Files.newInputStream(dir.resolve("layer2_W.npy"))) {
            NpyArray w = Npy.read(in);
            assertArrayEquals(new int[] {784, 49}, w.shape());
            assertEquals("<f8", w.dtype());
            assertArrayEquals(s.training().decoder().layers().get(1).affine().augmentedWeights().data(), w.data());
        }
        try (InputStream in = Files.newInputStream(dir.resolve("codes.npy"))) {
            assertArrayEquals(new int[] {300, 16}, Npy.read(in).shape());
        }
        var arch = Json.MAPPER.readTree(Files.readAllBytes(dir.resolve("architecture.json")));
        assertEquals("dense", arch.get("layers").get(0).get("kind").asText());
        assertEquals(0.5, arch.get("slope").asDouble());
    }

    /** Golden session files of every release since format 1, each with its fifth step's MSE beside it: each still opens and continues. */
    @Test
    void everyGoldenSessionKeepsOpening() throws IOException {
        List<Path> goldens;
        try (var files = Files.list(GOLDEN)) {
            goldens = files.filter(f -> f.getFileName().toString().startsWith("session-") && f.toString().endsWith(".starnet")).sorted().toList();
        }
        assertTrue(goldens.size() >= 2, "format 1's golden and a newer one: " + goldens);
        for (Path golden : goldens) {
            SessionFile.Session s = SessionFile.read(golden);
            String mse = Files.readString(sidecar(golden, ".mse")).strip();
            assertEquals(mse, Double.toString(s.training().steps().get(4).mse()), golden.toString());
            StarNetTrainer resumed = StarNetTrainer.restore(s.config(), DATA.images(), LA, starnet.session.TrainingStates.state(s.training()));
            assertEquals(3, resumed.trainAll(Cancellation.NEVER).size(), golden.toString());
        }
    }

    /** Golden model files, each with the first image its first code decodes to (sum of its pixels) beside it. */
    @Test
    void everyGoldenModelKeepsOpeningAndDecodesAsItDid() throws IOException {
        List<Path> goldens;
        try (var files = Files.list(GOLDEN)) {
            goldens = files.filter(f -> f.getFileName().toString().startsWith("model-") && f.toString().endsWith(".starnet")).sorted().toList();
        }
        assertFalse(goldens.isEmpty());
        for (Path golden : goldens) {
            ModelFile.SavedModel m = ModelFile.read(golden);
            assertEquals(Files.readString(sidecar(golden, ".txt")).strip(), Double.toString(firstImageSum(m)), golden.toString());
            assertNotNull(m.provenance(), "models since provenance was kept record it");
            assertEquals("sample:mnist", m.provenance().dataSource());
            assertEquals(DATA.contentHash(300), m.provenance().dataSha256(), "the bundled sample is the data it was trained on");
        }
    }

    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private static Path sidecar(Path golden, String ext) {
        return golden.resolveSibling(golden.getFileName().toString().replaceFirst("\\.starnet$", ext));
    }

    private static double firstImageSum(ModelFile.SavedModel m) {
        double sum = 0;
        for (double v : m.decoder().decodeFrom(LA, 0, m.codes().rowRange(0, 1)).data()) sum += v;
        return sum;
    }

    /**
     * Writes a new golden session and model (run by hand when the format changes): named by {@code args[0]} (a version
     * or date; today's date when omitted), never over an older golden — those keep being read by the tests above.
     */
    public static void main(String[] args) throws IOException {
        String tag = args.length > 0 ? args[0] : java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString();
        Path session = GOLDEN.resolve("session-" + tag + ".starnet"), model = GOLDEN.resolve("model-" + tag + ".starnet");
        if (Files.exists(session) || Files.exists(model)) throw new IOException("goldens tagged " + tag + " exist already: choose another tag");
        SessionFile.Session s = sessionAfter(5);
        var p = new starnet.model.Provenance("golden-" + tag, "sample:mnist", starnet.model.Split.TRAIN, 300, DATA.contentHash(300), starnet.model.EngineKind.MEMORY,
                "in memory", List.of(LA.description()), "data and latents in float64 in memory; solves in float64");
        s = new SessionFile.Session(s.config(), s.dataset(), s.pinned(), s.pinnedTargets(), s.training(), s.history(), s.baselines(), p);
        SessionFile.write(session, s);
        Files.writeString(sidecar(session, ".mse"), Double.toString(s.training().steps().get(4).mse()) + "\n");
        StarNetTrainer t = StarNetTrainer.create(CONFIG, DATA.images(), LA);
        t.trainAll(Cancellation.NEVER);
        ModelFile.SavedModel m = new ModelFile.SavedModel(CONFIG, t.decoder(), new int[] {1, 28, 28}, t.codes(), p);
        ModelFile.write(model, m);
        Files.writeString(sidecar(model, ".txt"), Double.toString(firstImageSum(ModelFile.read(model))) + "\n");
    }
}
