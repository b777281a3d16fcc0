package starnet.training;

/**
 * A layer's fit summed over blocks of rows (chunks of a store, partitions on a cluster): squared and absolute errors,
 * the output's squared errors, and every datapoint's residual in its place. Combined, it is the fit of all rows.
 */
public final class FitTotals {
    private final double[] residuals;
    private final int dout, pixels;
    private double squares, absolutes, outputSquares;

    /**
     * @param n      datapoints in all
     * @param dout   the layer's output width
     * @param pixels the images' width (for the output MSE)
     */
    public FitTotals(long n, int dout, int pixels) {
        if (n > Integer.MAX_VALUE - 16) throw new IllegalArgumentException(n + " datapoints: at most " + (Integer.MAX_VALUE - 16));
        this.residuals = new double[(int) n];
        this.dout = dout;
        this.pixels = pixels;
    }

    /** Adds the fit of rows [from, from + rows) (its residuals are copied). */
    public void add(LayerFit f, long from, int rows) {
        squares += f.mse() * rows * dout;
        absolutes += f.mae() * rows * dout;
        if (!Double.isNaN(f.outputMse())) outputSquares += f.outputMse() * rows * (double) pixels;
        System.arraycopy(f.residuals(), 0, residuals, (int) from, rows);
    }

    /** Adds sums made elsewhere (a partition's) and the residuals of its rows starting at {@code from}. */
    public void add(double squares, double absolutes, double outputSquares, long from, double[] rowResiduals) {
        this.squares += squares;
        this.absolutes += absolutes;
        this.outputSquares += outputSquares;
        System.arraycopy(rowResiduals, 0, residuals, (int) from, rowResiduals.length);
    }

    /** The fit of every row; {@code lastLayer}: the output MSE is the layer's own. */
    public LayerFit fit(boolean lastLayer) {
        double cells = (double) residuals.length * dout;
        double mse = squares / cells;
        return new LayerFit(mse, absolutes / cells, residuals, lastLayer ? mse : outputSquares / ((double) residuals.length * pixels));
    }

    /** The sums of one block's fit of {@code rows} rows: {squares, absolutes, output squares}. */
    public static double[] sums(LayerFit f, int rows, int dout, int pixels) {
        double cells = (double) rows * dout;
        return new double[] {f.mse() * cells, f.mae() * cells, Double.isNaN(f.outputMse()) ? 0 : f.outputMse() * rows * (double) pixels};
    }
}
