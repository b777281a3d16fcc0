package starnet.explore;

import starnet.model.LatentMap;
import starnet.model.Projection;
import starnet.baseline.Pca;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.training.Cancellation;

import java.util.List;
import java.util.SplittableRandom;

/** Builds {@link LatentMap}s from codes. */
public final class LatentMaps {
    /** UMAP runs on at most this many items (a seeded sample): its neighbour graph grows faster than linearly. */
    public static final int UMAP_POINTS = 2000;
    /** PCA maps show at most this many items (a seeded sample); the projection itself uses all of them. */
    public static final int PCA_POINTS = 20000;

    private LatentMaps() {}

    /**
     * @param codes      N × d latents, read only
     * @param labels     N classes, or null
     * @param held       M × d held-out items' inferred latents, or null
     * @param heldLabels their classes, or null
     * @param seed       seeds the sample of shown items and UMAP
     */
    public static LatentMap map(Projection p, String source, Matrix codes, int[] labels, Matrix held, int[] heldLabels, List<String> classNames,
                                long seed, LinearAlgebra la, Cancellation cancel) {
        if (codes.cols() < 2) throw new IllegalArgumentException("the codes have " + codes.cols() + " dimension; a map needs at least 2");
        int[] rows = sample(codes.rows(), p == Projection.UMAP ? UMAP_POINTS : PCA_POINTS, seed);
        Matrix shown = codes.selectRows(rows);
        int[] shownLabels = labels == null ? null : java.util.Arrays.stream(rows).map(r -> labels[r]).toArray();
        double[][] xy, heldXy = {new double[0], new double[0]};
        String[] axes;
        cancel.check();
        if (p == Projection.PCA) {
            Pca pca = Pca.fit(codes, la);
            double[] share = pca.explained(2);
            xy = columns(pca.coordinates(shown, 2, la));
            if (held != null && held.rows() > 0) heldXy = columns(pca.coordinates(held, 2, la));
            axes = new String[] {String.format("principal direction 1 (%.0f%% of the variance)", 100 * share[0]),
                    String.format("principal direction 2 (%.0f%%)", 100 * share[1])};
        } else {
            tagbio.umap.Umap umap = new tagbio.umap.Umap();
            umap.setNumberComponents(2);
            umap.setNumberNearestNeighbours(Math.min(15, Math.max(2, shown.rows() - 1)));
            umap.setThreads(1);
            umap.setSeed(seed);
            umap.setVerbose(false);
            double[][] out = umap.fitTransform(toArrays(shown));
            cancel.check();
            xy = transpose(out);
            if (held != null && held.rows() > 0) {
                float[][] h = umap.transform(toFloats(held));
                double[][] hd = new double[h.length][];
                for (int i = 0; i < h.length; i++) hd[i] = new double[] {h[i][0], h[i][1]};
                heldXy = transpose(hd);
            }
            axes = new String[] {"UMAP 1", "UMAP 2"};
        }
        return new LatentMap(p, source, xy[0], xy[1], rows, shownLabels, heldXy[0], heldXy[1], held == null ? null : heldLabels,
                classNames, axes);
    }

    /** Up to {@code max} of 0..n−1, a seeded sample in ascending order (all of them when n ≤ max). */
    static int[] sample(int n, int max, long seed) {
        if (n <= max) return java.util.stream.IntStream.range(0, n).toArray();
        int[] perm = java.util.stream.IntStream.range(0, n).toArray();
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < max; i++) {
            int j = i + r.nextInt(n - i);
            int t = perm[i];
            perm[i] = perm[j];
            perm[j] = t;
        }
        int[] out = java.util.Arrays.copyOf(perm, max);
        java.util.Arrays.sort(out);
        return out;
    }

    private static double[][] columns(Matrix m) {
        double[][] c = new double[2][m.rows()];
        for (int i = 0; i < m.rows(); i++) {
            c[0][i] = m.get(i, 0);
            c[1][i] = m.get(i, 1);
        }
        return c;
    }

    private static double[][] transpose(double[][] rows) {
        double[][] c = new double[2][rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[0][i] = rows[i][0];
            c[1][i] = rows[i][1];
        }
        return c;
    }

    private static double[][] toArrays(Matrix m) {
        double[][] out = new double[m.rows()][];
        for (int i = 0; i < m.rows(); i++) out[i] = m.row(i);
        return out;
    }

    private static float[][] toFloats(Matrix m) {
        float[][] out = new float[m.rows()][m.cols()];
        for (int i = 0; i < m.rows(); i++) for (int j = 0; j < m.cols(); j++) out[i][j] = (float) m.get(i, j);
        return out;
    }
}
