package starnet.training;

import starnet.model.ResidualSummary;

/**
 * A layer's fit summed over blocks of rows (chunks of a store, partitions on a cluster): squared and absolute errors,
 * the output's squared errors, the blocks' residual summaries merged, and — unless they stay with the blocks
 * ({@link #summarizing}) — every datapoint's residual in its place. Combined, it is the fit of all rows.
 */
public final class FitTotals {
    private final double[] residuals; // null when summarizing
    private final long n;
    private final int dout, pixels;
    private double squares, absolutes, outputSquares;
    private ResidualSummary summary = ResidualSummary.empty();

    private FitTotals(long n, int dout, int pixels, boolean keepResiduals) {
        if (n > Integer.MAX_VALUE - 16) throw new IllegalArgumentException(n + " datapoints: at most " + (Integer.MAX_VALUE - 16));
        this.n = n;
        this.residuals = keepResiduals ? new double[(int) n] : null;
        this.dout = dout;
        this.pixels = pixels;
    }

    /**
     * Totals that keep every datapoint's residual (N doubles).
     *
     * @param n      datapoints in all
     * @param dout   the layer's output width
     * @param pixels the images' width (for the output MSE)
     */
    public FitTotals(long n, int dout, int pixels) {
        this(n, dout, pixels, true);
    }

    /** Totals of blocks that send their residuals' summary only: the fit's residuals are empty, its summary that of all rows. */
    public static FitTotals summarizing(long n, int dout, int pixels) {
        return new FitTotals(n, dout, pixels, false);
    }

    /** Adds the fit of rows [from, from + rows) (its residuals are copied). */
    public void add(LayerFit f, long from, int rows) {
        if (residuals == null) throw new IllegalStateException("these totals summarise; add the block's sums and summary");
        squares += f.mse() * rows * dout;
        absolutes += f.mae() * rows * dout;
        if (!Double.isNaN(f.outputMse())) outputSquares += f.outputMse() * rows * (double) pixels;
        System.arraycopy(f.residuals(), 0, residuals, (int) from, rows);
        summary = summary.plus(f.summary().from((int) from));
    }

    /** Adds {@link #sums} made elsewhere (a partition's) and the summary of its rows' residuals. */
    public void add(double[] sums, ResidualSummary rows) {
        if (residuals != null) throw new IllegalStateException("these totals keep every residual; add the block's fit");
        squares += sums[0];
        absolutes += sums[1];
        outputSquares += sums[2];
        summary = summary.plus(rows);
    }

    /** The fit of every row; {@code lastLayer}: the output MSE is the layer's own. */
    public LayerFit fit(boolean lastLayer) {
        if (summary.count() != n) throw new IllegalStateException("fits of " + summary.count() + " of " + n + " datapoints");
        double cells = (double) n * dout;
        double mse = squares / cells;
        double out = lastLayer ? mse : outputSquares / ((double) n * pixels);
        return new LayerFit(mse, absolutes / cells, residuals == null ? new double[0] : residuals, out, summary);
    }

    /** The sums of one block's fit of {@code rows} rows: {squares, absolutes, output squares}. */
    public static double[] sums(LayerFit f, int rows, int dout, int pixels) {
        double cells = (double) rows * dout;
        return new double[] {f.mse() * cells, f.mae() * cells, Double.isNaN(f.outputMse()) ? 0 : f.outputMse() * rows * (double) pixels};
    }
}
