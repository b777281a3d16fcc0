package starnet.cli;

import starnet.model.WorkProgress;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A long command's progress told as a fraction (a sweep's runs, an experiment's epochs, the baselines' epochs): each
 * note as its own line, as in a log, and on a terminal one status line beneath them — a bar of the fraction done and the
 * time left at the pace so far. Plain lines when the output is not a terminal (a file, a pipe, CI).
 */
final class TerminalBar implements WorkProgress {
    private final PrintStream err;
    private final StatusLine line; // null when not on a terminal
    private final long start = System.nanoTime();
    private String status;

    private TerminalBar(PrintStream err, boolean live) {
        this.err = err;
        this.line = live ? new StatusLine(err) : null;
    }

    /** The bar when {@code err} is the process's own standard error on a terminal, else plain lines. */
    static TerminalBar of(PrintStream err) {
        return new TerminalBar(err, StatusLine.fits(err));
    }

    @Override
    public void note(String text) {
        if (line == null) {
            err.println(text);
            return;
        }
        line.println(text);
        if (status != null) line.show(status);
    }

    @Override
    public void done(double fraction) {
        if (line == null) return;
        status = fraction < 1 ? status(fraction, (System.nanoTime() - start) / 1e9) : null;
        if (status != null) line.show(status);
        else line.clear();
    }

    /** Prints what {@code print} prints (to the terminal's other stream) with the status line out of its way. */
    void above(Runnable print) {
        if (line != null) line.clear();
        print.run();
        if (line != null && status != null) line.show(status);
    }

    /** Removes the status line (before the command's last words). */
    void finish() {
        if (line != null) line.clear();
        status = null;
    }

    /** "[############------------] 50% · about 10 s left" after {@code seconds} at {@code fraction} done. */
    static String status(double fraction, double seconds) {
        double left = fraction <= 0 ? Double.NaN : seconds / fraction * (1 - fraction);
        String eta = Double.isNaN(left) ? "" : left < 1 ? " · under a second left" : String.format(Locale.ROOT, " · about %.0f s left", left);
        return String.format(Locale.ROOT, "%s %.0f%%%s", StatusLine.bar(fraction), 100 * fraction, eta);
    }
}
