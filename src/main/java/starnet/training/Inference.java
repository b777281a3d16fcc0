package starnet.training;

import starnet.math.Matrix;
import starnet.model.Decoder;
import starnet.model.DenseLayer;

/**
 * Test-time inference (paper Lemma 3): SL through the last layer, then through each layer below on
 * the latents just found, down to the codes. Weights are never touched; cost is linear in depth.
 */
public final class Inference {
    private Inference() {}

    /**
     * @param latents   latents[i] enter layer i (0-based), N × d_i; latents[0] are the codes
     * @param residuals residuals[i][n] = ‖V h + b − p‖/‖p‖ of datapoint n at layer i (Lemma 4)
     * @param reconstruction the images decoded from the codes, N × D
     */
    public record Result(Matrix[] latents, double[][] residuals, Matrix reconstruction) {
        public Matrix codes() { return latents[0]; }
    }

    /** @param images X, N × D, read only */
    public static Result infer(LayerSystem system, Decoder decoder, Matrix images, Cancellation cancel) {
        int k = decoder.depth();
        Matrix[] latents = new Matrix[k];
        double[][] residuals = new double[k][];
        Matrix targets = images;
        for (int i = k - 1; i >= 0; i--) {
            DenseLayer layer = decoder.layers().get(i).affine();
            Matrix op = system.latentOperator(layer).x();
            LayerSystem.LatentSolve ls = system.solveLatents(layer, op, targets, cancel);
            latents[i] = ls.latents();
            residuals[i] = ls.fit().residuals();
            targets = latents[i];
        }
        Matrix recon = decoder.decodeFrom(system.linearAlgebra(), 0, latents[0]);
        return new Result(latents, residuals, recon);
    }

    /**
     * Lemma 3 down to layer {@code from} (0-based) only: SL through the last layer and each layer below it
     * to layer {@code from}, then decode back — the held-out counterpart of a step's output MSE, for a decoder
     * whose layers from {@code from} up are trained (or being trained). Returns the mean squared error against
     * {@code images} (N × D, read only).
     */
    public static double outputMse(LayerSystem system, Decoder decoder, Matrix images, int from, Cancellation cancel) {
        return LayerSystem.mse(decoder.decodeFrom(system.linearAlgebra(), from, latentsDownTo(system, decoder, images, from, cancel)), images);
    }

    /** The latents entering layer {@code from} (0-based) of {@code images} (N × D, read only): SL from the last layer down to it; a new matrix. */
    public static Matrix latentsDownTo(LayerSystem system, Decoder decoder, Matrix images, int from, Cancellation cancel) {
        Matrix targets = images;
        for (int i = decoder.depth() - 1; i >= from; i--) {
            DenseLayer layer = decoder.layers().get(i).affine();
            targets = system.solveLatents(layer, system.latentOperator(layer).x(), targets, cancel).latents();
        }
        return targets;
    }
}
