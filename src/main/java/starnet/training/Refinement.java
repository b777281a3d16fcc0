package starnet.training;

import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.Decoder;
import starnet.model.DenseLayer;
import starnet.model.Layer;
import starnet.model.LeakyRelu;

import java.util.ArrayList;
import java.util.List;

/**
 * End-to-end refinement after layer-wise training (beyond the paper): block coordinate steps on the
 * true output error ‖decode(h_0) − x‖², each accepted only when it lowers that error, so the curve is
 * monotone. Two kinds of block:
 * <ul>
 *   <li>refit one layer's weights by least squares on the inputs it actually receives when the codes
 *       are decoded, against the pre-activation targets implied by the layers above (for the last
 *       layer: the images themselves);</li>
 *   <li>a damped Gauss–Newton step on every code, the weights fixed: min ‖J·Δ − r‖² + μ‖Δ‖² by
 *       conjugate gradients with the decoder's Jacobian applied matrix-free, then a step-halving line search.</li>
 * </ul>
 * Feedforward decoders only.
 */
public final class Refinement {
    /** One accepted or rejected block. */
    public record Step(int round, String block, double mseBefore, double mseAfter, boolean accepted, double seconds) {}

    private final LayerSystem system;
    private final LinearAlgebra la;
    private final LeakyRelu act;
    private final Matrix data;
    private Decoder decoder;
    private Matrix codes;
    private double mse;

    public Refinement(LayerSystem system, Decoder decoder, Matrix codes, Matrix data) {
        for (Layer l : decoder.layers()) {
            if (!(l instanceof DenseLayer)) throw new IllegalArgumentException("refinement works on feedforward decoders only");
        }
        this.system = system;
        this.la = system.linearAlgebra();
        this.act = system.activation();
        this.data = data;
        this.decoder = decoder;
        this.codes = codes;
        this.mse = LayerSystem.mse(decoder.decodeFrom(la, 0, codes), data);
    }

    public double mse() { return mse; }
    public Decoder decoder() { return decoder; }
    public Matrix codes() { return codes; }

    /** {@code rounds} rounds of: Gauss–Newton on the codes, then refit each layer from the last. */
    public List<Step> run(int rounds, Cancellation cancel, java.util.function.Consumer<Step> listener) {
        List<Step> out = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            out.add(report(gaussNewtonCodes(r, cancel), listener));
            for (int i = decoder.depth() - 1; i >= 0; i--) out.add(report(refitLayer(r, i, cancel), listener));
        }
        return out;
    }

    private static Step report(Step s, java.util.function.Consumer<Step> listener) {
        if (listener != null) listener.accept(s);
        return s;
    }

    /** Least-squares refit of layer {@code index} on its actual inputs, towards the targets implied above it. */
    Step refitLayer(int round, int index, Cancellation cancel) {
        long t0 = System.nanoTime();
        double before = mse;
        Matrix inputs = index == 0 ? codes : decoder.decodeFrom(la, 0, codes, index);
        Matrix targets = data;
        for (int j = decoder.depth() - 1; j > index; j--) { // the outputs layer j+1.. want: SL through the layers above
            DenseLayer above = (DenseLayer) decoder.layers().get(j);
            targets = system.solveAllLatents(above, system.latentOperator(above).x(), targets, cancel);
        }
        Layer refit = system.solveWeights(inputs, targets, cancel).layer();
        Decoder candidate = decoder.withLayer(index, refit);
        double after = LayerSystem.mse(candidate.decodeFrom(la, 0, codes), data);
        boolean ok = after < before;
        if (ok) {
            decoder = candidate;
            mse = after;
        }
        return new Step(round, "refit layer " + (index + 1), before, ok ? after : before, ok, (System.nanoTime() - t0) / 1e9);
    }

    /** One damped Gauss–Newton step on all codes, weights fixed; halves the step until the error drops (or gives up). */
    Step gaussNewtonCodes(int round, Cancellation cancel) {
        long t0 = System.nanoTime();
        double before = mse;
        int k = decoder.depth();
        // forward pass, keeping each layer's pre-activation to get a'(·)
        Matrix[] pre = new Matrix[k];
        Matrix z = codes;
        for (int i = 0; i < k; i++) {
            pre[i] = ((DenseLayer) decoder.layers().get(i)).preActivation(la, z);
            Matrix y = pre[i].copy();
            act.applyInPlace(y.data());
            z = y;
        }
        Matrix r = data.minus(z); // residual x − f(h)
        double mu = 1e-3;
        BatchedCgls.Operator jacobian = new BatchedCgls.Operator() {
            @Override public Matrix apply(Matrix v) { return jv(pre, v); }
            @Override public Matrix applyTranspose(Matrix w) { return jtw(pre, w); }
        };
        Matrix delta = BatchedCgls.solve(jacobian, r, codes.cols(), mu, 12, 0, cancel);
        for (double step = 1.0; step >= 1.0 / 16; step /= 2) {
            Matrix candidate = codes.copy();
            double[] c = candidate.data(), d = delta.data();
            for (int i = 0; i < c.length; i++) c[i] += step * d[i];
            double after = LayerSystem.mse(decoder.decodeFrom(la, 0, candidate), data);
            if (after < before) {
                codes = candidate;
                mse = after;
                return new Step(round, String.format("Gauss-Newton on codes (step %.3g)", step), before, after, true, (System.nanoTime() - t0) / 1e9);
            }
        }
        return new Step(round, "Gauss-Newton on codes", before, before, false, (System.nanoTime() - t0) / 1e9);
    }

    /** J·v through the layers: u_{i} = a'(pre_i) ⊙ (V_i u_{i-1}). */
    private Matrix jv(Matrix[] pre, Matrix v) {
        Matrix u = v;
        for (int i = 0; i < pre.length; i++) {
            u = la.multiply(false, true, u, ((DenseLayer) decoder.layers().get(i)).weights());
            scaleByDerivative(u, pre[i]);
        }
        return u;
    }

    /** Jᵀ·w back through the layers. */
    private Matrix jtw(Matrix[] pre, Matrix w) {
        Matrix u = w.copy();
        for (int i = pre.length - 1; i >= 0; i--) {
            scaleByDerivative(u, pre[i]);
            u = la.multiply(false, false, u, ((DenseLayer) decoder.layers().get(i)).weights());
        }
        return u;
    }

    private void scaleByDerivative(Matrix u, Matrix pre) {
        double[] ud = u.data(), p = pre.data();
        double s = act.slope();
        for (int i = 0; i < ud.length; i++) if (p[i] < 0) ud[i] *= s;
    }
}
