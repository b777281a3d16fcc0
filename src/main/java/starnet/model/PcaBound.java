package starnet.model;

/**
 * What PCA of the data in use says about any code width (Eckart–Young): the best affine rank-d reconstruction leaves
 * the tail eigenvalues of the centred data's Gram matrix, so its MSE is Σ_{i>d} λ_i / (N·D).
 *
 * @param eigenvalues the Gram matrix's eigenvalues, descending (owned: not written)
 * @param items       N
 * @param pixels      D
 */
public record PcaBound(double[] eigenvalues, int items, int pixels) {
    /** MSE of the best affine rank-{@code rank} reconstruction (rank 0: the mean image). */
    public double mse(int rank) {
        double tail = 0;
        for (int i = Math.min(rank, eigenvalues.length); i < eigenvalues.length; i++) tail += eigenvalues[i];
        return tail / ((double) items * pixels);
    }
}
