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
}
