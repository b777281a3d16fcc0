package starnet.io;

import java.util.Arrays;

/**
 * 8-bit pixels kept as bytes while they arrive, growing up to a declared total, then handed over as
 * {@link starnet.math.PixelBytes}: memory follows the data read (the doubles, eight times larger, are made from them
 * where needed, at their final size, instead of being copied as they grow, which held the old and the new array at
 * once: 640 MB for Fashion-MNIST's 376 MB of doubles). Owned by the reader that fills it.
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

    /** The pixels read, {@code rows} × {@code cols} (the size read), as pixel bytes standing for values/255; the reader's array is handed over. */
    public starnet.math.PixelBytes pixels(int rows, int cols) {
        byte[] b = bytes.length == size ? bytes : Arrays.copyOf(bytes, size);
        bytes = new byte[0];
        return new starnet.math.PixelBytes(rows, cols, b);
    }
}
