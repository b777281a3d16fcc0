package starnet.model;

/**
 * One layer of a resolved architecture: its widths, and for a conv-unpool layer its geometry.
 *
 * @param index 0-based layer index (the paper's layer index + 1)
 * @param conv  null for a dense layer
 */
public record LayerPlan(int index, int inputWidth, int outputWidth, ConvShape conv) {
    public boolean isConv() { return conv != null; }

    /** "128 → 256" or "6×7×7 → 2×14×14 (k 7, u 2, same)" */
    public String describe() {
        return conv == null ? inputWidth + " → " + outputWidth : conv.describe();
    }
}
