package starnet.model;

import starnet.model.Projection;

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

}
