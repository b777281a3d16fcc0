package starnet.session;

import starnet.training.Cancellation;

/**
 * Handed to a task's work: whether it was cancelled (it is a {@link Cancellation}, so the engine's
 * solves check it inside their loops) and where to report progress.
 */
public interface TaskContext extends Cancellation {
    /** Reports progress (0–1, or −1 when unknown) and a short line saying what is happening. */
    void progress(double fraction, String detail);

    /** A context that is never cancelled and reports nowhere (command line, tests). */
    TaskContext NONE = new TaskContext() {
        @Override public boolean isCancelled() { return false; }
        @Override public void progress(double fraction, String detail) {}
    };
}
