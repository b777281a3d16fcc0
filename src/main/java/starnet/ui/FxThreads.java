package starnet.ui;

import javafx.application.Platform;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One daemon solver thread ("starnet-solver") and UI updates through {@code Platform.runLater},
 * spaced at least {@link #MIN_UI_INTERVAL_MS} apart (at most ~30 redraws a second).
 */
public final class FxThreads implements Threads {
    public static final long MIN_UI_INTERVAL_MS = 33;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "starnet-solver");
        t.setDaemon(true);
        t.setPriority(Thread.NORM_PRIORITY - 1);
        return t;
    });
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "starnet-ui-throttle");
        t.setDaemon(true);
        return t;
    });
    private volatile long lastUi;

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
