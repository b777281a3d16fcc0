package starnet.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One plot axis: its range, major ticks with labels in one number format, and minor ticks. A log axis has
 * its major ticks at decades (labelled 10ⁿ) and minor ticks at 2–9 × 10ⁿ; when fewer than two decades show,
 * it labels 1, 2 and 5 × 10ⁿ in plain decimals instead. A linear axis steps by 1, 2 or 5 × 10ⁿ with as many
 * decimals as the step needs, and moves a large or tiny magnitude into a common factor (×10ⁿ).
 *
 * @param lo     the lower end, in data units (for a log axis, lo > 0)
 * @param hi     the upper end
 * @param log    log scale
 * @param major  major tick positions in data units, ascending
 * @param labels one label per major tick
 * @param minor  minor tick positions in data units
 * @param factor the common power of ten moved out of the labels (0 = none), shown once at the axis end
 */
public record PlotAxis(double lo, double hi, boolean log, double[] major, List<Label> labels, double[] minor, int factor) {
    /** A tick label: its mantissa text and, for 10ⁿ labels, the exponent (else null). */
    public record Label(String text, String exponent) {
        /** The label as plain text (10^-3 written as "10^-3"). */
        public String plain() { return exponent == null ? text : text + "^" + exponent; }

        /** The label in one line of text, the exponent in superscript digits (10⁻³). */
        public String superscript() {
            if (exponent == null) return text;
            StringBuilder b = new StringBuilder(text);
            for (char c : exponent.toCharArray()) b.append(c == '−' || c == '-' ? '⁻' : "⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(c - '0'));
            return b.toString();
        }
    }

    /** A linear axis through [min, max] of the data (padded 5 % each side unless {@code tight}). */
    public static PlotAxis linear(double min, double max, boolean tight) {
        return linear(min, max, tight, false);
    }

    /** A linear axis; with {@code integers} (steps, epochs) every tick is a whole number. */
    public static PlotAxis linear(double min, double max, boolean tight, boolean integers) {
        if (!(min <= max)) { min = 0; max = 1; }
        if (max - min < 1e-12 * Math.max(1, Math.abs(max))) {
            double d = Math.max(Math.abs(max) * 0.1, 0.5);
            min -= d;
            max += d;
        }
        double pad = tight ? 0 : (max - min) * 0.05;
        double lo = min - pad, hi = max + pad;
        double step = niceStep((hi - lo) / 5);
        if (integers) step = Math.max(1, Math.round(step));
        List<Double> ticks = new ArrayList<>();
        for (long k = (long) Math.ceil(lo / step - 1e-9); k * step <= hi + step * 1e-9; k++) ticks.add(k * step);
        double biggest = Math.max(Math.abs(lo), Math.abs(hi));
        int factor = biggest >= 1e5 || biggest < 1e-3 ? (int) Math.floor(Math.log10(biggest)) : 0;
        double unit = Math.pow(10, factor);
        int decimals = Math.max(0, (int) -Math.floor(Math.log10(step / unit) + 1e-9));
        List<Label> labels = new ArrayList<>();
        for (double t : ticks) {
            double v = Math.abs(t) < step * 1e-9 ? 0 : t / unit;
            labels.add(new Label(String.format(Locale.ROOT, "%." + decimals + "f", v).replace("-", "−"), null));
        }
        List<Double> minor = new ArrayList<>();
        double m = step / (isFive(step) ? 5 : 2);
        for (long k = (long) Math.ceil(lo / m - 1e-9); k * m <= hi + m * 1e-9; k++) {
            if (!integers || k * m == Math.rint(k * m)) minor.add(k * m); // steps and epochs have no half-ticks
        }
        return new PlotAxis(lo, hi, false, unbox(ticks), labels, unbox(minor), factor);
    }

