package starnet.cli;

import starnet.model.StepResult;
import starnet.session.Runs;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A run's progress on a terminal: every note and finished step as its own line, as in a log, and beneath them one
 * status line redrawn in place — a bar of the solves done out of at most {@code total}, and the time left at the pace so
 * far (an upper bound: a layer that converges early ends sooner); while the work before the solves reports a fraction
 * (writing a store), a bar of that part instead. {@link #of} gives plain lines when the output is not a terminal (a
 * file, a pipe, CI).
 */
final class TerminalProgress implements Runs.Progress {
    private final StatusLine line;
    private final int total;
    private int done;
    private double seconds;
    private long partStart = -1; // System.nanoTime() when the part now reporting fractions began, or -1
    private String partStatus;

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
    public void done(double fraction) {
        if (partStart < 0) partStart = System.nanoTime();
        partStatus = fraction < 1 ? TerminalBar.status(fraction, (System.nanoTime() - partStart) / 1e9) : null;
        if (partStatus == null) partStart = -1;
        line.show(status());
    }

    @Override
    public void step(StepResult r) {
        partStatus = null;
        partStart = -1;
        line.println(r.summary());
        done++;
        seconds += r.seconds();
        line.show(status());
    }

    /** Removes the status line (before the command's last words). */
    void finish() {
        line.clear();
    }

    /** The status line: "[#########---------------] 9 of at most 20 solves · about 4 s left", or the part's bar. */
    String status() {
        if (partStatus != null) return partStatus;
        String bar = StatusLine.bar(done / (double) total);
        double estimate = done == 0 ? 0 : seconds / done * Math.max(0, total - done);
        String left = done == 0 || done >= total ? "" : estimate < 1 ? " · under a second left"
                : String.format(Locale.ROOT, " · at most about %.0f s left", estimate);
        return String.format(Locale.ROOT, "%s %d of at most %d solves%s", bar, done, total, left);
    }
}
