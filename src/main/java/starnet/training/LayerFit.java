package starnet.training;

import starnet.model.ResidualSummary;

/**
 * How well one layer maps its latents onto its targets.
 *
 * @param mse       mean squared error of a(V h + b) against the targets, over all N·d_out values
 * @param mae       mean absolute error, likewise
 * @param residuals per datapoint ‖V h + b − p‖ / ‖p‖ with p = a⁻¹(t) (paper Lemma 4); owned by the record's holder,
 *                  length N — or empty where they stay with the rows (on a cluster) and only their summary came back
 * @param outputMse MSE of the images decoded through every layer from this one up, when asked for (else NaN)
 * @param summary   the residuals' summary (of all N datapoints, also when {@code residuals} is empty)
 */
public record LayerFit(double mse, double mae, double[] residuals, double outputMse, ResidualSummary summary) {
    /** The fit of a block whose residuals are all here (row i of the block is {@code residuals[i]}): summarised from them. */
    public LayerFit(double mse, double mae, double[] residuals, double outputMse) {
        this(mse, mae, residuals, outputMse, ResidualSummary.of(residuals, 0));
    }

    public double elastic() { return mse + mae; }
}
