package starnet.io;

import java.util.Arrays;

/**
 * A double array that grows as values actually arrive, up to a declared total: memory follows the data
 * read, never a header's claim. Owned by the reader that fills it; {@link #array()} hands it over.
 */
public final class GrowingValues {
    private final long declared;
    private double[] values;
    private int size;

    /** @param declared the most values that will come (already checked with {@link Declared#product}) */
    public GrowingValues(long declared) {
        this.declared = declared;
        this.values = new double[(int) Math.min(declared, 1 << 16)];
    }

    /** Room for {@code n} more values (grows by doubling, never past the declared total). */
    public void reserve(int n) {
        long need = (long) size + n;
        if (need > declared) throw new IllegalStateException("more values than declared");
        if (need <= values.length) return;
        long grown = Math.max(need, Math.min(declared, 2L * values.length));
        values = Arrays.copyOf(values, (int) grown);
    }

    public void add(double v) {
        values[size++] = v;
    }

    public int size() { return size; }

    /** The values read, trimmed to their number. */
    public double[] array() {
        return size == values.length ? values : Arrays.copyOf(values, size);
    }
}
