package starnet.model;

/**
 * How a long piece of work is going, told to whoever shows it (a status line on a terminal, plain lines in a log, a
 * window's task bar): lines worth keeping, as they come, and how much of the work is done.
 */
public interface WorkProgress {
    /** Nobody listens. */
    WorkProgress NONE = line -> {};

    /** A line worth keeping, as in a log. */
    void note(String line);

    /** {@code fraction} (0–1) of the work is done — of the whole command's, or of the part the last note began. */
    default void done(double fraction) {}
}
