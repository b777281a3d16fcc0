package starnet;

import starnet.io.Npy;
import starnet.io.NpyArray;
import starnet.math.Matrix;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.SplittableRandom;

/** Reference values made by src/test/resources/reference/make_reference.py, and seeded random matrices. */
public final class Reference {
    private Reference() {}

    public static Matrix matrix(String name) {
        try (InputStream in = Reference.class.getResourceAsStream("/reference/" + name)) {
            if (in == null) throw new IllegalStateException("missing reference file " + name);
            NpyArray a = Npy.read(in);
            return new Matrix(a.shape()[0], a.shape().length > 1 ? a.shape()[1] : 1, a.data());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String text(String name) {
        try (InputStream in = Reference.class.getResourceAsStream("/reference/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Matrix gaussian(int rows, int cols, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Matrix m = new Matrix(rows, cols);
        for (int i = 0; i < m.data().length; i++) m.data()[i] = r.nextGaussian();
        return m;
    }

    /** Naive triple loop, the independent reference for GEMM. */
    public static Matrix naiveProduct(Matrix a, boolean ta, Matrix b, boolean tb) {
        Matrix x = ta ? a.transpose() : a, y = tb ? b.transpose() : b;
        Matrix c = new Matrix(x.rows(), y.cols());
        for (int i = 0; i < x.rows(); i++) {
            for (int j = 0; j < y.cols(); j++) {
                double s = 0;
                for (int k = 0; k < x.cols(); k++) s += x.get(i, k) * y.get(k, j);
                c.set(i, j, s);
            }
        }
        return c;
    }

    public static double relativeError(Matrix actual, Matrix expected) {
        return actual.minus(expected).frobenius() / expected.frobenius();
    }
}
