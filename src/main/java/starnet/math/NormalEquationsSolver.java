package starnet.math;

/**
 * Solves a least-squares problem min ‖A X − B‖ given its normal equations G = AᵀA and R = AᵀB.
 * One Gram matrix serves all right-hand sides (all columns of R).
 */
public interface NormalEquationsSolver {
    /**
     * @param gram n×n symmetric positive semi-definite, read only
     * @param rhs  n×m, read only
     * @return X of shape n×m with a condition estimate
     */
    Solution solve(Matrix gram, Matrix rhs);

    /** Short name for reports: "cholesky" or "pinv". */
    String name();
}
