package starnet.cli;

import starnet.model.StepResult;
import starnet.session.Runs;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A run's progress on a terminal: every note and finished step as its own line, as in a log, and beneath them one
 * status line redrawn in place — a bar of the solves done out of at most {@code total}, and the time left at the pace so
 * far (an upper bound: a layer that converges early ends sooner). {@link #of} gives plain lines when the output is not a
 * terminal (a file, a pipe, CI).
 */
final class TerminalProgress implements Runs.Progress {
    private final StatusLine line;
    private final int total;
    private int done;
    private double seconds;

    TerminalProgress(PrintStream err, int total) {
        this.line = new StatusLine(err);
        this.total = Math.max(1, total);
    }

    /** The bar when {@code err} is the process's own standard error on a terminal, else plain lines. */
    static Runs.Progress of(PrintStream err, int total) {
        return StatusLine.fits(err) ? new TerminalProgress(err, total) : Runs.printingTo(err);
    }

    @Override
    public void note(String text) {
        line.println(text);
        line.show(status());
    }

    @Override
    public void step(StepResult r) {
        line.println(r.summary());
        done++;
        seconds += r.seconds();
        line.show(status());
    }

    /** Removes the status line (before the command's last words). */
    void finish() {
        line.clear();
    }

    /** The status line: "[#########---------------] 9 of at most 20 solves · about 4 s left". */
    String status() {
        String bar = StatusLine.bar(done / (double) total);
        double estimate = done == 0 ? 0 : seconds / done * Math.max(0, total - done);
        String left = done == 0 || done >= total ? "" : estimate < 1 ? " · under a second left"
                : String.format(Locale.ROOT, " · at most about %.0f s left", estimate);
        return String.format(Locale.ROOT, "%s %d of at most %d solves%s", bar, done, total, left);
    }
}
