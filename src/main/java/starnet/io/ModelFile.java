package starnet.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import starnet.math.Matrix;
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
    public record SavedModel(StarNetConfig config, Decoder decoder, int[] imageShape, Matrix codes) {}

    /** A file that is not a readable model; the message is for the user. */
    public static final class ModelFileException extends IOException {
        public ModelFileException(String message) { super(message); }
    }

    private ModelFile() {}

    public static void write(Path file, SavedModel model) throws IOException {
        AtomicFiles.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                ObjectNode m = header(KIND, FORMAT, model.config());
                ArrayNode s = m.putArray("image_shape");
                for (int v : model.imageShape()) s.add(v);
                describeDecoder(m, model.decoder());
                if (model.codes() != null) m.put("codes", "codes.npy");
                putJson(zip, "manifest.json", m);
                writeDecoderArrays(zip, model.decoder());
                if (model.codes() != null) putStored(zip, "codes.npy", model.codes());
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

    /** Arrays are stored uncompressed: doubles hardly deflate, and storing is ~20× faster. */
    static void putStored(ZipOutputStream zip, String name, Matrix m) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(m.data().length * 8 + 128);
        Npy.write(bytes, m);
        byte[] b = bytes.toByteArray();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(b);
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(b.length);
        e.setCompressedSize(b.length);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(b);
        zip.closeEntry();
    }

    public static SavedModel read(Path file) throws IOException {
        Map<String, byte[]> entries = readEntries(file, "model");
        JsonNode m = manifest(file, entries, KIND, FORMAT);
        try {
            StarNetConfig config = ConfigJson.fromTree(m.get("config"));
            Decoder decoder = readDecoder(file, m, entries);
            int[] shape = Json.MAPPER.treeToValue(m.get("image_shape"), int[].class);
            Matrix codes = m.has("codes") ? matrix(file, entries, m.get("codes").asText()) : null;
            return new SavedModel(config, decoder, shape, codes);
        } catch (ModelFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelFileException(file + ": the file is damaged (" + e.getMessage() + ")");
        }
    }

    /** All entries of a StarNet zip, by name. */
    static Map<String, byte[]> readEntries(Path file, String what) throws IOException {
        if (!Files.isRegularFile(file)) throw new ModelFileException(file + ": no such " + what + " file");
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
            ZipEntry e;
            while ((e = zip.getNextEntry()) != null) {
                ByteArrayOutputStream b = new ByteArrayOutputStream();
                zip.transferTo(b);
                entries.put(e.getName(), b.toByteArray());
            }
        } catch (IOException e) {
            throw new ModelFileException(file + ": not a StarNet " + what + " file (" + e.getMessage() + "); expected a .starnet zip");
        }
        if (!entries.containsKey("manifest.json")) throw new ModelFileException(file + ": not a StarNet " + what + " file (no manifest.json inside)");
        return entries;
    }

    /** The manifest, checked for kind and format version. */
    static JsonNode manifest(Path file, Map<String, byte[]> entries, String kind, int maxFormat) throws IOException {
        byte[] manifestBytes = entries.get("manifest.json");
        JsonNode m;
        try {
            m = Json.MAPPER.readTree(manifestBytes);
        } catch (IOException e) {
            throw new ModelFileException(file + ": the manifest is not valid JSON (" + e.getMessage() + ")");
        }
        int format = m.path("format").asInt(-1);
        if (format < 1) throw new ModelFileException(file + ": the manifest has no format version");
        if (format > maxFormat) {
            throw new ModelFileException(file + ": written by a newer StarNet (format " + format + "); this version reads format " + maxFormat + " and older");
        }
        String k = m.path("kind").asText(KIND);
        if (!k.equals(kind)) throw new ModelFileException(file + ": this is a " + k + " file; expected a " + kind + " file");
        return m;
    }

    /** The decoder described by {@link #describeDecoder} and stored by {@link #writeDecoderArrays}. */
    static Decoder readDecoder(Path file, JsonNode m, Map<String, byte[]> entries) throws IOException {
        {
            LeakyRelu act = new LeakyRelu(m.path("slope").asDouble());
            List<starnet.model.Layer> layers = new ArrayList<>();
            int[] widths = Json.MAPPER.treeToValue(m.get("widths"), int[].class);
            for (int i = 0; i < m.path("layers").size(); i++) {
                JsonNode spec = m.path("layers").get(i);
                String name = spec.isTextual() ? spec.asText() : spec.path("file").asText();
                Matrix w = matrix(file, entries, name);
                if (spec.path("kind").asText("dense").equals("conv")) {
                    ConvShape shape = Json.MAPPER.treeToValue(spec.get("shape"), ConvShape.class);
                    if (w.rows() != shape.kernels() || w.cols() != shape.patchSize() + 1) {
                        throw new ModelFileException(file + ": " + name + " has shape " + w.shape() + "; expected " + shape.kernels() + "x" + (shape.patchSize() + 1));
                    }
                    layers.add(ConvUnpoolLayer.fromAugmented(shape, w));
                    continue;
                }
                if (w.rows() != widths[i + 1] || w.cols() != widths[i] + 1) {
                    throw new ModelFileException(file + ": " + name + " has shape " + w.shape() + "; expected " + widths[i + 1] + "x" + (widths[i] + 1));
                }
                layers.add(DenseLayer.fromAugmented(w));
            }
            if (layers.isEmpty()) throw new ModelFileException(file + ": the model has no layers");
            return new Decoder(layers, act);
        }
    }

    static Matrix matrix(Path file, Map<String, byte[]> entries, String name) throws IOException {
        byte[] b = entries.get(name);
        if (b == null) throw new ModelFileException(file + ": " + name + " is missing from the model");
        try (InputStream in = new ByteArrayInputStream(b)) {
            NpyArray a = Npy.read(in);
            if (a.shape().length != 2) throw new ModelFileException(file + ": " + name + " is not a 2-D array");
            return new Matrix(a.shape()[0], a.shape()[1], a.data());
        } catch (Npy.FormatException e) {
            throw new ModelFileException(file + ": " + name + ": " + e.getMessage());
        }
    }
}
