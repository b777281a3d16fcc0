package starnet.io;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starnet.math.Matrix;
import starnet.model.InitKind;
import starnet.model.LeakyRelu;
import starnet.model.StarNetConfig;
import starnet.training.Initializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A damaged model file is answered with "the file is damaged: <what>" before its contents are used. */
class DamagedModelFileTest {
    @TempDir Path tmp;
    private Path good;

    @BeforeEach
    void model() throws IOException {
        var d = Initializer.decoder(new int[] {4, 9, 16}, new LeakyRelu(0.3), InitKind.ORTHOGONAL, 5);
        good = tmp.resolve("good.starnet");
        ModelFile.write(good, new ModelFile.SavedModel(StarNetConfig.defaults(), d, new int[] {1, 4, 4}, new Matrix(3, 4)));
    }

    private Map<String, byte[]> entries() throws IOException {
        return Zips.entries(good);
    }

    private Path write(String name, Map<String, byte[]> entries) throws IOException {
        return Zips.write(tmp.resolve(name), entries);
    }

    private Path withManifest(String name, UnaryOperator<ObjectNode> edit) throws IOException {
        Map<String, byte[]> e = entries();
        ObjectNode m = (ObjectNode) Json.MAPPER.readTree(e.get("manifest.json"));
        e.put("manifest.json", Json.MAPPER.writeValueAsBytes(edit.apply(m)));
        return write(name, e);
    }

    private static String damaged(Path p) {
        IOException e = assertThrows(IOException.class, () -> ModelFile.read(p));
        assertTrue(e.getMessage().contains("damaged") || e.getMessage().contains("not a"), e.getMessage());
        assertTrue(!e.getMessage().matches("(?s).*(Exception|java\\.|com\\.).*"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void nanWeightsAreRefused() throws IOException {
        Map<String, byte[]> e = entries();
        String layer = e.keySet().stream().filter(n -> n.startsWith("layer")).findFirst().orElseThrow();
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        double[] nan = new double[9 * 5];
        java.util.Arrays.fill(nan, Double.NaN);
        Npy.write(b, new int[] {9, 5}, nan);
        e.put(layer, b.toByteArray());
        assertTrue(damaged(write("nan.starnet", e)).contains("NaN or infinite"));
    }

    @Test
    void aSlopeTooSmallToInvertIsRefused() throws IOException {
        assertTrue(damaged(withManifest("slope.starnet", m -> m.put("slope", 1e-300))).contains("slope"));
    }

    @Test
    void anImageShapeThatDoesNotMatchTheDecoderIsRefused() throws IOException {
        String m = damaged(withManifest("shape.starnet", x -> {
            x.putArray("image_shape").add(1).add(5).add(5);
            return x;
        }));
        assertTrue(m.contains("image shape") && m.contains("16 outputs"), m);
    }

    @Test
    void anEntryThatUnpacksPastTheBudgetIsRefusedWhileUnpacking() throws IOException {
        Map<String, byte[]> e = entries();
        e.put("padding.npy", new byte[3 << 20]); // 3 MB of zeros: a few kB compressed
        Path p = write("bomb.starnet", e);
        assertTrue(Files.size(p) < 100_000);
        IOException x = assertThrows(IOException.class, () -> ModelFile.readEntries(p, "model", 1 << 20));
        assertTrue(x.getMessage().contains("unpack to more than 1 MB") && x.getMessage().contains("padding.npy"), x.getMessage());
    }

    @Test
    void duplicateEntriesAreRefused() throws IOException {
        Map<String, byte[]> e = entries();
        Path p = tmp.resolve("twice.starnet");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(p))) {
            for (var x : e.entrySet()) {
                z.putNextEntry(new ZipEntry(x.getKey()));
                z.write(x.getValue());
                z.closeEntry();
            }
        }
        // a second manifest.json appended by hand: ZipOutputStream itself would refuse the duplicate name
        byte[] once = Files.readAllBytes(p);
        Path twice = tmp.resolve("twice2.starnet");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(twice))) {
            z.putNextEntry(new ZipEntry("manifest.json"));
            z.write(e.get("manifest.json"));
            z.closeEntry();
        }
        byte[] first = Files.readAllBytes(twice);
        // a zip whose local entries repeat a name: the first file's local entry, then the whole good file
        Path combined = tmp.resolve("combined.starnet");
        Files.write(combined, concat(java.util.Arrays.copyOf(first, localEntryLength(first)), once));
        assertTrue(damaged(combined).contains("appears twice"));
    }

    /** The length of a zip's first local entry: up to the next local header or central directory (after a data descriptor, if any). */
    private static int localEntryLength(byte[] zip) {
        for (int i = 4; i + 4 <= zip.length; i++) { // the next local file header or central directory signature
            if (zip[i] == 'P' && zip[i + 1] == 'K' && ((zip[i + 2] == 3 && zip[i + 3] == 4) || (zip[i + 2] == 1 && zip[i + 3] == 2) || (zip[i + 2] == 7 && zip[i + 3] == 8))) {
                if (zip[i + 2] == 7) { // data descriptor: 16 bytes, then the next header
                    return i + 16;
                }
                return i;
            }
        }
        return zip.length;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    @Test
    void aFolderIsNotAModelFile() throws IOException {
        Path dir = Files.createDirectory(tmp.resolve("folder.starnet"));
        IOException e = assertThrows(IOException.class, () -> ModelFile.read(dir));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }
}
