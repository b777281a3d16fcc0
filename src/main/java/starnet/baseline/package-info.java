/** Baselines StarNet is compared with (the PCA bound, the Adam autoencoder) and the paper's experiments. */
package starnet.baseline;
