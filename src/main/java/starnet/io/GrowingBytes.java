package starnet.io;

import java.util.Arrays;

/**
 * 8-bit pixels kept as bytes while they arrive, growing up to a declared total, then widened to doubles in [0, 1]
 * once: memory follows the data read, and the doubles — eight times larger — are allocated a single time, at
 * their final size, instead of being copied as they grow (which held the old and the new array at once: 640 MB
 * for Fashion-MNIST's 376 MB of doubles). Owned by the reader that fills it.
 */
public final class GrowingBytes {
    private final long declared;
    private byte[] bytes;
    private int size;

    /** @param declared the most values that will come (already checked with {@link Declared#product}) */
    public GrowingBytes(long declared) {
        this.declared = declared;
        this.bytes = new byte[(int) Math.min(declared, 1 << 20)];
    }

    /** Appends {@code len} pixels of {@code src} from {@code off}. */
    public void add(byte[] src, int off, int len) {
        long need = (long) size + len;
        if (need > declared) throw new IllegalStateException("more values than declared");
        if (need > bytes.length) bytes = Arrays.copyOf(bytes, (int) Math.max(need, Math.min(declared, 2L * bytes.length)));
        System.arraycopy(src, off, bytes, size, len);
        size += len;
    }

    public int size() { return size; }

    /** The pixels read, as values/255 (a new array of {@link #size()} doubles); the bytes are released. */
    public double[] unitDoubles() {
        double[] d = new double[size];
        byte[] b = bytes;
        bytes = new byte[0];
        for (int i = 0; i < d.length; i++) d[i] = (b[i] & 0xff) / 255.0;
        return d;
    }
}
