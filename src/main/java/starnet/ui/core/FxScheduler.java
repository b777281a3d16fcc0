package starnet.ui.core;

import javafx.application.Platform;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Runs updates on the JavaFX thread through {@code Platform.runLater}, spaced at least
 * {@link #MIN_UI_INTERVAL_MS} apart (at most ~30 redraws a second), so bursts of solver results are
 * coalesced into one redraw.
 */
public final class FxScheduler {
    public static final long MIN_UI_INTERVAL_MS = 33;
    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
        Thread t = new Thread(r, "starnet-ui-throttle");
        t.setDaemon(true);
        return t;
    });
    private volatile long lastUi;

    public FxScheduler() {
        timer.prestartCoreThread(); // started here, not by the solver, so it keeps the window's priority
    }

    /** Runs {@code update} on the JavaFX thread, no sooner than the interval after the previous one. */
    public void later(Runnable update) {
        long wait = lastUi + MIN_UI_INTERVAL_MS - System.currentTimeMillis();
        Runnable run = () -> Platform.runLater(() -> {
            lastUi = System.currentTimeMillis();
            update.run();
        });
        if (timer.isShutdown()) return; // the window is closing: nobody looks any more
        if (wait <= 0) run.run();
        else {
            try {
                var unused = timer.schedule(run, wait, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // shut down between the check and the call: the window is closing
            }
        }
    }

    public void shutdown() {
        timer.shutdownNow();
    }
}
