package starnet.training;

/**
 * How the products that only measure a fit are multiplied: the outputs a(Vh + b) compared with the targets after a
 * solve, and their decode through the layers above for the output MSE. Solves always run in double precision.
 */
public enum MeasurePrecision {
    /**
     * Float32 products on a backend that has them (about twice the speed). The reported MSE, MAE and output MSE agree
     * with {@link #DOUBLE} to about 1e-8 relative, each datapoint's residual to about 1e-6 relative.
     */
    SINGLE,
    /** Float64 products, as the solves. */
    DOUBLE;

    /** {@link #SINGLE}, unless the JVM runs with {@code -Dstarnet.measure=f64}. */
    public static MeasurePrecision configured() {
        return "f64".equals(System.getProperty("starnet.measure")) ? DOUBLE : SINGLE;
    }
}
