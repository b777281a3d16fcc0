package starnet.session;

/**
 * Where a session's state lives: tasks run one after another, never two at once, and the session's
 * mutable state is touched only inside them ({@link #checkOnWorker()} enforces it).
 */
public interface Worker {
    /** Queues {@code task}; tasks run in submission order. */
    void submit(Runnable task);

    /** True on the thread that runs the tasks (for {@link CallerWorker}: inside a task). */
    boolean onWorker();

    /** Fails with an {@link IllegalStateException} when called anywhere but inside a task. */
    default void checkOnWorker() {
        if (!onWorker()) throw new IllegalStateException("session state touched outside its worker, on thread " + Thread.currentThread().getName());
    }
}
