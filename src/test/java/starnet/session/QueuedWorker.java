package starnet.session;

import java.util.ArrayDeque;

/** A worker that only queues: the test runs the queued tasks when it chooses ({@link #drain()}), on its own thread. */
final class QueuedWorker implements Worker {
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    private boolean inside;

    @Override public void submit(Runnable task) { queue.add(task); }

    @Override public boolean onWorker() { return inside; }

    /** Runs every queued task (and those they queue), in order. */
    void drain() {
        inside = true;
        try {
            while (!queue.isEmpty()) queue.poll().run();
        } finally {
            inside = false;
        }
    }
}
