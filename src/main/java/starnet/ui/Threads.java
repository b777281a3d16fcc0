package starnet.ui;

/**
 * Where work runs: {@link #background} on the single solver worker, {@link #ui} on the UI thread.
 * The JavaFX implementation is {@link FxThreads}; tests use {@link DirectThreads}, which runs both at
 * once on the calling thread so view-model tests are deterministic.
 */
public interface Threads {
    /** Queues work on the one background worker (tasks run one after another, never two at once). */
    void background(Runnable work);

    /** Runs an update on the UI thread, no sooner than the coalescing interval after the previous one. */
    void ui(Runnable update);
}
