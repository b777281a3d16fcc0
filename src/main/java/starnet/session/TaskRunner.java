package starnet.session;

import starnet.model.DataException;
import starnet.model.IoMessages;
import starnet.training.CancelledException;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a session's background tasks: each is registered (so it shows and can be cancelled), runs on the
 * worker, and ends as a completed future or as a plain-word notice — user errors as they are, cancellation
 * as "nothing changed", anything else logged with its detail. Work that needs the state between two solves
 * goes through {@link #atSafePoint}; I/O on a captured image through {@link #ioTask}.
 */
final class TaskRunner {
    private final Worker worker;
    private final Worker io;
    private final Tasks tasks;
    private final Consumer<Notice> notices;
    private final ConcurrentLinkedQueue<Runnable> safePoint = new ConcurrentLinkedQueue<>();

    /** @param tasksChanged called after every change of the task list (any thread) */
    TaskRunner(Worker worker, Worker io, Runnable tasksChanged, Consumer<Notice> notices) {
        this.worker = worker;
        this.io = io;
        this.tasks = new Tasks(tasksChanged);
        this.notices = notices;
    }

    List<TaskInfo> list() { return tasks.list(); }

    void cancel(long id) { tasks.cancel(id); }

    void cancelRunning() { tasks.cancelRunning(); }

    /** Queues {@code body} as a background task on the worker. */
    <T> CompletableFuture<T> task(TaskKind kind, String title, Function<TaskContext, T> body) {
        CompletableFuture<T> f = new CompletableFuture<>();
        Tasks.Entry entry = tasks.add(kind, title);
        worker.submit(() -> {
            if (entry.isCancelled()) {
                tasks.remove(entry);
                f.cancel(false);
                return;
            }
            tasks.started(entry);
            T result;
            try {
                result = body.apply(entry);
            } catch (CancelledException e) {
                tasks.remove(entry);
                notices.accept(Notice.info(kind == TaskKind.TRAIN ? "Paused. The model is as it was after the last completed solve."
                        : title + " was cancelled; nothing changed."));
                f.cancel(false);
                return;
            } catch (UserError | DataException e) {
                fail(entry, f, e, e.getMessage());
                return;
            } catch (IllegalArgumentException | IllegalStateException e) {
                AppLog.error(title, e);
                fail(entry, f, e, title + ": " + e.getMessage());
                return;
            } catch (RuntimeException | OutOfMemoryError e) {
                AppLog.error(title, e);
                fail(entry, f, e, internalFailure(title, e));
                return;
            }
            tasks.remove(entry); // before completing: whoever waits for the result sees the task gone
            f.complete(result);
        });
        return f;
    }

    /** The one line a user sees for an internal error; the detail goes to the log, never a class name to the window. */
    private static String internalFailure(String title, Throwable e) {
        return title + " failed" + (e instanceof OutOfMemoryError ? " (out of memory; use fewer items or a larger -Xmx)" : "")
                + ". Your work is as it was before; details are in the log.";
    }

    private void fail(Tasks.Entry entry, CompletableFuture<?> f, Throwable e, String message) {
        tasks.remove(entry);
        notices.accept(Notice.error(message));
        f.completeExceptionally(e);
    }

    /** What an I/O task works on, captured on the worker between two solves. */
    record Capture<P>(P value, String missing) {
        static <P> Capture<P> of(P value) { return new Capture<>(value, null); }

        static <P> Capture<P> nothing(String why) { return new Capture<>(null, why); }
    }

    /** I/O on a captured value, run on the I/O worker. */
    @FunctionalInterface
    interface IoJob<P, T> {
        T apply(P captured) throws IOException;
    }

    /**
     * A task that captures a value between two solves ({@code capture}, on the worker), then runs {@code job}
     * on it on the I/O worker, so neither the solver waits for the disk nor the write sees a half-done step.
     */
    <P, T> CompletableFuture<T> ioTask(TaskKind kind, String title, Supplier<Capture<P>> capture, IoJob<P, T> job) {
        CompletableFuture<T> done = new CompletableFuture<>();
        Tasks.Entry entry = tasks.add(kind, title);
        atSafePoint(() -> {
            Capture<P> c = capture.get();
            if (c.missing() != null) {
                fail(entry, done, new UserError(c.missing()), c.missing());
                return;
            }
            tasks.started(entry);
            io.submit(() -> {
                T result;
                try {
                    result = job.apply(c.value());
                } catch (UserError e) {
                    fail(entry, done, e, e.getMessage());
                    return;
                } catch (IOException e) { // a file the system refused (full disk, permissions): told in plain words, one line in the log
                    AppLog.userError(title, e);
                    fail(entry, done, e, title + " failed: " + IoMessages.describe(e));
                    return;
                } catch (RuntimeException e) {
                    AppLog.error(title, e);
                    fail(entry, done, e, internalFailure(title, e));
                    return;
                }
                tasks.remove(entry);
                done.complete(result);
            });
        });
        return done;
    }

    /** Runs {@code r} on the worker between two solves: at once when idle, after the current solve during a run. */
    void atSafePoint(Runnable r) {
        safePoint.add(r);
        worker.submit(this::drainSafePoint);
    }

    /** Runs what waits for a safe point (on the worker: between tasks, or between two solves of a run). */
    void drainSafePoint() {
        Runnable r;
        while ((r = safePoint.poll()) != null) r.run();
    }
}
