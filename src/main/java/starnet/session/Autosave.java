package starnet.session;

import starnet.io.SessionFile;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes immutable session contents to one file on its own I/O worker, never waiting for the solver:
 * while one write runs, newer images replace each other and only the latest is written next. Each
 * write is atomic, so after a crash the file holds the last complete image.
 */
public final class Autosave {
    private final Path file;
    private final Worker io;
    private final AtomicReference<SessionFile.Session> pending = new AtomicReference<>();
    private volatile long writes;
    private volatile int writtenSteps;

    /** @param io the worker the writes run on (a thread of their own in the window) */
    public Autosave(Path file, Worker io) {
        this.file = file;
        this.io = io;
    }

    public Path file() { return file; }

    /** Completed writes so far. */
    public long writes() { return writes; }

    /** The trained steps the last completed write holds. */
    public int writtenSteps() { return writtenSteps; }

    /** Queues {@code image} for writing; an image still waiting is replaced by it. */
    void offer(SessionFile.Session image) {
        if (pending.getAndSet(image) == null) io.submit(this::writeLatest);
    }

    private void writeLatest() {
        SessionFile.Session s = pending.getAndSet(null);
        if (s == null) return;
        try {
            SessionFile.write(file, s);
            writtenSteps = s.training().steps().size();
            writes++;
        } catch (IOException | RuntimeException e) {
            AppLog.error("autosave to " + file, e);
        }
    }
}
