package starnet.session;

import starnet.math.Backends;
import starnet.math.LinearAlgebra;
import starnet.model.BackendChoice;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

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

    /** Loads the backend now; a library that cannot load when asked for by name is a user error. */
    LinearAlgebra load() {
        try {
            return Backends.create(backend.id(), threads);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /**
     * {@link #load()} now, before the run starts any other work, as a future for {@link #await}. Not on another
     * thread: while JavaCPP loads OpenBLAS it calls {@code dlopen} inside {@code dl_iterate_phdr}, and a {@code dlopen}
     * on another thread at that moment (AWT for the figures, an image decoder for the data) takes the dynamic loader's
     * two locks in the other order — both threads wait forever (seen: a train whose figure preparation overlapped the
     * load hung with no output).
     */
    CompletableFuture<LinearAlgebra> loadFirst() {
        try {
            return CompletableFuture.completedFuture(load());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Waits for {@link #loadFirst}, passing its user errors on. */
    static LinearAlgebra await(CompletableFuture<LinearAlgebra> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }
}
