package starnet.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A .starnet file is valid as a whole or refused: each case changes one value of a golden session's or model's
 * manifest (a coerced kind, a value out of range, a shape that disagrees with an array) and the reader must refuse it
 * with one line naming the key and what was expected — never a Java class or a library's wording.
 */
class DamagedManifestTest {
    @TempDir static Path tmp;
    private static final Path SESSION = Path.of("src/test/resources/golden/session-2026-12-06.starnet");
    private static final Path MODEL = Path.of("src/test/resources/golden/model-2026-12-06.starnet");
    private static int counter;

    /** One change: set the value at {@code path} (dots and [i]) to {@code json}, or remove it when json is null. */
    private record Edit(Path golden, String path, String json, String expected) {}

    private static Map<String, byte[]> entries(Path golden) throws IOException {
        return Zips.entries(golden);
    }

    private static Path edited(Edit edit) throws IOException {
        Map<String, byte[]> entries = entries(edit.golden());
        ObjectNode m = (ObjectNode) Json.MAPPER.readTree(entries.get("manifest.json"));
        String[] keys = edit.path().split("\\.");
        JsonNode parent = m;
        for (int i = 0; i < keys.length - 1; i++) parent = step(parent, keys[i]);
        String last = keys[keys.length - 1];
        JsonNode value = edit.json() == null ? null : Json.MAPPER.readTree(edit.json());
        if (last.matches(".*\\[\\d+]")) {
            ArrayNode a = (ArrayNode) step(parent, last.substring(0, last.indexOf('[')));
            a.set(Integer.parseInt(last.replaceAll(".*\\[(\\d+)]", "$1")), value);
        } else if (value == null) {
            ((ObjectNode) parent).remove(last);
        } else {
            ((ObjectNode) parent).set(last, value);
        }
        entries.put("manifest.json", Json.MAPPER.writeValueAsBytes(m));
        return Zips.write(tmp.resolve(String.format("%03d.starnet", counter++)), entries);
    }

    private static JsonNode step(JsonNode node, String key) {
        if (key.matches(".*\\[\\d+]")) {
            return node.get(key.substring(0, key.indexOf('['))).get(Integer.parseInt(key.replaceAll(".*\\[(\\d+)]", "$1")));
        }
        return node.get(key);
    }

