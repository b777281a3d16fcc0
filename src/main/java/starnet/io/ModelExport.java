package starnet.io;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import starnet.math.Matrix;
import starnet.model.ConvUnpoolLayer;
import starnet.model.Decoder;
import starnet.model.DenseLayer;
import starnet.model.Layer;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A trained model as plain NumPy files in a folder: {@code layerI_W.npy} (dense, the paper's [V | b])
 * or {@code layerI_kernels.npy} + {@code layerI_bias.npy} (conv, kernels as (c_out·u², c_in, k, k)),
 * {@code codes.npy}, and {@code architecture.json} describing how to decode.
 */
public final class ModelExport {
    private ModelExport() {}

    public static void write(Path dir, Decoder decoder, Matrix codes, int[] imageShape) throws IOException {
        Files.createDirectories(dir);
        ObjectNode arch = Json.MAPPER.createObjectNode();
        arch.put("format", 1);
        arch.put("activation", "leaky_relu");
        arch.put("slope", decoder.activation().slope());
        ArrayNode shape = arch.putArray("image_shape");
        for (int v : imageShape) shape.add(v);
        ArrayNode layers = arch.putArray("layers");
        for (int i = 0; i < decoder.depth(); i++) {
            Layer l = decoder.layers().get(i);
            ObjectNode o = layers.addObject();
            String n = "layer" + (i + 1);
            if (l instanceof ConvUnpoolLayer c) {
                var s = c.shape();
                o.put("kind", "conv_unpool");
                o.set("shape", Json.MAPPER.valueToTree(s));
                o.put("kernels", n + "_kernels.npy");
                o.put("bias", n + "_bias.npy");
                int[] kshape = {s.kernels(), s.cIn(), s.k(), s.k()};
                npy(dir.resolve(n + "_kernels.npy"), kshape, c.kernels().data());
                npy(dir.resolve(n + "_bias.npy"), new int[] {s.kernels()}, c.bias());
            } else {
                o.put("kind", "dense");
                o.put("weights", n + "_W.npy");
                o.put("note", "W = [V | b]: h_out = a(V @ h_in + b)");
                Matrix w = ((DenseLayer) l).augmentedWeights();
                npy(dir.resolve(n + "_W.npy"), new int[] {w.rows(), w.cols()}, w.data());
            }
        }
        if (codes != null) {
            npy(dir.resolve("codes.npy"), new int[] {codes.rows(), codes.cols()}, codes.data());
            arch.put("codes", "codes.npy");
        }
        byte[] json = Json.MAPPER.writeValueAsBytes(arch);
        AtomicFiles.write(dir.resolve("architecture.json"), out -> out.write(json));
    }

    private static void npy(Path file, int[] shape, double[] data) throws IOException {
        AtomicFiles.write(file, out -> Npy.write(out, shape, data));
    }
}
