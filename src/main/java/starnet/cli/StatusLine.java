package starnet.cli;

import java.io.PrintStream;

/**
 * One line at the bottom of a terminal, redrawn in place beneath the lines a command prints as a log: cleared before
 * each of them, and before the command's last words.
 */
final class StatusLine {
    static final int BAR = 24;
    private final PrintStream err;
    private boolean shown;

    StatusLine(PrintStream err) {
        this.err = err;
    }

    /** {@code line} printed as a line of the log, the status line (if any) out of its way. */
    void println(String line) {
        clear();
        err.println(line);
    }

    /** Shows {@code status} in place of the previous one. */
    void show(String status) {
        clear();
        err.print(status + "\033[K");
        err.flush();
        shown = true;
    }

    void clear() {
        if (shown) err.print("\r\033[K");
        shown = false;
        err.flush();
    }

    /** "[#########---------------]": {@code fraction} (0–1) of {@link #BAR} cells filled. */
    static String bar(double fraction) {
        int filled = (int) Math.round(BAR * Math.max(0, Math.min(1.0, fraction)));
        return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "]";
    }
}
