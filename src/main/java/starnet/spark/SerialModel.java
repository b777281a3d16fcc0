package starnet.spark;

import org.apache.spark.broadcast.Broadcast;
import starnet.math.Matrix;
import starnet.math.Solution;
import starnet.model.ConvShape;
import starnet.model.ConvUnpoolLayer;
import starnet.model.Decoder;
import starnet.model.DenseLayer;
import starnet.model.LatentPath;
import starnet.model.Layer;
import starnet.model.LeakyRelu;
import starnet.model.Padding;
import starnet.training.LatentOperator;
import starnet.training.LayerPasses;
import starnet.training.LayerSystem;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.function.Function;

/**
 * What the executors need of the driver's model for one pass: the activation's slope, the conv SL path, each layer's
 * arrays and — for SL — the latent operator, the arrays as broadcasts. Small itself (it travels in the task); a layer
 * is broadcast once per version ({@link Layers}), so a step sends only the layer it changed and its operator.
 *
 * @param backend the executors' backend: "ejml" when the driver was told so, else "auto" (OpenBLAS, EJML where it does not load)
 */
record SerialModel(double slope, LatentPath path, List<Broadcast<SerialLayer>> layers, Broadcast<double[]> op, int opRows, int opCols,
                   String backend) implements Serializable {

    /**
     * One layer as plain arrays.
     *
     * @param shape {rows, cols} of a dense layer's V, or {cIn, h, w, cOut, k, u, padding ordinal, 0} of a conv layer's
     *              shape (8 values: a conv layer's kernels are cOut·u² × cIn·k²)
     */
    record SerialLayer(int[] shape, double[] weights, double[] bias) implements Serializable {
        @SuppressWarnings("EnumOrdinal") // a conv shape travels as ints to the executors of the same build, which read it back with values()
        static SerialLayer of(Layer l) {
            if (l instanceof ConvUnpoolLayer c) {
                ConvShape s = c.shape();
                return new SerialLayer(new int[] {s.cIn(), s.h(), s.w(), s.cOut(), s.k(), s.u(), s.padding().ordinal(), 0}, c.kernels().data(), c.bias());
            }
            DenseLayer dl = (DenseLayer) l;
            return new SerialLayer(new int[] {dl.outputWidth(), dl.inputWidth()}, dl.weights().data(), dl.bias());
        }

        @SuppressWarnings("EnumOrdinal") // see of()
        Layer layer() {
            if (shape.length == 8) {
                ConvShape s = new ConvShape(shape[0], shape[1], shape[2], shape[3], shape[4], shape[5], Padding.values()[shape[6]]);
                return new ConvUnpoolLayer(s, new Matrix(s.kernels(), s.patchSize(), weights), bias);
            }
            return new DenseLayer(new Matrix(shape[0], shape[1], weights), bias);
        }
    }

    /** The broadcasts of the layers sent so far, by layer object: a decoder's unchanged layers are the same objects. Driver only. */
    static final class Layers {
        private final IdentityHashMap<Layer, Broadcast<SerialLayer>> sent = new IdentityHashMap<>();
        private final Function<SerialLayer, Broadcast<SerialLayer>> broadcast;

        Layers(Function<SerialLayer, Broadcast<SerialLayer>> broadcast) {
            this.broadcast = broadcast;
        }

        List<Broadcast<SerialLayer>> of(Decoder d) {
            List<Broadcast<SerialLayer>> out = new ArrayList<>();
            for (Layer l : d.layers()) out.add(sent.computeIfAbsent(l, x -> broadcast.apply(SerialLayer.of(x))));
            return out;
        }

        /** Layer versions sent so far. */
        int count() { return sent.size(); }
    }

    Decoder decoder() {
        List<Layer> out = new ArrayList<>();
        for (Broadcast<SerialLayer> l : layers) out.add(l.value().layer());
        return new Decoder(out, new LeakyRelu(slope));
    }

    LatentOperator latentOperator() {
        if (op == null) return LatentOperator.MATRIX_FREE;
        return new LatentOperator(new Solution(new Matrix(opRows, opCols, op.value()), Double.NaN, "", false));
    }

    /** Passes for one task on this executor, with its backend (one thread: Spark runs tasks side by side); no solver (executors sum, the driver solves). */
    LayerPasses passes() {
        return new LayerPasses(new LayerSystem(Part.backend(backend), new LeakyRelu(slope), null), path);
    }
}
