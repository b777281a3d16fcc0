package starnet.session;

import starnet.model.Dataset;
import starnet.model.DeterminednessReport;
import starnet.model.EngineSpec;
import starnet.model.StarNetConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Drives an immediate session through a run: waits for its tasks and turns their failures back into what they were. */
final class SessionRuns {
    private SessionRuns() {}

    /** Sets up {@code config} on {@code engine} over data already loaded; a configuration that does not fit or is not determined is a user error. */
    static void configure(WorkbenchSession session, StarNetConfig config, Dataset ds, EngineSpec engine, Streamed streamed, Runs.Progress progress)
            throws IOException {
        await(session.configureRun(config, ds, engine, streamed));
        SessionState s = session.state();
        if (!s.problem().isEmpty()) throw new UserError(s.problem());
        DeterminednessReport report = s.report();
        if (report != null && report.hasErrors()) {
            for (String line : report.text().split("\n")) progress.note(line);
            throw new UserError("the configuration is not determined: " + report.firstError());
        }
    }

    /** The task's result; its user errors and I/O failures are thrown as they were. */
    static <T> T await(CompletableFuture<T> task) throws IOException {
        try {
            return task.join();
        } catch (CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) throw io;
            if (c instanceof UncheckedIOException io) throw io.getCause();
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error er) throw er;
            throw e;
        } catch (CancellationException e) {
            throw new UserError("the run was cancelled");
        }
    }

    /** Waits for work done on the side; its I/O failure is rethrown as it happened. */
    static void join(CompletableFuture<Void> side) throws IOException {
        await(side);
    }
}
