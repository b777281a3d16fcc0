package starnet.model;

/**
 * What one SL or SW solve did. Immutable by convention: {@code residuals} is never written after construction.
 *
 * @param step       0-based index in the run's step log
 * @param layer      1-based layer (K = the output layer)
 * @param epoch      1-based epoch of that layer this step belongs to
 * @param phase      SL or SW
 * @param mse        the layer's own fit to its targets after the step
 * @param mae        likewise, mean absolute error
 * @param outputMse  error of the images decoded from the current latents through every layer from this one up
 * @param seconds    wall time of the solve and its evaluation
 * @param condition  condition estimate of the system matrix that was solved
 * @param method     what solver actually ran (e.g. "cholesky", "svd (fallback: …)")
 * @param residuals  per datapoint relative residual norms (Lemma 4), length N — or empty where they were not kept (an
 *                   older step of a long run) or stayed with the rows (a cluster's)
 * @param spread     the summary of all N residuals (histogram, mean, largest, worst rows), made from {@code residuals}
 *                   when given as null; null only where the step has neither (a session saved before summaries were
 *                   kept, whose step lost its residuals)
 * @param layerDone  true when this step closed the layer (converged or max epochs)
 */
public record StepResult(int step, int layer, int epoch, Phase phase, double mse, double mae, double outputMse,
                         double seconds, double condition, String method, double[] residuals, ResidualSummary spread, boolean layerDone) {
    public StepResult {
        if (spread == null && residuals.length > 0) spread = ResidualSummary.of(residuals, 0);
    }

    /** A step whose residuals are all here: their summary is made from them (none when they are empty). */
    public StepResult(int step, int layer, int epoch, Phase phase, double mse, double mae, double outputMse,
                      double seconds, double condition, String method, double[] residuals, boolean layerDone) {
        this(step, layer, epoch, phase, mse, mae, outputMse, seconds, condition, method, residuals, null, layerDone);
    }

    public double elastic() { return mse + mae; }

    /**
     * The step's number as every view and file shows it: Init is step 0 and the k-th solve is step k
     * ({@code step + 1}); the window, the charts, {@code metrics.jsonl} and the figures all count this way.
     */
    public int number() { return step + 1; }

    /** Whether {@code steps.get(i)} is the last solve of its layer's epoch in this log (the next step is of another epoch or layer, or there is none). */
    public static boolean closesEpoch(java.util.List<StepResult> steps, int i) {
        StepResult r = steps.get(i);
        return i + 1 == steps.size() || steps.get(i + 1).layer() != r.layer() || steps.get(i + 1).epoch() != r.epoch();
    }

    /** The same step without its per-datapoint residuals, with their summary (what a long log keeps of its older steps). */
    public StepResult withoutResiduals() {
        return new StepResult(step, layer, epoch, phase, mse, mae, outputMse, seconds, condition, method, new double[0], spread, layerDone);
    }

    /** Datapoint {@code row}'s residual: kept, or among the summary's worst rows; else NaN. */
    public double residualOf(int row) {
        if (row < residuals.length) return residuals[row];
        if (spread != null) for (int i = 0; i < spread.worst().length; i++) if (spread.worst()[i] == row) return spread.worstValues()[i];
        return Double.NaN;
    }

    /** One line for logs and the CLI's stderr. */
    public String summary() {
        return String.format("layer %d epoch %d %s  mse %.6f  mae %.5f  output_mse %.6f  cond %.3g  %.3fs%s",
                layer, epoch, phase, mse, mae, outputMse, condition, seconds, layerDone ? "  (layer done)" : "");
    }
}
