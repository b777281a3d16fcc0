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

    /** Whether {@code err} is the process's own standard error on a terminal, where a status line can be redrawn. */
    static boolean fits(PrintStream err) {
        return err == System.err && onTerminal();
    }

    /** Whether the process runs on a terminal: a console before Java 22; from 22 on, a console that says it is one. */
    @SuppressWarnings("SystemConsoleNull") // the null check is the Java 17 answer; isTerminal, read by name, the newer one
    private static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** "[#########---------------]": {@code fraction} (0–1) of {@link #BAR} cells filled. */
    static String bar(double fraction) {
        int filled = (int) Math.round(BAR * Math.max(0, Math.min(1.0, fraction)));
        return "[" + "#".repeat(filled) + "-".repeat(BAR - filled) + "]";
    }
}
