package starnet.model;

import java.util.Arrays;

/**
 * Reference results on the same data and architecture, for the paper's Fig. 6: PCA at the code width (the
 * Eckart–Young bound for a linear decoder of that width) and a gradient-trained autoencoder of the same widths.
 *
 * @param pcaRank        the code width d_0
 * @param pcaMse         mean squared reconstruction error of the best rank-d_0 approximation (centred)
 * @param autoencoderMse the Adam autoencoder's reconstruction MSE after each epoch (epoch 1 first); owned by the record
 */
public record Baselines(int pcaRank, double pcaMse, double[] autoencoderMse) {
    public Baselines {
        if (pcaRank < 1) throw new IllegalArgumentException("PCA rank must be at least 1, got " + pcaRank);
        autoencoderMse = autoencoderMse.clone();
    }

    @Override public double[] autoencoderMse() { return autoencoderMse.clone(); }

    @Override
    public boolean equals(Object o) {
        return o instanceof Baselines b && b.pcaRank == pcaRank && Double.compare(b.pcaMse, pcaMse) == 0 && Arrays.equals(b.autoencoderMse, autoencoderMse);
    }

    @Override
    public int hashCode() { return 31 * (31 * pcaRank + Double.hashCode(pcaMse)) + Arrays.hashCode(autoencoderMse); }
}
