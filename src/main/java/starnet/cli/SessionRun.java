package starnet.cli;

import starnet.session.UserError;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Drives a workbench session from the command line: waits for its tasks and turns their failures into the CLI's answers. */
final class SessionRun {
    private SessionRun() {}

    /** The task's result; a user error becomes bad input (exit 2), an I/O failure stays one. */
    static <T> T await(CompletableFuture<T> task) throws IOException {
        try {
            return task.join();
        } catch (CompletionException e) {
            Throwable c = e.getCause();
            if (c instanceof UserError u) throw new CliException(u.getMessage());
            if (c instanceof IOException io) throw io;
            if (c instanceof RuntimeException r) throw r;
            if (c instanceof Error er) throw er;
            throw e;
        } catch (CancellationException e) {
            throw new CliException("the run was cancelled");
        }
    }
}
