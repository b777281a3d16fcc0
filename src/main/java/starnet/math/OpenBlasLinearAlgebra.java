package starnet.math;

import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas_full;

/**
 * Native backend: OpenBLAS through the JavaCPP presets. Construct with {@link #tryLoad(int)}, which
 * returns {@code null} (and leaves the reason in {@link #loadFailure()}) when the native library
 * cannot be loaded on this machine.
 */
public final class OpenBlasLinearAlgebra implements LinearAlgebra {
    private static volatile String loadFailure;
    private final int threads;
    private final String version;

    private OpenBlasLinearAlgebra(int threads, String version) {
        this.threads = threads;
        this.version = version;
    }

    /** Loads the native library and sets its thread count; {@code null} when it cannot load. */
    public static OpenBlasLinearAlgebra tryLoad(int threads) {
        try {
            if ("none".equals(System.getProperty("org.bytedeco.openblas.load"))) {
                loadFailure = "disabled by -Dorg.bytedeco.openblas.load=none";
                return null;
            }
            Loader.load(openblas_full.class);
            int t = Math.max(1, threads);
            openblas_full.openblas_set_num_threads(t);
            String cfg = openblas_full.openblas_get_config().getString();
            String v = cfg.startsWith("OpenBLAS ") ? cfg.split(" ")[1] : cfg;
            return new OpenBlasLinearAlgebra(t, v);
        } catch (Throwable e) {
            loadFailure = e.toString();
            return null;
        }
    }

    /** Why the last {@link #tryLoad} failed, or {@code null}. */
    public static String loadFailure() { return loadFailure; }

    @Override public String description() { return "OpenBLAS " + version + " (" + threads + (threads == 1 ? " thread)" : " threads)"); }
    @Override public String id() { return "openblas"; }
    @Override public int threads() { return threads; }

    @Override
    public void gemm(boolean transA, boolean transB, double alpha, Matrix a, Matrix b, double beta, Matrix c) {
        int m = transA ? a.cols() : a.rows();
        int k = transA ? a.rows() : a.cols();
        int kb = transB ? b.cols() : b.rows();
        int n = transB ? b.rows() : b.cols();
        if (k != kb || c.rows() != m || c.cols() != n) {
            throw new IllegalArgumentException("gemm shapes: op(A) " + m + "x" + k + ", op(B) " + kb + "x" + n + ", C " + c.shape());
        }
        if (m == 0 || n == 0) return;
        if (k == 0) { scale(beta, c); return; }
        openblas_full.cblas_dgemm(openblas_full.CblasRowMajor,
                transA ? openblas_full.CblasTrans : openblas_full.CblasNoTrans,
                transB ? openblas_full.CblasTrans : openblas_full.CblasNoTrans,
                m, n, k, alpha, a.data(), Math.max(1, a.cols()), b.data(), Math.max(1, b.cols()), beta, c.data(), Math.max(1, n));
    }

    @Override
    public void gramAccumulate(double alpha, Matrix a, double beta, Matrix c) {
        int k = a.cols();
        if (c.rows() != k || c.cols() != k) throw new IllegalArgumentException("gram shapes: A " + a.shape() + ", C " + c.shape());
        if (k == 0) return;
        if (a.rows() == 0) { scale(beta, c); return; }
        openblas_full.cblas_dsyrk(openblas_full.CblasRowMajor, openblas_full.CblasUpper, openblas_full.CblasTrans,
                k, a.rows(), alpha, a.data(), k, beta, c.data(), k);
        double[] d = c.data();
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) d[j * k + i] = d[i * k + j];
        }
    }

    private static void scale(double beta, Matrix c) {
        double[] d = c.data();
        for (int i = 0; i < d.length; i++) d[i] = beta == 0 ? 0 : beta * d[i];
    }
}
