package starnet.session;

import java.util.ArrayDeque;

/**
 * Runs each task on the calling thread before {@code submit} returns (tasks submitted from inside a
 * task run after it): for the command line and for tests that want every operation done when it returns.
 */
public final class CallerWorker implements Worker {
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private Thread running;

    @Override
    public synchronized void submit(Runnable task) {
        queue.add(task);
        if (running != null) return; // the task that is running drains the queue
        running = Thread.currentThread();
        try {
            Runnable r;
            while ((r = queue.poll()) != null) r.run();
        } finally {
            running = null;
        }
    }

    @Override
    public synchronized boolean onWorker() {
        return running == Thread.currentThread();
    }
}
