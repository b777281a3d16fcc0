package starnet.spark;

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
import java.util.List;

/**
 * What the executors need of the driver's model for one pass, as plain arrays: the decoder's layers (dense or
 * conv-unpool), the activation's slope, the conv SL path and — for SL — the latent operator. Broadcast once per step.
 */
record SerialModel(double slope, LatentPath path, int[][] shapes, double[][] weights, double[][] biases, double[] op, int opRows, int opCols,
                   String backend) implements Serializable {
    /**
     * @param shapes per layer: {rows, cols} of a dense layer's V, or {cIn, h, w, cOut, k, u, padding ordinal, 0} of a
     *               conv layer's shape (8 values: a conv layer's kernels are cOut·u² × cIn·k²)
     * @param backend the executors' backend: "ejml" when the driver was told so, else "auto" (OpenBLAS, EJML where it does not load)
     */
    SerialModel {}

    @SuppressWarnings("EnumOrdinal") // a conv shape travels as ints to the executors of the same build, which read it back with values()
    static SerialModel of(Decoder d, LatentPath path, LatentOperator op, String backend) {
        int k = d.depth();
        int[][] shapes = new int[k][];
        double[][] w = new double[k][], b = new double[k][];
        for (int i = 0; i < k; i++) {
            Layer l = d.layers().get(i);
            if (l instanceof ConvUnpoolLayer c) {
                ConvShape s = c.shape();
                shapes[i] = new int[] {s.cIn(), s.h(), s.w(), s.cOut(), s.k(), s.u(), s.padding().ordinal(), 0};
                w[i] = c.kernels().data();
                b[i] = c.bias();
            } else {
                DenseLayer dl = (DenseLayer) l;
                shapes[i] = new int[] {dl.outputWidth(), dl.inputWidth()};
                w[i] = dl.weights().data();
                b[i] = dl.bias();
            }
        }
        Matrix x = op == null || op.matrixFree() ? null : op.solution().x();
        return new SerialModel(d.activation().slope(), path, shapes, w, b, x == null ? null : x.data(), x == null ? 0 : x.rows(), x == null ? 0 : x.cols(),
                backend);
    }

    @SuppressWarnings("EnumOrdinal") // see of()
    Decoder decoder() {
        List<Layer> layers = new ArrayList<>();
        for (int i = 0; i < shapes.length; i++) {
            int[] s = shapes[i];
            if (s.length == 8) {
                ConvShape shape = new ConvShape(s[0], s[1], s[2], s[3], s[4], s[5], Padding.values()[s[6]]);
                layers.add(new ConvUnpoolLayer(shape, new Matrix(shape.kernels(), shape.patchSize(), weights[i]), biases[i]));
            } else {
                layers.add(new DenseLayer(new Matrix(s[0], s[1], weights[i]), biases[i]));
            }
        }
        return new Decoder(layers, new LeakyRelu(slope));
    }

    LatentOperator latentOperator() {
        if (op == null) return LatentOperator.MATRIX_FREE;
        return new LatentOperator(new Solution(new Matrix(opRows, opCols, op), Double.NaN, "", false));
    }

    /** Passes for one task on this executor, with its backend (one thread: Spark runs tasks side by side); no solver (executors sum, the driver solves). */
    LayerPasses passes() {
        return new LayerPasses(new LayerSystem(Part.backend(backend), new LeakyRelu(slope), null), path);
    }
}
