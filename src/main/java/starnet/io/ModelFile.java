package starnet.io;

import starnet.model.IoMessages;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import starnet.math.Matrix;
import starnet.math.RowBlocks;
import starnet.model.ConvShape;
import starnet.model.ConvUnpoolLayer;
import starnet.model.Decoder;
import starnet.model.DenseLayer;
import starnet.model.LeakyRelu;
import starnet.model.StarNetConfig;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A trained model as one {@code .starnet} file: a zip holding {@code manifest.json} (format version,
 * configuration, widths, image shape) and the arrays as NumPy {@code .npy} files:
 * {@code layerI_W.npy} for a dense layer (the paper's W_i = [V | b], d_i × (d_{i-1}+1)) or
 * {@code layerI_kernels.npy} for a conv-unpool layer ([kernel | bias] per row, (c_out·u²) × (c_in·k² + 1),
 * kernel values in (c, dy, dx) order, with the geometry in the manifest), and optionally {@code codes.npy}.
 */
public final class ModelFile {
    public static final int FORMAT = 1;
    public static final String KIND = "starnet-model";

    /**
     * @param imageShape (channels, height, width) of the images the decoder outputs
     * @param codes      the training set's codes h_0 (N × d_0), or null
     */
    public record SavedModel(StarNetConfig config, Decoder decoder, int[] imageShape, Matrix codes, starnet.model.Provenance provenance) {
        /** A model without a record of where it came from. */
        public SavedModel(StarNetConfig config, Decoder decoder, int[] imageShape, Matrix codes) {
            this(config, decoder, imageShape, codes, null);
        }
    }

    /** The manifest's record of where the model came from, or null when it has none (files written before it was kept). */
    static starnet.model.Provenance provenance(Path file, JsonNode manifest) {
        return Manifest.root(file, manifest).record("provenance", starnet.model.Provenance.class);
    }

    /** A file that is not a readable model; the message is for the user. */
    public static final class ModelFileException extends IOException {
        public ModelFileException(String message) { super(message); }
    }

    private ModelFile() {}

    public static void write(Path file, SavedModel model) throws IOException {
        write(file, model, model.codes() == null ? null : RowBlocks.of(model.codes()));
    }

    /** {@code model} with {@code codes} (N × d_0, or null) written a block at a time instead of the model's own. */
    public static void write(Path file, SavedModel model, RowBlocks codes) throws IOException {
        AtomicFiles.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                ObjectNode m = header(KIND, FORMAT, model.config());
                ArrayNode s = m.putArray("image_shape");
                for (int v : model.imageShape()) s.add(v);
                describeDecoder(m, model.decoder());
                if (codes != null) m.put("codes", "codes.npy");
                if (model.provenance() != null) m.set("provenance", Json.MAPPER.valueToTree(model.provenance()));
                putJson(zip, "manifest.json", m);
                writeDecoderArrays(zip, model.decoder());
                if (codes != null) putStored(zip, "codes.npy", codes);
            }
        });
    }

    /** A new manifest with kind, format, app version and configuration. */
    static ObjectNode header(String kind, int format, StarNetConfig config) {
        ObjectNode m = Json.MAPPER.createObjectNode();
        m.put("kind", kind);
        m.put("format", format);
        m.put("app_version", Version.get());
        m.set("config", Json.MAPPER.valueToTree(config));
        return m;
    }

    /** Adds widths, slope and one {kind, file, shape} entry per layer to a manifest. */
    static void describeDecoder(ObjectNode m, Decoder d) {
        ArrayNode w = m.putArray("widths");
        for (int v : d.widths()) w.add(v);
        m.put("slope", d.activation().slope());
        ArrayNode layers = m.putArray("layers");
        for (int i = 0; i < d.depth(); i++) {
            ObjectNode l = layers.addObject();
            if (d.layers().get(i) instanceof ConvUnpoolLayer c) {
                l.put("kind", "conv");
                l.put("file", "layer" + (i + 1) + "_kernels.npy");
                l.set("shape", Json.MAPPER.valueToTree(c.shape()));
            } else {
                l.put("kind", "dense");
                l.put("file", "layer" + (i + 1) + "_W.npy");
            }
        }
    }

    /** The layers' arrays as named in {@link #describeDecoder}. */
    static void writeDecoderArrays(ZipOutputStream zip, Decoder d) throws IOException {
        for (int i = 0; i < d.depth(); i++) {
            if (d.layers().get(i) instanceof ConvUnpoolLayer c) {
                putStored(zip, "layer" + (i + 1) + "_kernels.npy", c.augmentedKernels());
            } else {
                putStored(zip, "layer" + (i + 1) + "_W.npy", ((DenseLayer) d.layers().get(i)).augmentedWeights());
            }
        }
    }

    static void putJson(ZipOutputStream zip, String name, JsonNode node) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(Json.MAPPER.writeValueAsBytes(node));
        zip.closeEntry();
    }

    /**
     * Arrays are stored uncompressed (doubles hardly deflate, and storing is ~20× faster), and streamed: a first pass
     * over the array computes the entry's size and CRC without keeping its bytes, the second writes it into the zip.
     * Saving a session needs no second copy of its largest arrays.
     */
    static void putStored(ZipOutputStream zip, String name, Matrix m) throws IOException {
        putStored(zip, name, RowBlocks.of(m));
    }

    /** {@code m} stored uncompressed as the .npy entry {@code name}: written twice, once to learn its length and checksum. */
    static void putStored(ZipOutputStream zip, String name, RowBlocks m) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        long[] size = {0};
        try (java.util.zip.CheckedOutputStream measure = new java.util.zip.CheckedOutputStream(new java.io.OutputStream() {
            @Override public void write(int b) { size[0]++; }
            @Override public void write(byte[] b, int off, int len) { size[0] += len; }
        }, crc)) {
            Npy.write(measure, m);
        }
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(size[0]);
        e.setCompressedSize(size[0]);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        Npy.write(zip, m);
        zip.closeEntry();
    }

    public static SavedModel read(Path file) throws IOException {
        Map<String, byte[]> entries = readEntries(file, "model");
        JsonNode m = manifest(file, entries, KIND, FORMAT);
        try {
            StarNetConfig config = ConfigJson.fromTree(m.get("config"));
            Decoder decoder = readDecoder(file, m, entries);
            int[] shape = Manifest.root(file, m).wholes("image_shape", 1, Integer.MAX_VALUE);
            int[] widths = decoder.widths();
            if (shape == null || shape.length != 3 || shape[0] < 1 || shape[1] < 1 || shape[2] < 1
                    || (long) shape[0] * shape[1] * shape[2] != widths[widths.length - 1]) {
                throw new ModelFileException(file + ": the file is damaged: the image shape " + java.util.Arrays.toString(shape)
                        + " does not match the decoder's " + widths[widths.length - 1] + " outputs");
            }
            Matrix codes = m.hasNonNull("codes") ? matrix(file, entries, Manifest.root(file, m).text("codes")) : null;
            if (codes != null && codes.cols() != widths[0]) {
                throw new ModelFileException(file + ": the file is damaged: its codes are " + codes.cols() + " wide; the decoder's first layer takes " + widths[0]);
            }
            return new SavedModel(config, decoder, shape, codes, provenance(file, m));
        } catch (ModelFileException e) {
            throw e;
        } catch (Manifest.Damaged e) {
            throw new ModelFileException(e.getMessage());
        } catch (ConfigJson.ConfigException e) {
            throw new ModelFileException(file + ": the file is damaged: config: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(file + ": the file is damaged (" + describe(e) + ")");
        }
    }

    /** A reader's failure without a class or library name in it. */
    static String describe(Exception e) {
        if (e instanceof IOException io) return IoMessages.describe(io);
        String m = e.getMessage();
        if (m == null || m.matches("(?s).*(Exception|java\\.|com\\.fasterxml|starnet\\.[a-z]+\\.[A-Z]).*")) return "an entry is not what the format says (details in the log)";
        return m;
    }

    /**
     * The entries of a StarNet zip that a reader uses (the manifest and the .npy arrays), by name. Each entry is
     * read with a cap (a few bytes that unpack to gigabytes are refused as they unpack, not after), names must be
     * unique, and anything else in the zip is skipped without being kept.
     */
    static Map<String, byte[]> readEntries(Path file, String what) throws IOException {
        return readEntries(file, what, Math.min(Declared.MAX_VALUES, Runtime.getRuntime().maxMemory() / 2));
    }

    /** {@link #readEntries(Path, String)} with at most {@code budget} bytes unpacked in all. */
    static Map<String, byte[]> readEntries(Path file, String what, long budget) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new ModelFileException(file + (Files.exists(file) ? ": not a regular file (a folder, device or pipe)" : ": no such " + what + " file"));
        }
        Map<String, byte[]> entries = new HashMap<>();
        java.util.Set<String> seen = new java.util.HashSet<>();
        try (ZipInputStream zip = new ZipInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            ZipEntry e;
            long total = 0;
            long declared = -1; // what the arrays may take, once the manifest (written first) has said what they hold
            while ((e = zip.getNextEntry()) != null) {
                String name = e.getName();
                if (!seen.add(name)) throw new ModelFileException(file + ": the file is damaged: the entry " + name + " appears twice");
                if (!name.equals("manifest.json") && !name.endsWith(".npy")) continue;
                boolean manifest = name.equals("manifest.json");
                long limit = manifest ? MAX_MANIFEST : declared >= 0 ? Math.min(budget, declared) : budget;
                byte[] b = readCapped(zip, manifest ? limit : limit - total, limit, file, name, declared >= 0 && !manifest);
                if (manifest) {
                    declared = declaredBytes(b);
                } else {
                    total += b.length;
                }
                entries.put(name, b);
            }
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFileException(file + ": not a StarNet " + what + " file (" + IoMessages.describe(e, file) + "); expected a .starnet file saved by the workbench");
        }
        if (!entries.containsKey("manifest.json")) throw new ModelFileException(file + ": not a StarNet " + what + " file (it is a zip archive, but without the list of contents every .starnet file has)");
        return entries;
    }

    /** The most a manifest may unpack to (a long run's step log is well under a megabyte). */
    static final long MAX_MANIFEST = 64L << 20;

    /**
     * An upper bound on the bytes of every array a manifest describes (its decoder's weights, and for its datapoints the
     * latents of every layer, the steps' residuals, the codes, the pinned items and their history), with room for the
     * .npy headers; −1 when the manifest does not say how many datapoints there are.
     */
    static long declaredBytes(byte[] manifest) {
        try {
            JsonNode m = Json.MAPPER.readTree(manifest);
            long n = Math.max(m.path("dataset").path("count").asLong(0), m.path("provenance").path("datapoints").asLong(0));
            JsonNode w = m.path("widths");
            if (n <= 0 || !w.isArray() || w.size() < 2) return -1;
            long sum = 0, max = 0, params = 0;
            for (int i = 0; i < w.size(); i++) {
                long v = w.get(i).asLong(-1);
                if (v < 1) return -1;
                sum += v;
                max = Math.max(max, v);
                if (i > 0) params += v * (w.get(i - 1).asLong() + 1);
            }
            long k = w.size() - 1L, d = w.get(w.size() - 1).asLong();
            long pinned = m.path("pinned").size(), history = m.path("history").size(), steps = m.path("steps").size();
            double values = params + (double) n * (sum + max + w.get(0).asLong()) + (double) steps * n + (double) pinned * d * (history + k + 2);
            double bytes = 8 * values + 4096.0 * (2 * k + 8);
            return bytes > Long.MAX_VALUE / 2.0 ? -1 : (long) bytes;
        } catch (IOException | RuntimeException e) {
            return -1; // the manifest's own check says what is wrong with it
        }
    }

    /**
     * One entry's bytes, refusing it once it passes {@code cap} bytes (what is left of {@code budget} for all entries;
     * {@code declared}: the budget is what the manifest says the arrays hold, not the heap).
     */
    private static byte[] readCapped(InputStream in, long cap, long budget, Path file, String name, boolean declared) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        byte[] buf = new byte[1 << 16];
        long n = 0;
        int r;
        while ((r = in.read(buf)) > 0) {
            n += r;
            if (n > cap) {
                throw new ModelFileException(file + ": the file is damaged: its entries unpack to more than " + (budget >> 20) + " MB (at " + name
                        + (declared ? "; more than the arrays its manifest describes can take)"
                                : "; more than this Java can hold: a damaged file, or start Java with a larger -Xmx)"));
            }
            b.write(buf, 0, r);
        }
        return b.toByteArray();
    }

    /** The manifest, checked for kind and format version. */
    static JsonNode manifest(Path file, Map<String, byte[]> entries, String kind, int maxFormat) throws IOException {
        byte[] manifestBytes = entries.get("manifest.json");
        JsonNode m;
        try {
            m = Json.STRICT.readTree(manifestBytes);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new ModelFileException(file + ": the file is damaged: its manifest is not valid JSON (" + Json.explain(e) + ")");
        } catch (IOException e) {
            throw new ModelFileException(file + ": the file is damaged: its manifest cannot be read");
        }
        if (m == null || !m.isObject()) throw new ModelFileException(file + ": the file is damaged: its manifest is not a JSON object");
        JsonNode f = m.path("format");
        if (!f.isIntegralNumber() || !f.canConvertToInt() || f.asInt() < 1) {
            throw new ModelFileException(file + ": the file is damaged: the manifest's format version must be a whole number from 1 to " + maxFormat
                    + (f.isMissingNode() ? ", and there is none" : ", got " + f));
        }
        int format = f.asInt();
        if (format > maxFormat) {
            throw new ModelFileException(file + ": written by a newer StarNet (format " + format + "); this version reads format " + maxFormat + " and older");
        }
        if (m.has("kind") && !m.get("kind").isTextual()) throw new ModelFileException(file + ": the file is damaged: the manifest's kind is not a text value");
        String k = m.path("kind").asText(KIND);
        if (!k.equals(kind)) throw new ModelFileException(file + ": this is a " + k + " file; expected a " + kind + " file");
        return m;
    }

    /** The decoder described by {@link #describeDecoder} and stored by {@link #writeDecoderArrays}. */
    static Decoder readDecoder(Path file, JsonNode root, Map<String, byte[]> entries) throws IOException {
        try {
            Manifest m = Manifest.root(file, root);
            double slope = m.number("slope", MIN_SLOPE, 1);
            LeakyRelu act = new LeakyRelu(slope);
            List<starnet.model.Layer> layers = new ArrayList<>();
            int[] widths = m.wholes("widths", 1, Integer.MAX_VALUE - 1);
            List<Manifest> specs = m.items("layers");
            if (specs.isEmpty()) throw m.damaged("the model has no layers");
            if (widths.length != specs.size() + 1) throw m.damaged(widths.length + " widths for " + specs.size() + " layers; expected one more width than layers");
            for (int i = 0; i < specs.size(); i++) {
                Manifest spec = specs.get(i);
                String name = spec.isText() ? spec.asText() : spec.text("file"); // format 1 listed the files alone
                String kind = spec.isText() ? "dense" : spec.oneOf("kind", "dense", "dense", "conv");
                Matrix w = matrix(file, entries, name);
                if (kind.equals("conv")) {
                    ConvShape shape = spec.record("shape", ConvShape.class);
                    if (shape == null) throw spec.damaged("shape: missing");
                    if (w.rows() != shape.kernels() || w.cols() != shape.patchSize() + 1) {
                        throw new ModelFileException(file + ": " + name + " has shape " + w.shape() + "; expected " + shape.kernels() + "x" + (shape.patchSize() + 1));
                    }
                    if (shape.inputWidth() != widths[i] || shape.outputWidth() != widths[i + 1]) {
                        throw spec.damaged("the conv layer maps " + shape.inputWidth() + " to " + shape.outputWidth() + " values; the widths say "
                                + widths[i] + " to " + widths[i + 1]);
                    }
                    layers.add(ConvUnpoolLayer.fromAugmented(shape, w));
                    continue;
                }
                if (w.rows() != widths[i + 1] || w.cols() != widths[i] + 1) {
                    throw new ModelFileException(file + ": " + name + " has shape " + w.shape() + "; expected " + widths[i + 1] + "x" + (widths[i] + 1));
                }
                layers.add(DenseLayer.fromAugmented(w));
            }
            return new Decoder(layers, act);
        } catch (Manifest.Damaged e) {
            throw new ModelFileException(e.getMessage());
        }
    }

    /** The largest magnitude a stored value may have: beyond it, the products a solve forms overflow. */
    static final double MAX_VALUE = 1e100;

    /** The smallest slope a saved model may have: below it, inverting the activation overflows. */
    static final double MIN_SLOPE = starnet.model.LeakyRelu.MIN_SLOPE;

    static Matrix matrix(Path file, Map<String, byte[]> entries, String name) throws IOException {
        byte[] b = entries.get(name);
        if (b == null) throw new ModelFileException(file + ": the file is damaged: " + name + ", which its manifest names, is missing");
        try (InputStream in = new ByteArrayInputStream(b)) {
            NpyArray a = Npy.read(in);
            if (a.shape().length != 2) throw new ModelFileException(file + ": the file is damaged: " + name + " is not a 2-D array");
            if (!a.dtype().endsWith("f8") && !a.dtype().endsWith("f4")) {
                throw new ModelFileException(file + ": the file is damaged: " + name + " holds " + a.dtype() + " values; expected 64- or 32-bit floats (<f8, <f4)");
            }
            for (double v : a.data()) {
                if (!Double.isFinite(v)) throw new ModelFileException(file + ": the file is damaged: " + name + " holds NaN or infinite values");
                if (Math.abs(v) > MAX_VALUE) {
                    throw new ModelFileException(file + ": the file is damaged: " + name + " holds values of absurd size (" + v + "; a trained model's stay far below "
                            + MAX_VALUE + ")");
                }
            }
            return new Matrix(a.shape()[0], a.shape()[1], a.data());
        } catch (Npy.FormatException e) {
            throw new ModelFileException(file + ": " + name + ": " + e.getMessage());
        }
    }
}
