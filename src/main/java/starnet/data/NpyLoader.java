package starnet.data;

import starnet.model.DataException;
import starnet.model.Dataset;
import starnet.io.Npy;
import starnet.io.NpyArray;
import starnet.math.Matrix;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Images from a .npy array (uint8, float32 or float64): shapes (N, H, W), (N, H, W, C) with C in {1, 3},
 * (N, C, H, W) with C in {1, 3}, or (N, D). Labels, when present, come from a sibling file named
 * {@code NAME.labels.npy} or {@code NAME_labels.npy}.
 */
public final class NpyLoader {
    private NpyLoader() {}

    public static Dataset load(Path file, int limit) {
        int declaredCount = declaredRows(file);
        NpyArray a = read(file, limit);
        int[] s = a.shape();
        int count = declaredCount;
        int n = limit > 0 ? Math.min(limit, s[0]) : s[0];
        ImageLayout lay = imageLayout(file, s);
        int c = lay.channels(), h = lay.height(), w = lay.width();
        boolean channelsLast = lay.channelsLast();
        int d = c * h * w;
        Matrix m = new Matrix(n, d);
        double[] v = m.data(), src = a.data();
        for (int i = 0; i < n; i++) {
            if (!channelsLast) System.arraycopy(src, i * d, v, i * d, d);
            else channelsFirst(src, i * d, v, i * d, c, h, w);
        }
        Pixels.requireFinite(file, v, d);
        if (a.dtype().endsWith("u1")) {
            for (int i = 0; i < v.length; i++) v[i] /= 255.0;
        } else {
            Pixels.normalise(file, v);
        }
        int[] labels = readLabels(file, count, n);
        return new Dataset(file.getFileName().toString(), file.toString(), c, h, w, m, labels, List.of());
    }

    /** How an array's axes hold images: channels × height × width each, channels first or last. */
    public record ImageLayout(int channels, int height, int width, boolean channelsLast) {
        public int pixels() { return channels * height * width; }
    }

    /**
     * The images an array of {@code shape} holds: (N, D) with D a square or 3 squares, (N, H, W), (N, H, W, C) or
     * (N, C, H, W) with C in {1, 3}.
     *
     * @throws DataException for any other shape
     */
    public static ImageLayout imageLayout(Object file, int[] s) {
        if (s.length < 2 || s.length > 4) {
            throw DataException.of(file, "has shape " + java.util.Arrays.toString(s) + "; expected (N, H, W), (N, H, W, C), (N, C, H, W) or (N, D)");
        }
        if (s.length == 2) {
            int[] g = Pixels.guessShape(s[1]);
            return new ImageLayout(g[0], g[1], g[2], false);
        }
        if (s.length == 3) return new ImageLayout(1, s[1], s[2], false);
        if (s[3] == 1 || s[3] == 3) return new ImageLayout(s[3], s[1], s[2], true);
        if (s[1] == 1 || s[1] == 3) return new ImageLayout(s[1], s[2], s[3], false);
        throw DataException.of(file, "has shape " + java.util.Arrays.toString(s) + "; a 4-D array needs 1 or 3 channels first or last");
    }

    /** Row {@code i} of channels-last values ({@code src}, rows of h·w·c) into channels-first {@code dst} at {@code at}. */
    public static void channelsFirst(double[] src, int srcAt, double[] dst, int at, int c, int h, int w) {
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                for (int ch = 0; ch < c; ch++) dst[at + (ch * h + y) * w + x] = src[srcAt + (y * w + x) * c + ch];
            }
        }
    }

    /** The number of items the file's header declares (its first axis), read from the header alone. */
    private static int declaredRows(Path file) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            int[] shape = Npy.shape(in);
            return shape.length == 0 ? 0 : shape[0];
        } catch (Npy.FormatException e) {
            throw DataException.of(file, e.getMessage());
        } catch (IOException e) {
            throw DataException.unreadable(file, e);
        }
    }

    private static NpyArray read(Path file) {
        return read(file, 0);
    }

    private static NpyArray read(Path file, int maxRows) {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            return Npy.read(in, maxRows);
        } catch (Npy.FormatException e) {
            throw DataException.of(file, e.getMessage());
        } catch (IOException e) {
            throw DataException.unreadable(file, e);
        }
    }

    private static int[] readLabels(Path file, int count, int n) {
        String base = file.getFileName().toString().replaceFirst("\\.npy$", "");
        for (String candidate : new String[] {base + ".labels.npy", base + "_labels.npy"}) {
            Path p = file.resolveSibling(candidate);
            if (Files.isRegularFile(p)) {
                NpyArray l = read(p);
                if (l.elements() != count) {
                    throw DataException.of(p, "has " + l.elements() + " labels for " + count + " images in " + file.getFileName() + "; expected one per image");
                }
                int[] out = new int[n];
                for (int i = 0; i < n; i++) {
                    double v = l.data()[i];
                    if (!(v >= 0 && v <= Integer.MAX_VALUE && v == Math.rint(v))) {
                        throw DataException.of(p, "label " + v + " of item " + i + " is not a class label; expected whole numbers ≥ 0");
                    }
                    out[i] = (int) v;
                }
                return out;
            }
        }
        return null;
    }
}
