package starnet.ui.widgets;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AxisRangeTest {
    @Test
    void stepsDoubleFromTwenty() {
        assertEquals(new AxisRange(0, 20, 5), AxisRange.steps(0));
        assertEquals(new AxisRange(0, 20, 5), AxisRange.steps(19));
        assertEquals(new AxisRange(0, 20, 5), AxisRange.steps(20));
        assertEquals(new AxisRange(0, 40, 10), AxisRange.steps(21));
        assertEquals(new AxisRange(0, 160, 40), AxisRange.steps(99));
    }

    @Test
    void logRangesCoverWholeDecades() {
        // MSE 0.0012 … 0.09 on log₁₀: -2.92 … -1.05 → 10⁻³ … 10⁻¹, quarter-decade ticks
        assertEquals(new AxisRange(-3, -1, 0.25), AxisRange.log10(Math.log10(0.0012), Math.log10(0.09)));
        assertEquals(new AxisRange(-3, -2, 0.25), AxisRange.log10(-2.5, -2.5), "one value: its decade");
        assertEquals(new AxisRange(-2, -1, 0.25), AxisRange.log10(-2, -2), "a power of ten: the decade above it");
        assertEquals(new AxisRange(-6, -2, 0.5), AxisRange.log10(-5.5, -2.1));
        assertEquals(new AxisRange(-9, -1, 1), AxisRange.log10(-8.5, -1.2));
        assertEquals(new AxisRange(-4, -1, 1), AxisRange.log10(Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY), "no data");
    }

    @Test
    void linearRangesEndAtRoundNumbers() {
        assertEquals(new AxisRange(0, 0.1, 0.02), AxisRange.linear(0.1));
        assertEquals(0.02, AxisRange.linear(0.013).upper(), 1e-15);
        assertEquals(0.025, AxisRange.linear(0.021).upper(), 1e-15);
        assertEquals(0.05, AxisRange.linear(0.03).upper(), 1e-15);
        assertEquals(1.0, AxisRange.linear(0.51).upper(), 1e-15);
        assertEquals(new AxisRange(0, 0.1, 0.02), AxisRange.linear(Double.NEGATIVE_INFINITY), "no data");
    }
}
