/**
 * Layer-wise coordinate-descent training (DESIGN §2): {@link starnet.training.StarNetTrainer} reads
 * top to bottom like the algorithm; {@link starnet.training.LayerSystem} holds the chunked SL/SW
 * kernels; {@link starnet.training.Inference} is the paper's Lemma 3.
 */
package starnet.training;
