package starnet.io;

/**
 * Sizes a file declares in its header, checked before anything is allocated for them: whole numbers in
 * range, products without overflow, and at most what one array holds. Reading then grows with the data
 * actually there ({@link GrowingValues}), so a tiny file that claims a huge array costs nothing.
 */
public final class Declared {
    /** The most values one Java array holds (a little below {@code Integer.MAX_VALUE}). */
    public static final long MAX_VALUES = Integer.MAX_VALUE - 16;

    private Declared() {}

    /**
     * The product of {@code dims}, checked: every factor ≥ 0 and the product ≤ {@link #MAX_VALUES}.
     *
     * @param what names the dimensions in the message, e.g. "the shape (60000, 784)"
     * @throws IllegalArgumentException in plain words when a factor is negative or the product too large
     */
    public static long product(String what, long... dims) {
        long p = 1;
        for (long d : dims) {
            if (d < 0) throw new IllegalArgumentException(what + " has a negative size (" + d + ")");
            try {
                p = Math.multiplyExact(p, d);
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException(what + " declares more values than any array can hold");
            }
        }
        if (p > MAX_VALUES) {
            throw new IllegalArgumentException(what + " declares " + p + " values, more than one array holds (" + MAX_VALUES + ")");
        }
        return p;
    }
}
