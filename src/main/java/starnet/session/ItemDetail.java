package starnet.session;

import starnet.math.Matrix;

/**
 * One datapoint opened from the residual gallery.
 *
 * @param target         1 × D, the image
 * @param reconstruction 1 × D, decoded from its current latents
 * @param residual       its relative residual in the latest step (Lemma 4)
 */
public record ItemDetail(int row, String label, Matrix target, Matrix reconstruction, double residual) {}
