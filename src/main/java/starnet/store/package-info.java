/**
 * Training on more data than the heap holds, on one machine: the images, every layer's targets and latents live in
 * row stores on disk ({@link starnet.store.RowStore}, float32 or float64) and the trainer
 * ({@link starnet.store.StoreTrainer}) reads and writes them chunk by chunk — SL per chunk (paper Lemma 2), SW by
 * summing each chunk's normal equations (the same system as in memory).
 */
package starnet.store;
