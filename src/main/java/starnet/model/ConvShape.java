package starnet.model;

/**
 * The geometry of one conv-unpool layer (DESIGN §4): a latent grid (cIn, h, w) is convolved with
 * cOut·u² kernels of shape (cIn, k, k) plus bias, giving (cOut·u², h', w'), then depth-to-space by u
 * gives (cOut, u·h', u·w'). Values are laid out channel-major, (c, y, x) at (c·H + y)·W + x.
 *
 * @param cIn     channels of the latent grid entering the layer
 * @param h       latent grid height
 * @param w       latent grid width
 * @param cOut    channels of the output
 * @param k       kernel size (odd)
 * @param u       unpool factor (≥ 1)
 * @param padding same or full
 */
public record ConvShape(int cIn, int h, int w, int cOut, int k, int u, Padding padding) {
    public ConvShape {
        if (cIn < 1 || cOut < 1 || h < 1 || w < 1) throw new IllegalArgumentException("conv channels and grid sizes must be ≥ 1");
        if (k < 1 || k % 2 == 0) throw new IllegalArgumentException("kernel size must be odd and ≥ 1, got " + k);
        if (u < 1) throw new IllegalArgumentException("unpool size must be ≥ 1, got " + u);
    }

    /**
     * The shape whose output is a (cOut, outH, outW) target.
     *
     * @throws IllegalArgumentException in plain words when the sizes do not divide or leave no grid
     */
    public static ConvShape forTarget(int cIn, int cOut, int k, int u, Padding padding, int outH, int outW, int layer) {
        if (outH % u != 0 || outW % u != 0) {
            throw new IllegalArgumentException("layer " + layer + ": its output " + outH + "×" + outW + " is not divisible by the unpool size " + u);
        }
        int gh = outH / u, gw = outW / u;
        int h = padding == Padding.SAME ? gh : gh - k + 1, w = padding == Padding.SAME ? gw : gw - k + 1;
        if (h < 1 || w < 1) {
            throw new IllegalArgumentException("layer " + layer + ": with full padding, kernel " + k + " and unpool " + u + ", the output "
                    + outH + "×" + outW + " leaves no latent grid (" + h + "×" + w + "); use a smaller kernel or same padding");
        }
        return new ConvShape(cIn, h, w, cOut, k, u, padding);
    }

    public int pad() { return padding == Padding.SAME ? (k - 1) / 2 : k - 1; }
    /** Height of the convolution's response grid h'. */
    public int gridH() { return padding == Padding.SAME ? h : h + k - 1; }
    public int gridW() { return padding == Padding.SAME ? w : w + k - 1; }
    public int positions() { return gridH() * gridW(); }
    public int outH() { return u * gridH(); }
    public int outW() { return u * gridW(); }
    public int kernels() { return cOut * u * u; }
    /** Unknowns per kernel without the bias: cIn·k². */
    public int patchSize() { return cIn * k * k; }
    public int inputWidth() { return cIn * h * w; }
    public int outputWidth() { return cOut * outH() * outW(); }

    /** Flat output index of kernel q's response at grid position (y, x) after depth-to-space. */
    public int outIndex(int q, int y, int x) {
        int c = q / (u * u), r = q % (u * u), dy = r / u, dx = r % u;
        return (c * outH() + u * y + dy) * outW() + u * x + dx;
    }

    /** "6×7×7 → 2×14×14 (k 7, u 2, same)" */
    public String describe() {
        return cIn + "×" + h + "×" + w + " → " + cOut + "×" + outH() + "×" + outW() + " (k " + k + ", u " + u + ", " + padding.id() + ")";
    }
}
