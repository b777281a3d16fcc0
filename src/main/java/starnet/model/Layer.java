package starnet.model;

/**
 * One decoder layer: either dense or conv-unpool. Both are affine maps followed by leaky ReLU, so SL,
 * evaluation and decoding go through {@link #affine()}; only SW differs (the shared-kernel structure).
 */
public sealed interface Layer permits DenseLayer, ConvUnpoolLayer {
    /** Values entering the layer per datapoint (d_in; c·h·w for a conv layer). */
    int inputWidth();

    /** Values leaving the layer per datapoint (d_out). */
    int outputWidth();

    /** The layer as one affine map y = V·h + b over flat vectors (for a conv layer, its explicit operator A). */
    DenseLayer affine();
}