    private static List<Edit> edits() {
        List<Edit> e = new ArrayList<>();
        for (Path g : new Path[] {SESSION, MODEL}) {
            e.add(new Edit(g, "slope", "true", "slope"));
            e.add(new Edit(g, "slope", "\"0.5\"", "slope"));
            e.add(new Edit(g, "slope", "0", "slope"));
            e.add(new Edit(g, "format", "1.5", "format"));
            e.add(new Edit(g, "format", "-1", "format"));
            e.add(new Edit(g, "kind", "7", "kind"));
            e.add(new Edit(g, "widths[0]", "16.5", "widths[0]"));
            e.add(new Edit(g, "widths", "[16, 784]", "widths"));
            e.add(new Edit(g, "layers[1].kind", "\"lstm\"", "layers[1].kind"));
            e.add(new Edit(g, "layers[0].file", "\"nothing.npy\"", "nothing.npy"));
            e.add(new Edit(g, "layers[0]", "{\"kind\": \"conv\", \"file\": \"layer1_W.npy\", \"shape\": {\"kernels\": \"six\"}}", "layers[0].shape"));
            e.add(new Edit(g, "config.architecture.widths[0]", "1.5", "config"));
            e.add(new Edit(g, "provenance.datapoints", "\"many\"", "provenance"));
            e.add(new Edit(g, "provenance.engine", "\"quantum\"", "provenance"));
        }
        e.add(new Edit(MODEL, "image_shape", "[1, 28, 27]", "image shape"));
        e.add(new Edit(MODEL, "image_shape", "[1, 28, 28.0]", "image_shape[2]"));
        e.add(new Edit(MODEL, "codes", "\"layer2_W.npy\"", "codes"));
        e.add(new Edit(MODEL, "codes", "5", "codes"));
        e.add(new Edit(SESSION, "dataset.count", "[300]", "dataset.count"));
        e.add(new Edit(SESSION, "dataset.count", "299", "latents"));
        e.add(new Edit(SESSION, "dataset.count", "0", "dataset.count"));
        e.add(new Edit(SESSION, "dataset.height", "27", "dataset"));
        e.add(new Edit(SESSION, "dataset.split", "\"dev\"", "dataset.split"));
        e.add(new Edit(SESSION, "dataset", null, "dataset: missing"));
        e.add(new Edit(SESSION, "pinned[0]", "-1", "pinned[0]"));
        e.add(new Edit(SESSION, "pinned[0]", "300", "pinned[0]"));
        e.add(new Edit(SESSION, "pinned", "[0, 1]", "pinned_targets.npy"));
        e.add(new Edit(SESSION, "steps", "[]", "step_residuals.npy"));
        e.add(new Edit(SESSION, "steps[0].step", "-4", "steps[0].step"));
        e.add(new Edit(SESSION, "steps[1].step", "0", "steps[1].step"));
        e.add(new Edit(SESSION, "steps[0].layer", "3", "steps[0].layer"));
        e.add(new Edit(SESSION, "steps[0].layer", "0", "steps[0].layer"));
        e.add(new Edit(SESSION, "steps[0].epoch", "0", "steps[0].epoch"));
        e.add(new Edit(SESSION, "steps[0].phase", "\"BOGUS\"", "steps[0].phase"));
        e.add(new Edit(SESSION, "steps[0].mse", "-0.5", "steps[0].mse"));
        e.add(new Edit(SESSION, "steps[0].mse", "\"small\"", "steps[0].mse"));
        e.add(new Edit(SESSION, "steps[0].condition", "true", "steps[0].condition"));
        e.add(new Edit(SESSION, "steps[0].method", "3", "steps[0].method"));
        e.add(new Edit(SESSION, "steps[0].layer_done", "0", "steps[0].layer_done"));
        e.add(new Edit(SESSION, "steps[0]", "[]", "steps[0]"));
        e.add(new Edit(SESSION, "trainer.layer", "2", "trainer.layer"));
        e.add(new Edit(SESSION, "trainer.layer", "1", "latents.npy"));
        e.add(new Edit(SESSION, "trainer.epoch", "-1", "trainer.epoch"));
        e.add(new Edit(SESSION, "trainer.first_half_done", "\"yes\"", "trainer.first_half_done"));
        e.add(new Edit(SESSION, "trainer.last_epoch_loss", "\"NaN\"", "trainer.last_epoch_loss"));
        e.add(new Edit(SESSION, "trainer", null, "trainer: missing"));
        e.add(new Edit(SESSION, "residual_steps", "[1, 0]", "residual_steps"));
        e.add(new Edit(SESSION, "residual_steps", "[5]", "residual_steps"));
        String summary = "{\"count\": 300, \"sum\": 1, \"max\": 1, \"bins\": [[3, %s]], \"worst\": [%s], \"worst_values\": [0.5]}";
        e.add(new Edit(SESSION, "steps[0].residual_summary", String.format(summary, "299", "0"), "steps[0].residual_summary: the bins do not add up"));
        e.add(new Edit(SESSION, "steps[0].residual_summary", String.format(summary, "[300]", "0"), "steps[0].residual_summary.bins[0][1]"));
        e.add(new Edit(SESSION, "steps[0].residual_summary", String.format(summary, "300", "300"), "steps[0].residual_summary.worst[0]"));
        e.add(new Edit(SESSION, "steps[0].residual_summary", String.format(summary, "300", "299"), null));
        e.add(new Edit(SESSION, "history[1].step", "7", "history[1].step"));
        e.add(new Edit(SESSION, "history[1].index", "4", "history[1].index"));
        e.add(new Edit(SESSION, "history[0].after_layer", "[true]", "after_layer"));
        e.add(new Edit(SESSION, "history[0].after_layer", "[true, false]", "history_after_layer_1.npy"));
        e.add(new Edit(SESSION, "history[0].next_phase", "\"XX\"", "history[0].next_phase"));
        e.add(new Edit(SESSION, "history[0].layer", "9", "history[0].layer"));
        e.add(new Edit(SESSION, "history", "[]", null));
        e.add(new Edit(SESSION, "baselines", "{\"pca_rank\": 3, \"pca_mse\": -1, \"autoencoder_mse\": []}", "baselines.pca_mse"));
        e.add(new Edit(SESSION, "baselines", "{\"pca_rank\": 3.5, \"pca_mse\": 1, \"autoencoder_mse\": []}", "baselines.pca_rank"));
        e.add(new Edit(SESSION, "watching", "{\"step_delay_ms\": -5, \"held_out\": []}", "watching.step_delay_ms"));
        e.add(new Edit(SESSION, "watching", "{\"step_delay_ms\": 5, \"held_out\": [\"x\"]}", "watching.held_out[0]"));
        e.add(new Edit(SESSION, "stream", "{\"file\": \"x.bin\", \"divisor\": 1, \"rows\": 300, \"engine\": {\"kind\": \"warp\"}}", "stream"));
        e.add(new Edit(SESSION, "stream", "{\"file\": \"x.bin\", \"divisor\": 0, \"rows\": 300, \"engine\": {\"kind\": \"store\"}}", "stream"));
        return e;
    }

