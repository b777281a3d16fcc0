package starnet.cli;

import starnet.model.Dataset;
import starnet.model.DeterminednessReport;
import starnet.model.StarNetConfig;
import starnet.session.Notice;
import starnet.session.SessionListener;
import starnet.session.SessionState;
import starnet.session.UserError;
import starnet.session.WorkbenchSession;

import java.io.IOException;
import java.io.PrintStream;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/** Drives a {@link WorkbenchSession} from the command line: waits for its tasks and turns their failures into the CLI's answers. */
final class SessionRun {
    private SessionRun() {}

    /** Sets up {@code config} on data already loaded; a configuration that does not fit or is not determined is bad input. */
    static void configure(WorkbenchSession session, StarNetConfig config, Dataset ds, PrintStream err) throws IOException {
        await(session.configure(config, ds));
        SessionState s = session.state();
        if (!s.problem().isEmpty()) throw new CliException(s.problem());
        DeterminednessReport report = s.report();
        if (report != null && report.hasErrors()) {
            err.print(report.text());
            throw new CliException("the configuration is not determined: " + report.firstError());
        }
    }

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

    /** A listener that prints the session's notices of errors (its plain-word messages) to {@code err}. */
    static SessionListener errors(PrintStream err) {
        return new SessionListener() {
            @Override public void stateChanged(SessionState s) {}

            @Override
            public void notice(Notice n) {
                if (n.kind() == Notice.Kind.ERROR) err.println("note: " + n.text());
            }
        };
    }
}
