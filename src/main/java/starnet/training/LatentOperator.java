package starnet.training;

import starnet.math.Solution;

/**
 * What SL applies to every datapoint of a layer, made once per solve on the driver: the operator S = (VᵀV)⁻¹Vᵀ
 * (d_in × d_out, in {@code solution.x()}) with its report, or — for a conv layer too large to build — nothing, and
 * each block of rows is solved matrix-free by conjugate gradients.
 *
 * @param solution the operator and its condition estimate; null on the matrix-free path
 */
public record LatentOperator(Solution solution) {
    /** The matrix-free path (conv layers only). */
    public static final LatentOperator MATRIX_FREE = new LatentOperator(null);

    public boolean matrixFree() { return solution == null; }

    /** The report a step gives for this solve. */
    public Solution report() {
        return solution != null ? solution : new Solution(null, Double.NaN, "conjugate gradients (matrix-free)", false);
    }
}
