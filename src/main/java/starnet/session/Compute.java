package starnet.session;

import starnet.math.Backends;
import starnet.math.LinearAlgebra;
import starnet.model.BackendChoice;

/**
 * The compute backend a session solves with, as the user chose it: the library and its threads.
 *
 * @param backend which library
 * @param threads BLAS and element-wise threads, ≥ 1
 */
public record Compute(BackendChoice backend, int threads) {
    /** The most threads anyone may ask for. */
    public static final int MAX_THREADS = 256;

    public Compute {
        if (backend == null) backend = BackendChoice.AUTO;
        if (threads < 1) throw new UserError("threads must be at least 1, got " + threads);
        if (threads > MAX_THREADS) {
            throw new UserError("threads must be at most " + MAX_THREADS + " (this machine has " + Runtime.getRuntime().availableProcessors()
                    + " cores), got " + threads);
        }
    }

    /** OpenBLAS when it loads, on every core (or {@code -Dstarnet.threads=N}). */
    public static Compute defaults() { return new Compute(BackendChoice.AUTO, Backends.defaultThreads()); }

    /** {@code backend} on {@code threads} threads, or on every core when null. */
    public static Compute of(BackendChoice backend, Integer threads) {
        return new Compute(backend, threads == null ? Backends.defaultThreads() : threads);
    }

    /** The calling thread's nice value, when the system has one (the solver thread runs below the window's). */
    public static java.util.OptionalInt currentNice() {
        return starnet.math.BackgroundPriority.currentNice();
    }

    /**
     * Loads the backend now; a library that cannot load when asked for by name is a user error. Call it while no other
     * thread of the process loads a native library: while JavaCPP loads OpenBLAS it calls {@code dlopen} inside
     * {@code dl_iterate_phdr}, and a {@code dlopen} on another thread at that moment (AWT for the figures, an image
     * decoder for the data) takes the dynamic loader's two locks in the other order — both threads wait forever (seen: a
     * train whose figure preparation overlapped the load hung with no output).
     */
    LinearAlgebra load() {
        try {
            return Backends.create(backend.id(), threads);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
