package starnet.explore;

import starnet.figures.LinePlot;

import java.util.ArrayList;
import java.util.List;

/**
 * Codes projected to two dimensions: one point per item, coloured by its label.
 *
 * @param projection how the codes were flattened
 * @param source     which latents these are, in words (e.g. "codes h₀ (32-d)")
 * @param x          the items' first coordinates
 * @param y          their second coordinates
 * @param rows       the dataset row of each point
 * @param labels     each point's class, or null when the data has no labels
 * @param heldX      held-out items' first coordinates (their codes inferred, paper Lemma 3); empty when none
 * @param heldY      held-out items' second coordinates
 * @param heldLabels held-out items' classes, or null
 * @param classNames names of the classes (index = label), possibly empty
 * @param axisNames  the two axes' names (with the share of variance for PCA)
 */
public record LatentMap(Projection projection, String source, double[] x, double[] y, int[] rows, int[] labels,
                        double[] heldX, double[] heldY, int[] heldLabels, List<String> classNames, String[] axisNames) {
    public int size() { return x.length; }

    /** The class name of label {@code c}. */
    public String className(int c) {
        return c >= 0 && c < classNames.size() ? classNames.get(c) : Integer.toString(c);
    }

    /** The point nearest to (px, py) within {@code radius} (in map units), or −1. */
    public int nearest(double px, double py, double radius) {
        int best = -1;
        double bestD = radius * radius;
        for (int i = 0; i < x.length; i++) {
            double d = (x[i] - px) * (x[i] - px) + (y[i] - py) * (y[i] - py);
            if (d <= bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    /** The map as a scatter figure: a series per class, the held-out items as one more. */
    public LinePlot figure(String title) {
        List<LinePlot.Series> series = new ArrayList<>();
        if (labels == null) {
            series.add(new LinePlot.Series("training items", x, y, LinePlot.Kind.POINTS));
        } else {
            int classes = 0;
            for (int l : labels) classes = Math.max(classes, l + 1);
            for (int c = 0; c < classes; c++) {
                int cls = c;
                int[] idx = java.util.stream.IntStream.range(0, x.length).filter(i -> labels[i] == cls).toArray();
                if (idx.length == 0) continue;
                series.add(new LinePlot.Series(className(c), pick(x, idx), pick(y, idx), LinePlot.Kind.POINTS));
            }
        }
        if (heldX.length > 0) series.add(new LinePlot.Series("held-out items (latents inferred)", heldX, heldY, LinePlot.Kind.RINGS));
        return new LinePlot(title, axisNames[0], axisNames[1], series, false);
    }

    private static double[] pick(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) out[i] = v[idx[i]];
        return out;
    }
}
