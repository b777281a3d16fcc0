package starnet.training;

/**
 * How well one layer maps its latents onto its targets.
 *
 * @param mse       mean squared error of a(V h + b) against the targets, over all N·d_out values
 * @param mae       mean absolute error, likewise
 * @param residuals per datapoint ‖V h + b − p‖ / ‖p‖ with p = a⁻¹(t) (paper Lemma 4); owned by the record's holder, length N
 */
public record LayerFit(double mse, double mae, double[] residuals) {
    public double elastic() { return mse + mae; }
}
