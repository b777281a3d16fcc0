package starnet.ui.widgets;

/**
 * Fixed axis bounds for the loss chart, chosen so they change rarely while points arrive: each change
 * rebuilds the axis's tick labels, which under auto-ranging happened on every step.
 *
 * @param lower first value shown
 * @param upper last value shown
 * @param tick  distance between tick marks
 */
public record AxisRange(double lower, double upper, double tick) {
    /** Steps 0…{@code maxStep}: the upper bound doubles from 20 (20, 40, 80, …), four ticks. */
    public static AxisRange steps(double maxStep) {
        double upper = 20;
        while (upper < maxStep) upper *= 2;
        return new AxisRange(0, upper, upper / 4);
    }

    /**
     * log₁₀ values in [{@code min}, {@code max}]: whole decades around them, with ticks every quarter,
     * half or whole decade as the span grows. An empty range (no data) shows 10⁻⁴…10⁻¹.
     */
    public static AxisRange log10(double min, double max) {
        if (!(min <= max)) return new AxisRange(-4, -1, 1);
        double lower = Math.floor(min), upper = Math.ceil(max);
        if (upper - lower < 1) upper = lower + 1;
        double span = upper - lower;
        return new AxisRange(lower, upper, span <= 2 ? 0.25 : span <= 4 ? 0.5 : 1);
    }

    /** Linear values in [0, {@code max}]: the upper bound is 1, 2, 2.5 or 5 times a power of ten; five ticks. */
    public static AxisRange linear(double max) {
        if (!(max > 0)) return new AxisRange(0, 0.1, 0.02);
        double p = Math.pow(10, Math.floor(Math.log10(max)));
        for (double m : new double[] {1, 2, 2.5, 5}) {
            if (m * p >= max) return new AxisRange(0, m * p, m * p / 5);
        }
        return new AxisRange(0, 10 * p, 10 * p / 5);
    }

    /** Sets {@code axis} to this range, touching only what changed (each change lays the chart out again). */
    public void applyTo(javafx.scene.chart.NumberAxis axis) {
        if (axis.getLowerBound() != lower) axis.setLowerBound(lower);
        if (axis.getUpperBound() != upper) axis.setUpperBound(upper);
        if (axis.getTickUnit() != tick) axis.setTickUnit(tick);
    }
}
