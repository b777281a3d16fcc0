package starnet.math;

/**
 * The BLAS-3 seam: the few dense kernels that dominate StarNet training. Implementations must
 * agree with {@link EjmlLinearAlgebra} to round-off (see the contract tests).
 * <p>
 * Inputs are never modified; {@code c} is written (accumulated when {@code beta != 0}).
 */
public interface LinearAlgebra {

    /** A short name shown in logs and the status bar, e.g. "OpenBLAS 0.3.31 (2 threads)". */
    String description();

    /** The id used on the command line: "openblas" or "ejml". */
    String id();

    /**
     * C = alpha · op(A) · op(B) + beta · C, where op(X) = Xᵀ when the flag is set.
     * Shapes: op(A) m×k, op(B) k×n, C m×n. C is written; A and B are read only.
     */
    void gemm(boolean transA, boolean transB, double alpha, Matrix a, Matrix b, double beta, Matrix c);

    /**
     * Gram update C = alpha · AᵀA + beta · C for A of shape n×k, C of shape k×k (both triangles filled).
     * C is written; A is read only.
     */
    void gramAccumulate(double alpha, Matrix a, double beta, Matrix c);

    /** Convenience: op(A)·op(B) as a new matrix. */
    default Matrix multiply(boolean transA, boolean transB, Matrix a, Matrix b) {
        int m = transA ? a.cols() : a.rows();
        int n = transB ? b.rows() : b.cols();
        Matrix c = new Matrix(m, n);
        gemm(transA, transB, 1.0, a, b, 0.0, c);
        return c;
    }

    /** Threads this backend uses for BLAS-3 work. */
    int threads();

    /** A zeroed work block of {@code rows × cols} in memory this backend reads without copying. */
    Block allocate(int rows, int cols);

    /** Whether this backend's blocks give views of their rows ({@link Block#rows}) that it multiplies in place. */
    default boolean rowViews() {
        return false;
    }

    /** {@link #gemm} on blocks: C = alpha·op(A)·op(B) + beta·C; C is written. */
    void gemm(boolean transA, boolean transB, double alpha, Block a, Block b, double beta, Block c);

    /** {@link #gramAccumulate} on blocks: C = alpha·AᵀA + beta·C (both triangles). */
    void gramAccumulate(double alpha, Block a, double beta, Block c);

    /**
     * Cholesky factorisation in place: on success the lower triangle of {@code g} (n×n, symmetric
     * positive definite) holds L with G = L·Lᵀ and the strict upper triangle is zeroed; g is written.
     *
     * @return false when g is not positive definite (g is then unspecified)
     */
    boolean choleskyInPlace(Matrix g);

    /** Solves L·Lᵀ·X = B with a factor from {@link #choleskyInPlace}; {@code b} (n×m) is overwritten by X. */
    void choleskySolveInPlace(Matrix factor, Matrix b);

    /**
     * {λmax(G), λmin(G)} of a symmetric positive definite G estimated as {@link Spectrum} does: {@code steps} power
     * iterations on {@code gram} (n×n) and as many inverse iterations through its lower Cholesky factor {@code factor}
     * (n×n), from the same seeded starts; both read only. λmin is 0 when the iteration breaks down.
     */
    default double[] extremeEigenvalues(Matrix gram, Matrix factor, int steps) {
        return new double[] {Spectrum.largestEigenvalue(gram, steps), Spectrum.smallestEigenvalue(factor, steps)};
    }

    /** A block holding a copy of {@code m}. */
    default Block blockOf(Matrix m) {
        return allocate(m.rows(), m.cols()).load(m);
    }

    /** Checks op(A)·op(B) → C shapes; returns {m, n, k}. */
    static int[] gemmShape(boolean transA, boolean transB, int ar, int ac, int br, int bc, int cr, int cc) {
        int m = transA ? ac : ar;
        int k = transA ? ar : ac;
        int kb = transB ? bc : br;
        int n = transB ? br : bc;
        if (k != kb || cr != m || cc != n) {
            throw new IllegalArgumentException("gemm shapes: op(A) " + m + "x" + k + ", op(B) " + kb + "x" + n + ", C " + cr + "x" + cc);
        }
        return new int[] {m, n, k};
    }
}
