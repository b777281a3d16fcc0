package starnet.model;

/**
 * Leaky ReLU a(y) = y for y ≥ 0 and α·y otherwise, with α in [10⁻⁶, 1] (α = 1 is linear), and its
 * inverse a⁻¹(y) = y for y ≥ 0 and y/α otherwise.
 */
public record LeakyRelu(double slope) {
    /** The smallest slope: its inverse 1/α = 10⁶ still leaves the inverted targets finite and meaningful. */
    public static final double MIN_SLOPE = 1e-6;

    public LeakyRelu {
        if (!(slope >= MIN_SLOPE && slope <= 1)) {
            throw new IllegalArgumentException("leaky-ReLU slope must be between 0.000001 and 1 (its inverse divides by it), got " + slope);
        }
    }

    public double apply(double y) { return y >= 0 ? y : slope * y; }

    public double inverse(double y) { return y >= 0 ? y : y / slope; }

    /** Applies a to every element of {@code d}, in place. */
    public void applyInPlace(double[] d) {
        if (slope == 1) return;
        for (int i = 0; i < d.length; i++) if (d[i] < 0) d[i] *= slope;
    }

    /** Applies a⁻¹ to every element of {@code d}, in place. */
    public void inverseInPlace(double[] d) {
        inverseInPlace(d, d.length);
    }

    /** Applies a⁻¹ to the first {@code length} elements of {@code d}, in place. */
    public void inverseInPlace(double[] d, int length) {
        if (slope == 1) return;
        double inv = 1.0 / slope;
        for (int i = 0; i < length; i++) if (d[i] < 0) d[i] *= inv;
    }
}
