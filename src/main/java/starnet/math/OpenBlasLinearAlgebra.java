package starnet.math;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Loader;
import org.bytedeco.openblas.global.openblas;

/**
 * Native backend: OpenBLAS through the JavaCPP presets. Construct with {@link #tryLoad(int)}, which
 * returns {@code null} (and leaves the reason in {@link #loadFailure()}) when the native library
 * cannot be loaded on this machine.
 */
public final class OpenBlasLinearAlgebra implements LinearAlgebra, SinglePrecision {
    private static volatile String loadFailure;
    private static volatile java.nio.file.Path unpackedInto;
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
            Loader.load(openblas.class);
            noteUnpacking();
            int t = Math.max(1, threads);
            openblas.blas_set_num_threads(t);
            return new OpenBlasLinearAlgebra(t, version());
        } catch (Throwable e) {
            loadFailure = e.toString();
            return null;
        }
    }

    /** OpenBLAS's version from the presets' artifact version ("0.3.31-1.5.13" → "0.3.31"), or "" when it is not recorded. */
    private static String version() {
        try {
            String v = Loader.getVersion("org.bytedeco", "openblas");
            return v == null ? "" : v.split("-")[0];
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /**
     * The folder JavaCPP unpacked OpenBLAS into if this process unpacked it (the first start of this jar on this
     * machine, about 100 MB), else {@code null}: a caller says so once.
     */
    public static java.nio.file.Path unpackedInto() { return unpackedInto; }

    /** Whether the native library this process loaded was written to JavaCPP's cache by this process (its change time). */
    private static void noteUnpacking() {
        try {
            java.time.Instant started = ProcessHandle.current().info().startInstant().orElse(null);
            if (started == null) return;
            for (String path : Loader.getLoadedLibraries().values()) {
                if (path == null || !path.contains("openblas")) continue;
                java.nio.file.Path lib = java.nio.file.Path.of(path);
                java.nio.file.attribute.FileTime changed = (java.nio.file.attribute.FileTime) java.nio.file.Files.getAttribute(lib, "unix:ctime");
                if (!changed.toInstant().isBefore(started)) unpackedInto = cacheFolderOf(lib);
                return;
            }
        } catch (java.io.IOException | RuntimeException e) { // no change time on this file system: nothing to say
        }
    }

    /** The cache's folder for one jar: the library's ancestor just below JavaCPP's cache folder. */
    private static java.nio.file.Path cacheFolderOf(java.nio.file.Path lib) {
        for (java.nio.file.Path p = lib; p.getParent() != null; p = p.getParent()) {
            if (p.getParent().getFileName() != null && p.getParent().getFileName().toString().equals("cache")) return p;
        }
        return lib.getParent();
    }

    /** Why the last {@link #tryLoad} failed, or {@code null}. */
    public static String loadFailure() { return loadFailure; }

    @Override public String description() { return "OpenBLAS " + (version.isEmpty() ? "" : version + " ") + "(" + threads + (threads == 1 ? " thread)" : " threads)"); }
    @Override public String id() { return "openblas"; }
    @Override public int threads() { return threads; }
    @Override public boolean rowViews() { return true; }

    @Override
    public Block allocate(int rows, int cols) {
        long n = Math.max(1L, (long) rows * cols);
        DoublePointer p = new DoublePointer(n);
        p.zero(); // fresh blocks are zero, as with the heap backend
        return new Block(rows, cols, p.asBuffer(), p);
    }

    @Override
    public void gemm(boolean transA, boolean transB, double alpha, Block a, Block b, double beta, Block c) {
        int[] mnk = LinearAlgebra.gemmShape(transA, transB, a.rows(), a.cols(), b.rows(), b.cols(), c.rows(), c.cols());
        int m = mnk[0], n = mnk[1], k = mnk[2];
        if (m == 0 || n == 0) return;
        if (k == 0) {
            for (int i = 0; i < m * n; i++) c.buffer().put(i, beta == 0 ? 0 : beta * c.buffer().get(i));
            return;
        }
        openblas.cblas_dgemm(openblas.CblasRowMajor,
                transA ? openblas.CblasTrans : openblas.CblasNoTrans,
                transB ? openblas.CblasTrans : openblas.CblasNoTrans,
                m, n, k, alpha, pointer(a), Math.max(1, a.cols()), pointer(b), Math.max(1, b.cols()), beta, pointer(c), Math.max(1, n));
    }

    @Override
    public SingleBlock allocateSingle(int rows, int cols) {
        FloatPointer p = new FloatPointer(Math.max(1L, (long) rows * cols));
        p.zero();
        return new SingleBlock(rows, cols, p);
    }

    @Override
    public void gemm(boolean transA, boolean transB, SingleBlock a, SingleBlock b, SingleBlock c) {
        int[] mnk = LinearAlgebra.gemmShape(transA, transB, a.rows(), a.cols(), b.rows(), b.cols(), c.rows(), c.cols());
        int m = mnk[0], n = mnk[1], k = mnk[2];
        if (m == 0 || n == 0) return;
        openblas.cblas_sgemm(openblas.CblasRowMajor,
                transA ? openblas.CblasTrans : openblas.CblasNoTrans,
                transB ? openblas.CblasTrans : openblas.CblasNoTrans,
                m, n, k, 1f, a.owner(), Math.max(1, a.cols()), b.owner(), Math.max(1, b.cols()), 0f, c.owner(), Math.max(1, n));
    }

    @Override
    public void gramAccumulate(double alpha, Block a, double beta, Block c) {
        int k = a.cols();
        if (c.rows() != k || c.cols() != k) throw new IllegalArgumentException("gram shapes: A " + a.rows() + "x" + k + ", C " + c.rows() + "x" + c.cols());
        if (k == 0 || a.rows() == 0) {
            if (beta != 1) for (int i = 0; i < k * k; i++) c.buffer().put(i, beta * c.buffer().get(i));
            return;
        }
        openblas.cblas_dsyrk(openblas.CblasRowMajor, openblas.CblasUpper, openblas.CblasTrans,
                k, a.rows(), alpha, pointer(a), k, beta, pointer(c), k);
        var d = c.buffer();
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) d.put(j * k + i, d.get(i * k + j));
        }
    }

    @Override
    public boolean choleskyInPlace(Matrix g) {
        int n = g.rows();
        if (n == 0) return true;
        int info = openblas.LAPACKE_dpotrf(openblas.LAPACK_ROW_MAJOR, (byte) 'L', n, g.data(), n);
        double[] d = g.data();
        for (int i = 0; i < n; i++) for (int j = i + 1; j < n; j++) d[i * n + j] = 0;
        return info == 0;
    }

    @Override
    public void choleskySolveInPlace(Matrix factor, Matrix b) {
        int n = factor.rows();
        if (n == 0 || b.cols() == 0) return;
        int info = openblas.LAPACKE_dpotrs(openblas.LAPACK_ROW_MAJOR, (byte) 'L', n, b.cols(), factor.data(), n, b.data(), b.cols());
        if (info != 0) throw new ArithmeticException("dpotrs failed with info " + info);
    }

    /** As the default, with the iterations' products and triangular solves in BLAS-2 on native copies (no JIT warm-up, no strided loops). */
    @Override
    public double[] extremeEigenvalues(Matrix gram, Matrix factor, int steps) {
        int n = gram.rows();
        if (n == 0) return new double[] {0, 0};
        try (DoublePointer g = new DoublePointer(gram.data()); DoublePointer l = new DoublePointer(factor.data());
             DoublePointer v = new DoublePointer(Spectrum.powerStart(n)); DoublePointer w = new DoublePointer(n);
             DoublePointer x = new DoublePointer(Spectrum.inverseStart(n))) {
            double lmax = 0;
            for (int s = 0; s < steps; s++) {
                normalise(n, v);
                openblas.cblas_dgemv(openblas.CblasRowMajor, openblas.CblasNoTrans, n, n, 1.0, g, n, v, 1, 0.0, w, 1);
                lmax = openblas.cblas_dnrm2(n, w, 1);
                if (lmax == 0) break;
                openblas.cblas_dcopy(n, w, 1, v, 1);
            }
            double inv = 0;
            for (int s = 0; s < steps; s++) {
                normalise(n, x);
                openblas.cblas_dtrsv(openblas.CblasRowMajor, openblas.CblasLower, openblas.CblasNoTrans, openblas.CblasNonUnit, n, l, n, x, 1);
                openblas.cblas_dtrsv(openblas.CblasRowMajor, openblas.CblasLower, openblas.CblasTrans, openblas.CblasNonUnit, n, l, n, x, 1);
                inv = openblas.cblas_dnrm2(n, x, 1);
                if (!Double.isFinite(inv)) {
                    inv = 0;
                    break;
                }
            }
            return new double[] {lmax, inv > 0 ? 1.0 / inv : 0};
        }
    }

    private static void normalise(int n, DoublePointer v) {
        double norm = openblas.cblas_dnrm2(n, v, 1);
        if (norm > 0) openblas.cblas_dscal(n, 1.0 / norm, v, 1);
    }

    private static DoublePointer pointer(Block b) {
        if (b.owner() instanceof DoublePointer p) return p;
        throw new IllegalArgumentException("this block was not allocated by the OpenBLAS backend");
    }

    @Override
    public void gemm(boolean transA, boolean transB, double alpha, Matrix a, Matrix b, double beta, Matrix c) {
        int[] mnk = LinearAlgebra.gemmShape(transA, transB, a.rows(), a.cols(), b.rows(), b.cols(), c.rows(), c.cols());
        int m = mnk[0], n = mnk[1], k = mnk[2];
        if (m == 0 || n == 0) return;
        if (k == 0) { scale(beta, c); return; }
        openblas.cblas_dgemm(openblas.CblasRowMajor,
                transA ? openblas.CblasTrans : openblas.CblasNoTrans,
                transB ? openblas.CblasTrans : openblas.CblasNoTrans,
                m, n, k, alpha, a.data(), Math.max(1, a.cols()), b.data(), Math.max(1, b.cols()), beta, c.data(), Math.max(1, n));
    }

    @Override
    public void gramAccumulate(double alpha, Matrix a, double beta, Matrix c) {
        int k = a.cols();
        if (c.rows() != k || c.cols() != k) throw new IllegalArgumentException("gram shapes: A " + a.shape() + ", C " + c.shape());
        if (k == 0) return;
        if (a.rows() == 0) { scale(beta, c); return; }
        openblas.cblas_dsyrk(openblas.CblasRowMajor, openblas.CblasUpper, openblas.CblasTrans,
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
