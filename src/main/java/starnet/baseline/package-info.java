/** Baselines StarNet is compared with: the PCA (Eckart–Young) bound. */
package starnet.baseline;
