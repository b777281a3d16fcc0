package starnet.training;

import starnet.math.Matrix;
import starnet.model.Decoder;

import java.util.Arrays;

/**
 * Out-of-distribution scores from StarNet's residuals (paper Lemma 4): infer each item's codes with
 * the model's weights fixed and score it by its mean relative residual over the layers; items unlike
 * the training data leave larger residuals. Plus the ROC curve and its area for two sets of scores.
 */
public final class OutlierScores {
    private OutlierScores() {}

    /** One score per row of {@code images} (N × D, read only). */
    public static double[] score(LayerSystem system, Decoder decoder, Matrix images, Cancellation cancel) {
        Inference.Result r = Inference.infer(system, decoder, images, cancel);
        double[] s = new double[images.rows()];
        for (double[] layer : r.residuals()) for (int i = 0; i < s.length; i++) s[i] += layer[i] / r.residuals().length;
        return s;
    }

    /**
     * Area under the ROC curve for "out" scoring higher than "in": the probability that a random out
     * item scores above a random in item (ties count half), by sorting (Mann–Whitney U).
     */
    public static double auroc(double[] in, double[] out) {
        int n = in.length + out.length;
        double[] all = new double[n];
        boolean[] isOut = new boolean[n];
        Integer[] idx = new Integer[n];
        for (int i = 0; i < in.length; i++) all[i] = in[i];
        for (int i = 0; i < out.length; i++) {
            all[in.length + i] = out[i];
            isOut[in.length + i] = true;
        }
        for (int i = 0; i < n; i++) idx[i] = i;
        Arrays.sort(idx, (a, b) -> Double.compare(all[a], all[b]));
        double rankSumOut = 0;
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && all[idx[j + 1]] == all[idx[i]]) j++;
            double avgRank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) if (isOut[idx[k]]) rankSumOut += avgRank;
            i = j + 1;
        }
        double u = rankSumOut - (double) out.length * (out.length + 1) / 2;
        return u / ((double) in.length * out.length);
    }

    /** ROC points (false positive rate, true positive rate) for thresholds from high to low: k × 2. */
    public static double[][] roc(double[] in, double[] out) {
        double[] thresholds = new double[in.length + out.length];
        System.arraycopy(in, 0, thresholds, 0, in.length);
        System.arraycopy(out, 0, thresholds, in.length, out.length);
        Arrays.sort(thresholds);
        double[] sortedIn = in.clone(), sortedOut = out.clone();
        Arrays.sort(sortedIn);
        Arrays.sort(sortedOut);
        int steps = Math.min(200, thresholds.length);
        double[][] pts = new double[steps + 2][];
        pts[0] = new double[] {0, 0};
        for (int s = 0; s < steps; s++) {
            double t = thresholds[thresholds.length - 1 - (int) ((long) s * (thresholds.length - 1) / Math.max(1, steps - 1))];
            pts[s + 1] = new double[] {fractionAtLeast(sortedIn, t), fractionAtLeast(sortedOut, t)};
        }
        pts[steps + 1] = new double[] {1, 1};
        return pts;
    }

    private static double fractionAtLeast(double[] sorted, double t) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < t) lo = mid + 1; else hi = mid;
        }
        return (sorted.length - lo) / (double) sorted.length;
    }
}
