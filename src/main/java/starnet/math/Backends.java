package starnet.math;

import java.util.logging.Logger;

/** Picks the linear-algebra backend: OpenBLAS when its native library loads, EJML otherwise. */
public final class Backends {
    private static final Logger LOG = Logger.getLogger(Backends.class.getName());

    private Backends() {}

    /** All cores of this machine, unless {@code -Dstarnet.threads=N} says otherwise. */
    public static int defaultThreads() {
        String t = System.getProperty("starnet.threads");
        if (t != null) {
            try {
                return Math.max(1, Integer.parseInt(t.trim()));
            } catch (NumberFormatException e) {
                LOG.warning("ignoring -Dstarnet.threads=" + t + ": not a whole number");
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    /**
     * @param id "openblas", "ejml" or "auto" (OpenBLAS with EJML fall-back)
     * @param threads BLAS threads, ≥ 1
     * @throws IllegalArgumentException for an unknown id, or "openblas" when it cannot load
     */
    public static LinearAlgebra create(String id, int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        return switch (id) {
            case "ejml" -> new EjmlLinearAlgebra(threads);
            case "openblas" -> {
                LinearAlgebra la = OpenBlasLinearAlgebra.tryLoad(threads);
                if (la == null) {
                    throw new IllegalArgumentException("the OpenBLAS native library did not load ("
                            + OpenBlasLinearAlgebra.loadFailure() + "); use --backend ejml");
                }
                yield la;
            }
            case "auto" -> {
                LinearAlgebra la = OpenBlasLinearAlgebra.tryLoad(threads);
                if (la != null) yield la;
                LOG.warning("OpenBLAS did not load (" + OpenBlasLinearAlgebra.loadFailure() + "); using the EJML fallback");
                yield new EjmlLinearAlgebra(threads);
            }
            default -> throw new IllegalArgumentException("unknown backend '" + id + "': expected openblas, ejml or auto");
        };
    }
}
