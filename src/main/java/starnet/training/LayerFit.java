package starnet.training;

/**
 * How well one layer maps its latents onto its targets.
 *
 * @param mse       mean squared error of a(V h + b) against the targets, over all N·d_out values
 * @param mae       mean absolute error, likewise
 * @param residuals per datapoint ‖V h + b − p‖ / ‖p‖ with p = a⁻¹(t) (paper Lemma 4); owned by the record's holder, length N
 * @param outputMse MSE of the images decoded through every layer from this one up, when asked for (else NaN)
 */
public record LayerFit(double mse, double mae, double[] residuals, double outputMse) {
    public double elastic() { return mse + mae; }
}
