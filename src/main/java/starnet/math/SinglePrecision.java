package starnet.math;

/**
 * A backend that also multiplies in float32, at about twice its float64 rate: for products whose results are only
 * measured (a fit's error after a solve), never solved with. The relative error of each entry is about 1e-7·√k for
 * an inner dimension k.
 */
public interface SinglePrecision {
    /** A zeroed float32 work block of {@code rows × cols} in native memory. */
    SingleBlock allocateSingle(int rows, int cols);

    /** C = op(A)·op(B) in float32; C is written, A and B are read only. */
    void gemm(boolean transA, boolean transB, SingleBlock a, SingleBlock b, SingleBlock c);
}
