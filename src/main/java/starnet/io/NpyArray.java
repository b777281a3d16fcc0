package starnet.io;

/**
 * A NumPy array read from or written to a .npy file: shape and values as doubles in C order.
 *
 * @param dtype the NumPy dtype string as stored, e.g. "&lt;f8", "|u1", "&lt;f4"
 * @param data  owned by the record's holder
 */
public record NpyArray(int[] shape, String dtype, double[] data) {
    public long elements() {
        long n = 1;
        for (int s : shape) n *= s;
        return n;
    }
}
