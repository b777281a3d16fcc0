/**
 * Layer-wise coordinate-descent training (DESIGN §2): {@link starnet.training.StarNetTrainer} is the schedule and reads
 * top to bottom like the algorithm; it drives a {@link starnet.training.TrainingEngine} (in memory here,
 * {@link starnet.training.MemoryEngine}; out of core and on Spark in their packages), whose blocks of rows all go
 * through {@link starnet.training.LayerPasses}; {@link starnet.training.LayerSystem} holds the chunked SL/SW kernels;
 * {@link starnet.training.Inference} is the paper's Lemma 3.
 */
package starnet.training;
