package starnet.model;

import starnet.math.LinearAlgebra;
import starnet.math.Matrix;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A feedforward StarNet decoder of K layers: codes h_0 (d_0) → … → images (d_K). Layer i (1-based in
 * the paper) is {@code layers().get(i - 1)}. The list is unmodifiable; layers are replaced, not mutated.
 */
public record Decoder(List<Layer> layers, LeakyRelu activation) {
    public Decoder {
        layers = Collections.unmodifiableList(new ArrayList<>(layers));
        for (int i = 1; i < layers.size(); i++) {
            if (layers.get(i).inputWidth() != layers.get(i - 1).outputWidth()) {
                throw new IllegalArgumentException("layer " + (i + 1) + " expects " + layers.get(i).inputWidth()
                        + " inputs but layer " + i + " gives " + layers.get(i - 1).outputWidth());
            }
        }
    }

    public int depth() { return layers.size(); }

    /** Widths d_0 … d_K. */
    public int[] widths() {
        int[] w = new int[layers.size() + 1];
        w[0] = layers.get(0).inputWidth();
        for (int i = 0; i < layers.size(); i++) w[i + 1] = layers.get(i).outputWidth();
        return w;
    }

    /** A copy with layer {@code index} (0-based) replaced. */
    public Decoder withLayer(int index, Layer layer) {
        List<Layer> l = new ArrayList<>(layers);
        l.set(index, layer);
        return new Decoder(l, activation);
    }

    /**
     * Decodes latents {@code h} that enter layer {@code fromLayer} (0-based), through every layer above:
     * h (N × d_fromLayer, read only) → images (new N × d_K matrix).
     */
    public Matrix decodeFrom(LinearAlgebra la, int fromLayer, Matrix h) {
        return decodeFrom(la, fromLayer, h, layers.size());
    }

    /** Decodes through layers [fromLayer, toLayer) only: the activated input of layer {@code toLayer}. */
    public Matrix decodeFrom(LinearAlgebra la, int fromLayer, Matrix h, int toLayer) {
        Matrix x = h;
        for (int i = fromLayer; i < toLayer; i++) {
            Layer l = layers.get(i);
            if (l instanceof ConvUnpoolLayer c && !c.denseFits()) {
                ConvOperator op = new ConvOperator(la, c);
                Matrix y = op.apply(x);
                DenseLayer.addBiasRows(y, op.outputBias());
                activation.applyInPlace(y.data());
                x = y;
            } else {
                x = l.affine().forward(la, x, activation);
            }
        }
        return x == h ? h.copy() : x;
    }
}
