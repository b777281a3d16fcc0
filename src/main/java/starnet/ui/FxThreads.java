package starnet.ui;

import javafx.application.Platform;

import starnet.math.BackgroundPriority;
import starnet.math.Backends;
import starnet.math.LinearAlgebra;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon solver thread ("starnet-solver", at a lower operating-system priority than the window's
 * threads, see {@link BackgroundPriority}) and UI updates through {@code Platform.runLater}, spaced at
 * least {@link #MIN_UI_INTERVAL_MS} apart (at most ~30 redraws a second).
 */
public final class FxThreads implements Threads {
    public static final long MIN_UI_INTERVAL_MS = 33;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(() -> {
            BackgroundPriority.lowerCurrentThread();
            r.run();
        }, "starnet-solver");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "starnet-ui-throttle");
        t.setDaemon(true);
        return t;
    });
    private volatile long lastUi;

    public FxThreads() {
        timer.prestartCoreThread(); // started here, not by the solver, so it keeps the window's priority
    }

    /**
     * Loads the linear-algebra backend on the solver thread, after its priority was lowered, so the
     * backend's own worker threads inherit the lower priority and the window's threads come first.
     * Blocks until the backend is ready.
     */
    public LinearAlgebra createBackend(String id, int blasThreads) {
        try {
            return worker.submit(() -> Backends.create(id, blasThreads)).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading the backend", e);
        }
    }

    @Override
    public void background(Runnable work) {
        worker.execute(work);
    }

    @Override
    public void ui(Runnable update) {
        long wait = lastUi + MIN_UI_INTERVAL_MS - System.currentTimeMillis();
        Runnable run = () -> Platform.runLater(() -> {
            lastUi = System.currentTimeMillis();
            update.run();
        });
        if (wait <= 0) run.run();
        else timer.schedule(run, wait, TimeUnit.MILLISECONDS);
    }

    public void shutdown() {
        worker.shutdownNow();
        timer.shutdownNow();
    }
}