    @TestFactory
    List<DynamicTest> eachWrongValueIsRefusedByItsKey() {
        List<DynamicTest> tests = new ArrayList<>();
        for (Edit edit : edits()) {
            tests.add(DynamicTest.dynamicTest(edit.golden().getFileName() + " " + edit.path() + " = " + edit.json(), () -> {
                Path p = edited(edit);
                if (edit.expected() == null) { // a change that keeps the file valid
                    assertDoesNotThrow(() -> SessionFile.read(p));
                    return;
                }
                Exception x = assertThrows(ModelFile.ModelFileException.class,
                        () -> { if (edit.golden() == SESSION) SessionFile.read(p); else ModelFile.read(p); });
                String msg = x.getMessage();
                assertTrue(msg.contains(edit.expected()), msg);
                assertTrue(msg.contains("damaged") || msg.contains("newer StarNet") || msg.contains("expected"), msg);
                assertFalse(msg.matches("(?s).*(Exception|java\\.|com\\.fasterxml|starnet\\.[a-z]+\\.[A-Z]|JsonToken|No enum constant|reference chain).*"), msg);
                assertFalse(msg.contains("\n"), msg);
            }));
        }
        return tests;
    }

    @Test
    void anEntryUnpackingToMoreThanTheManifestDescribesIsRefusedAsItUnpacks() throws IOException {
        Map<String, byte[]> entries = entries(SESSION);
        Path bomb = tmp.resolve("bomb.starnet");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(bomb))) {
            for (var e : entries.entrySet()) {
                z.putNextEntry(new ZipEntry(e.getKey()));
                if (e.getKey().equals("latents.npy")) { // 64 MB of zeros: a few hundred kB packed; the manifest's arrays take about 5 MB
                    z.write(e.getValue(), 0, 128);
                    byte[] zeros = new byte[1 << 20];
                    for (int i = 0; i < 64; i++) z.write(zeros);
                } else {
                    z.write(e.getValue());
                }
                z.closeEntry();
            }
        }
        assertTrue(Files.size(bomb) < 2_000_000, "a small file: " + Files.size(bomb));
        String msg = assertThrows(ModelFile.ModelFileException.class, () -> SessionFile.read(bomb)).getMessage();
        assertTrue(msg.contains("more than the arrays its manifest describes can take") && msg.contains("latents.npy"), msg);
        long bound = ModelFile.declaredBytes(entries.get("manifest.json"));
        assertTrue(bound > 735_677 && bound < 16_000_000, "the bound covers the golden file's arrays and stays near them: " + bound);
    }

    @Test
    void theGoldenFilesThemselvesRead() {
        assertDoesNotThrow(() -> SessionFile.read(SESSION));
        assertDoesNotThrow(() -> ModelFile.read(MODEL));
        assertDoesNotThrow(() -> SessionFile.read(Path.of("src/test/resources/golden/session-format1.starnet")));
    }
}
