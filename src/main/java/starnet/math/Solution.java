package starnet.math;

/**
 * The outcome of one least-squares solve.
 *
 * @param x                 the solution (owned by the caller from now on)
 * @param conditionEstimate estimated 2-norm condition number of the system matrix A
 *                          (the square root of the Gram matrix's); {@code Infinity} when singular
 * @param method            what actually ran, e.g. "cholesky" or "svd (fallback: cholesky failed)"
 * @param fellBack          true when the solver had to leave its first-choice method
 */
public record Solution(Matrix x, double conditionEstimate, String method, boolean fellBack) {}