    /** A log axis through [min, max] of the positive data (padded by 5 % of its decades each side). */
    public static PlotAxis log(double min, double max) {
        if (!(min > 0) || !(max >= min)) { min = 0.1; max = 1; }
        double a = Math.log10(min), b = Math.log10(max);
        if (b - a < 0.3) { // a narrow range: at least a factor of two
            double mid = (a + b) / 2;
            a = mid - 0.15;
            b = mid + 0.15;
        }
        double pad = (b - a) * 0.05;
        // an end within a tenth of a decade of a value that would be labelled (1, 2, 5 × 10ⁿ; any digit within one decade) moves
        // out to it, so the lowest and highest data have a label beside them
        int[] digits = b - a + 2 * pad < 1 ? new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9} : new int[] {1, 2, 5};
        return logBetween(snap(Math.pow(10, a - pad), false, digits), snap(Math.pow(10, b + pad), true, digits));
    }

    /** The nearest {@code digits} × 10ⁿ below {@code v} (above it when {@code up}) if that is within a tenth of a decade, else {@code v}. */
    private static double snap(double v, boolean up, int[] digits) {
        int e = (int) Math.floor(Math.log10(v));
        double best = v, bestDistance = Double.POSITIVE_INFINITY;
        for (int d = e - 1; d <= e + 1; d++) {
            for (int k : digits) {
                double t = k * Math.pow(10, d), distance = Math.abs(Math.log10(t / v));
                if ((up ? t >= v : t <= v) && distance <= 0.1 && distance < bestDistance) {
                    best = t;
                    bestDistance = distance;
                }
            }
        }
        return best;
    }

    /** A log axis from exactly {@code lo} to {@code hi} (0 < lo < hi), with the ticks {@link #log} gives. */
    public static PlotAxis logBetween(double lo, double hi) {
        if (!(lo > 0) || !(hi > lo)) throw new IllegalArgumentException("a log axis needs 0 < lo < hi, not " + lo + ", " + hi);
        int first = (int) Math.ceil(Math.log10(lo) - 1e-9), last = (int) Math.floor(Math.log10(hi) + 1e-9);
        List<Double> major = new ArrayList<>(), minor = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        if (last - first >= 1) {
            int every = Math.max(1, (int) Math.ceil((last - first + 1) / 7.0)); // at most about seven labelled decades
            for (int e = first; e <= last; e++) {
                if ((e - first) % every != 0) continue;
                major.add(Math.pow(10, e));
                labels.add(new Label("10", Integer.toString(e).replace("-", "−")));
            }
            for (int e = first - 1; e <= last; e++) {
                for (int k = 2; k <= 9; k++) {
                    double v = k * Math.pow(10, e);
                    if (v >= lo && v <= hi) minor.add(v);
                }
                if ((e - first) % every != 0 && e >= first) minor.add(Math.pow(10, e));
            }
        } else { // less than two decades labelled: 1, 2, 5 × 10ⁿ (every digit when that gives fewer than two) in one decimal format
            for (int[] digits : new int[][] {{1, 2, 5}, {1, 2, 3, 4, 5, 6, 7, 8, 9}}) {
                major.clear();
                minor.clear();
                int smallest = Integer.MAX_VALUE;
                for (int e = first - 1; e <= last; e++) {
                    for (int k = 1; k <= 9; k++) {
                        double v = k * Math.pow(10, e);
                        if (v < lo || v > hi) continue;
                        int digit = k;
                        if (java.util.Arrays.stream(digits).anyMatch(x -> x == digit)) {
                            major.add(v);
                            smallest = Math.min(smallest, e);
                        } else {
                            minor.add(v);
                        }
                    }
                }
                labels.clear();
                int decimals = Math.max(0, -smallest);
                for (double v : major) labels.add(new Label(String.format(Locale.ROOT, "%." + decimals + "f", v), null));
                if (major.size() >= 2) break;
            }
        }
        return new PlotAxis(lo, hi, true, unbox(major), labels, unbox(minor), 0);
    }

    /** Where {@code v} falls along the axis, 0 at lo and 1 at hi (NaN for a non-positive value on a log axis). */
    public double fraction(double v) {
        if (log) return v > 0 ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : Double.NaN;
        return (v - lo) / (hi - lo);
    }

    static double niceStep(double raw) {
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double r = raw / mag;
        return (r < 1.5 ? 1 : r < 3.5 ? 2 : r < 7.5 ? 5 : 10) * mag;
    }

    private static boolean isFive(double step) {
        double r = step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
        return Math.abs(r - 5) < 1e-6;
    }

    private static double[] unbox(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
