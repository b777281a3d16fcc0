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
    private static final int BAR = 24;
    private final PrintStream err;
    private final int total;
    private int done;
    private double seconds;
    private boolean shown;

    TerminalProgress(PrintStream err, int total) {
        this.err = err;
        this.total = Math.max(1, total);
    }

    /** The bar when {@code err} is the process's own standard error on a terminal, else plain lines. */
    static Runs.Progress of(PrintStream err, int total) {
        return err == System.err && onTerminal() ? new TerminalProgress(err, total) : Runs.printingTo(err);
    }

    /** Whether the process runs on a terminal: a console before Java 22; from 22 on, a console that says it is one. */
    @SuppressWarnings("SystemConsoleNull") // the null check is the Java 17 answer; isTerminal, read by name, the newer one
    static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public void note(String line) {
        clear();
        err.println(line);
        draw();
    }

    @Override
    public void step(StepResult r) {
        clear();
        err.println(r.summary());
        done++;
        seconds += r.seconds();
        draw();
    }

    /** Removes the status line (before the command's last words). */
    void finish() {
        clear();
        err.flush();
    }

    /** The status line: "[#########---------------] 9 of at most 20 solves · about 4 s left". */
    String status() {
        int filled = (int) Math.round(BAR * Math.min(1.0, done / (double) total));
        String bar = "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "]";
        double estimate = done == 0 ? 0 : seconds / done * Math.max(0, total - done);
        String left = done == 0 || done >= total ? "" : estimate < 1 ? " · under a second left"
                : String.format(Locale.ROOT, " · at most about %.0f s left", estimate);
        return String.format(Locale.ROOT, "%s %d of at most %d solves%s", bar, done, total, left);
    }

    private void draw() {
        err.print(status() + "\033[K");
        err.flush();
        shown = true;
    }

    private void clear() {
        if (shown) err.print("\r\033[K");
        shown = false;
    }
}
