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
    private final AtomicReference<Offered> pending = new AtomicReference<>();

    /** An image waiting to be written, and what it releases once written or replaced (arrays it shares with the run). */
    private record Offered(SessionFile.Session image, Runnable release) {}
    private final boolean paced, layerEnds;
    private final String latentsDir;
    private volatile starnet.model.LatentFiles writtenFiles;
    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();
    private volatile int writtenSteps;
    private volatile long lastWriteNanos;
    private long lastCaptureNanos;
    private long lastOffer = Long.MIN_VALUE / 2;

    /** @param io the worker the writes run on (a thread of their own in the window) */
    public Autosave(Path file, Worker io) {
        this(file, io, false);
    }

    /**
     * @param paced offer an image only when at least ten times the last write's time has passed since the last offer
     *              (a batch run: taking and writing its images costs at most about a tenth of its time)
     */
    Autosave(Path file, Worker io, boolean paced) {
        this(file, io, paced, false);
    }

    /**
     * @param layerEnds offer an image only when a layer ends (an engine whose latents are gathered from elsewhere, a job
     *                  per partition, to take one: Spark)
     */
    Autosave(Path file, Worker io, boolean paced, boolean layerEnds) {
        this(file, io, paced, layerEnds, null);
    }

    /**
     * @param latentsDir where the images' latents are written as files by the machines that hold them (a cluster's
     *                   executors), so that an image brings none of them here; null: images hold their latents
     */
    Autosave(Path file, Worker io, boolean paced, boolean layerEnds, String latentsDir) {
        this.file = file;
        this.io = io;
        this.paced = paced;
        this.layerEnds = layerEnds;
        this.latentsDir = latentsDir;
    }

    /** Where the images' latents are written as files, or null when the images hold them. */
    String latentsDir() { return latentsDir; }

    /** The latent files the last completed write refers to, or null. */
    starnet.model.LatentFiles writtenFiles() { return writtenFiles; }

    /**
     * Whether an image is due after a solve ({@code layerDone}: the solve closed a layer, always worth keeping;
     * {@code runEnded}: it was the last solve, after which a paced batch run needs no image to resume).
     */
    boolean due(boolean layerDone, boolean runEnded) {
        if (!paced) return true;
        if (runEnded) return false;
        if (layerDone) return true;
        if (layerEnds) return false;
        return System.nanoTime() - lastOffer >= 10 * (lastWriteNanos + lastCaptureNanos);
    }

    /** Waits for the write under way and the one queued, on the I/O worker (the caller is not that worker). */
    void flush() {
        java.util.concurrent.CompletableFuture<Void> done = new java.util.concurrent.CompletableFuture<>();
        io.submit(() -> done.complete(null));
        done.join();
    }

    public Path file() { return file; }

    /** Completed writes so far. */
    public long writes() { return writes.get(); }

    /** The trained steps the last completed write holds. */
    public int writtenSteps() { return writtenSteps; }

    /** Queues {@code image} for writing; an image still waiting is replaced by it. */
    void offer(SessionFile.Session image) {
        offer(image, 0);
    }

    /** {@link #offer(SessionFile.Session)}, with the time taking the image cost the solver's thread (a paced autosave counts it too). */
    void offer(SessionFile.Session image, long captureNanos) {
        offer(image, captureNanos, () -> {});
    }

    /** {@link #offer(SessionFile.Session, long)}; {@code release} runs once the image is written, or replaced by a newer one. */
    void offer(SessionFile.Session image, long captureNanos, Runnable release) {
        lastCaptureNanos = captureNanos;
        lastOffer = System.nanoTime();
        Offered older = pending.getAndSet(new Offered(image, release));
        if (older == null) io.submit(this::writeLatest);
        else older.release().run();
    }

    private void writeLatest() {
        Offered o = pending.getAndSet(null);
        if (o == null) return;
        SessionFile.Session s = o.image();
        try {
            long t0 = System.nanoTime();
            SessionFile.write(file, s);
            lastWriteNanos = System.nanoTime() - t0;
            writtenSteps = s.training().steps().size();
            writtenFiles = s.training().files();
            writes.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            AppLog.error("autosave to " + file, e);
        } finally {
            o.release().run();
        }
    }
}
