/** Baselines StarNet is compared with: the PCA (Eckart–Young) bound and the Adam autoencoder. The experiments that run them live in {@link starnet.session.Experiments}. */
package starnet.baseline;
