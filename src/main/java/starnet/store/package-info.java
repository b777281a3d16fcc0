/**
 * The out-of-core engine ({@link starnet.store.StoreEngine}): the images, every layer's targets and latents live in row
 * stores on disk ({@link starnet.store.RowStore}, float32 or float64) or in a .npy file read in place, and each pass of the
 * one schedule reads and writes them chunk by chunk — SL per chunk (paper Lemma 2), SW by summing each chunk's normal
 * equations (the same system as in memory).
 */
package starnet.store;
