package starnet.data;

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
        if (s.length < 2 || s.length > 4) {
            throw DataException.of(file, "has shape " + java.util.Arrays.toString(s) + "; expected (N, H, W), (N, H, W, C), (N, C, H, W) or (N, D)");
        }
        int count = declaredCount;
        int n = limit > 0 ? Math.min(limit, s[0]) : s[0];
        int c, h, w;
        boolean channelsLast = false;
        if (s.length == 2) {
            int[] g = Pixels.guessShape(s[1]);
            c = g[0]; h = g[1]; w = g[2];
        } else if (s.length == 3) {
            c = 1; h = s[1]; w = s[2];
        } else if (s[3] == 1 || s[3] == 3) {
            h = s[1]; w = s[2]; c = s[3];
            channelsLast = true;
        } else if (s[1] == 1 || s[1] == 3) {
            c = s[1]; h = s[2]; w = s[3];
        } else {
            throw DataException.of(file, "has shape " + java.util.Arrays.toString(s) + "; a 4-D array needs 1 or 3 channels first or last");
        }
        int d = c * h * w;
        Matrix m = new Matrix(n, d);
        double[] v = m.data(), src = a.data();
        for (int i = 0; i < n; i++) {
            if (!channelsLast) {
                System.arraycopy(src, i * d, v, i * d, d);
            } else {
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        for (int ch = 0; ch < c; ch++) v[i * d + (ch * h + y) * w + x] = src[i * d + (y * w + x) * c + ch];
                    }
                }
            }
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
                for (int i = 0; i < n; i++) out[i] = (int) l.data()[i];
                return out;
            }
        }
        return null;
    }
}
