package starnet.session;

import starnet.math.BackgroundPriority;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One daemon thread that runs the tasks in order. With {@code lowerPriority} it runs at a lower
 * operating-system priority (see {@link BackgroundPriority}), and so do the threads it starts — the
 * BLAS workers included, when the backend is loaded on it (see {@link #call}).
 */
public final class ThreadWorker implements Worker {
    private final ExecutorService executor;
    private volatile Thread thread;

    public ThreadWorker(String name, boolean lowerPriority) {
        executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(() -> {
                thread = Thread.currentThread();
                if (lowerPriority) BackgroundPriority.lowerCurrentThread();
                r.run();
            }, name);
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public void submit(Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException | Error e) {
                    AppLog.error("uncaught in " + Thread.currentThread().getName(), e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            if (!executor.isShutdown()) throw e; // after shutdown (the window closing) nothing more is meant to run
        }
    }

    @Override
    public boolean onWorker() {
        return Thread.currentThread() == thread;
    }

    /** Runs {@code work} on this thread and waits for its result (e.g. to load the backend on it). */
    public <T> T call(java.util.concurrent.Callable<T> work) {
        Future<T> f = executor.submit(work);
        try {
            return f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + Thread.currentThread().getName(), e);
        }
    }

    public void shutdown() {
        executor.shutdownNow();
    }
}
