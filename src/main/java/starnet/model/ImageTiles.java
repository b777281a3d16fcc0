package starnet.model;

/** Converts one image row (channel-major, values in [0, 1]) into ARGB pixels, for Java2D and the UI alike. */
public final class ImageTiles {
    private ImageTiles() {}

    /**
     * @param values N × (c·h·w) row-major source, read only
     * @param row    which row
     * @return h·w ARGB pixels, row-major; values are clamped to [0, 1]
     */
    public static int[] argb(double[] values, int row, int c, int h, int w) {
        int d = c * h * w, base = row * d, n = h * w;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            int r, g, b;
            if (c == 1) {
                r = g = b = level(values[base + i]);
            } else {
                r = level(values[base + i]);
                g = level(values[base + n + i]);
                b = level(values[base + 2 * n + i]);
            }
            out[i] = 0xff000000 | (r << 16) | (g << 8) | b;
        }
        return out;
    }

    /** A diverging heat map of |a − b| per pixel (averaged over channels): black = 0, yellow-white = ≥ {@code max}. */
    public static int[] errorHeat(double[] a, int rowA, double[] b, int rowB, int c, int h, int w, double max) {
        int d = c * h * w, n = h * w;
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            double e = 0;
            for (int ch = 0; ch < c; ch++) e += Math.abs(a[rowA * d + ch * n + i] - b[rowB * d + ch * n + i]);
            out[i] = heat(Math.min(1, e / c / max));
        }
        return out;
    }

    /** The heat map's colour at {@code t} ∈ [0, 1] of its scale: dark blue, red, yellow, white-yellow (opaque ARGB). */
    public static int heat(double t) {
        int r = (int) Math.round(255 * Math.min(1, 2 * t));
        int g = (int) Math.round(255 * Math.max(0, 2 * t - 1));
        int bl = (int) Math.round(80 * Math.max(0, 1 - 4 * t));
        return 0xff000000 | (r << 16) | (g << 8) | bl;
    }

    private static int level(double v) {
        return (int) Math.round(255 * Math.max(0, Math.min(1, v)));
    }
}
