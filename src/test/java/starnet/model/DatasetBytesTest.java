package starnet.model;

import org.junit.jupiter.api.Test;
import starnet.math.Matrix;
import starnet.math.PixelBytes;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.*;

/** A dataset held as bytes answers as the same dataset held as doubles, and widens its images only when asked for them whole. */
class DatasetBytesTest {
    private static byte[] pixels(int n, long seed) {
        byte[] b = new byte[n];
        SplittableRandom r = new SplittableRandom(seed);
        for (int i = 0; i < n; i++) b[i] = (byte) r.nextInt(256);
        return b;
    }

    private static Matrix widened(int rows, int cols, byte[] b) {
        double[] d = new double[b.length];
        for (int i = 0; i < d.length; i++) d[i] = (b[i] & 0xff) / 255.0; // the IDX reader's division, written out
        return new Matrix(rows, cols, d);
    }

    @Test
    void bytesAndDoublesAreTheSameData() {
        int n = 700, d = 3 * 4 * 5;
        byte[] b = pixels(n * d, 7);
        int[] labels = new int[n];
        Dataset asBytes = new Dataset("t", "src", 3, 4, 5, new PixelBytes(n, d, b.clone()), labels, List.of());
        Dataset asDoubles = new Dataset("t", "src", 3, 4, 5, widened(n, d, b), labels, List.of());
        assertFalse(asBytes.holdsDoubles());
        assertEquals(asDoubles.contentHash(n), asBytes.contentHash(n), "the same hash: a session file finds its data either way");
        assertEquals(asDoubles.contentHash(123), asBytes.contentHash(123));
        assertArrayEquals(asDoubles.rows(10, 20).data(), asBytes.rows(10, 20).data(), 0.0);
        assertArrayEquals(asDoubles.selectRows(new int[] {5, 0, 699}).data(), asBytes.selectRows(new int[] {5, 0, 699}).data(), 0.0);
        assertArrayEquals(asDoubles.row(42), asBytes.row(42), 0.0);
        assertEquals(asDoubles.images().get(3, 17), asBytes.pixelBytes().get(3, 17), 0.0);
        assertEquals(n, asBytes.size());
        assertEquals(d, asBytes.pixels());
        assertFalse(asBytes.holdsDoubles(), "rows read one by one do not widen the rest");
        Dataset first = asBytes.limit(100);
        assertArrayEquals(asDoubles.limit(100).images().data(), first.images().data(), 0.0);
        assertArrayEquals(asDoubles.images().data(), asBytes.images().data(), 0.0);
        assertTrue(asBytes.holdsDoubles());
        assertSame(asBytes.images(), asBytes.images(), "widened once, then kept");
    }

    @Test
    void onlyManyPixelsAreKeptAsBytes() {
        int d = 28 * 28, few = (int) (Dataset.BYTES_ABOVE / d), many = few + 1;
        Dataset small = Dataset.ofBytes("s", "src", 1, 28, 28, new PixelBytes(few, d, pixels(few * d, 1)), null, List.of());
        Dataset large = Dataset.ofBytes("l", "src", 1, 28, 28, new PixelBytes(many, d, pixels(many * d, 1)), null, List.of());
        assertNull(small.pixelBytes(), "8,191 × 784 values (≤ 8 M): widened at once, as the solves read them fastest");
        assertTrue(small.holdsDoubles());
        assertNotNull(large.pixelBytes());
        assertFalse(large.holdsDoubles());
        assertArrayEquals(small.images().data(), large.rows(0, few).data(), 0.0);
    }

    @Test
    void shapesAreCheckedForBytesToo() {
        assertThrows(IllegalArgumentException.class, () -> new Dataset("t", "s", 1, 2, 2, new PixelBytes(2, 5, new byte[10]), null, List.of()));
        assertThrows(IllegalArgumentException.class, () -> new PixelBytes(2, 5, new byte[9]));
        assertThrows(DataException.class, () -> new Dataset("t", "s", 1, 2, 2, new PixelBytes(0, 4, new byte[0]), null, List.of()));
    }
}
