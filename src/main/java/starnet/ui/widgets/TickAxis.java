package starnet.ui.widgets;

import javafx.scene.chart.ValueAxis;
import starnet.model.PlotAxis;

import java.util.ArrayList;
import java.util.List;

/**
 * A chart axis whose ticks and labels are the exported figures' ({@link PlotAxis}): decades labelled 10ⁿ with
 * minor ticks at 2–9 × 10ⁿ on a log axis, 1-2-5 steps on a linear one. On a log axis the chart's values are
 * log₁₀ of the data; the axis shows them as the data's own numbers. Its range changes only through
 * {@link #show}, so points arriving inside it do not rebuild the labels.
 */
public final class TickAxis extends ValueAxis<Number> {
    private PlotAxis ticks = PlotAxis.linear(0, 1, true);

    public TickAxis() {
        setAutoRanging(false);
        setMinorTickVisible(true);
    }

    /** Shows {@code axis}: its ends, its ticks and labels; a log axis maps to log₁₀ units. */
    public void show(PlotAxis axis) {
        if (sameAs(axis)) return;
        ticks = axis;
        setLowerBound(unit(axis.lo()));
        setUpperBound(unit(axis.hi()));
        invalidateRange();
        requestAxisLayout();
    }

    /** The axis shown (for tests). */
    public PlotAxis shown() { return ticks; }

    /** The label at each major tick, in order (for tests and the readout). */
    public List<String> labels() {
        return ticks.labels().stream().map(PlotAxis.Label::superscript).toList();
    }

    private boolean sameAs(PlotAxis a) {
        return a.log() == ticks.log() && a.lo() == ticks.lo() && a.hi() == ticks.hi();
    }

    private double unit(double v) {
        return ticks.log() ? Math.log10(v) : v;
    }

    @Override protected List<Number> calculateTickValues(double length, Object range) {
        List<Number> out = new ArrayList<>();
        for (double m : ticks.major()) out.add(unit(m));
        return out;
    }

    @Override protected List<Number> calculateMinorTickMarks() {
        List<Number> out = new ArrayList<>();
        for (double m : ticks.minor()) out.add(unit(m));
        return out;
    }

    @Override protected String getTickMarkLabel(Number value) {
        double v = value.doubleValue();
        for (int i = 0; i < ticks.major().length; i++) {
            if (Math.abs(unit(ticks.major()[i]) - v) < 1e-9 * Math.max(1, Math.abs(v))) return ticks.labels().get(i).superscript();
        }
        return "";
    }

    @Override protected Object getRange() {
        return new double[] {getLowerBound(), getUpperBound()};
    }

    @Override protected void setRange(Object range, boolean animate) {
        double[] r = (double[]) range;
        setLowerBound(r[0]);
        setUpperBound(r[1]);
        currentLowerBound.set(r[0]);
        double length = getSide() != null && getSide().isVertical() ? getHeight() : getWidth();
        setScale(calculateNewScale(length, r[0], r[1]));
    }
}
