package starnet.math;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Lowers the operating-system scheduling priority of the calling thread, so that a window's event
 * and render threads get a core at once while solves keep every other cycle.
 *
 * <p>On Linux the priority ("nice" value) belongs to each thread and is inherited by the threads it
 * starts: lowering it on the solver thread before the backend loads also lowers OpenBLAS's worker
 * pool and the fork-join workers the solver starts. Java's own {@link Thread#setPriority} is
 * ignored by the JVM on Linux, hence {@code renice} on the thread id. Elsewhere the Java priority is
 * lowered, which Windows honours for the calling thread.
 */
public final class BackgroundPriority {
    private static final Logger LOG = Logger.getLogger(BackgroundPriority.class.getName());
    /** The nice value given to compute threads (0 = normal, 19 = lowest); {@code -Dstarnet.solverNice=0} keeps the normal priority. */
    public static final int NICE = Integer.getInteger("starnet.solverNice", 10);

    private BackgroundPriority() {}

    /** Lowers the calling thread's priority; returns true when the operating system confirmed it. */
    @SuppressWarnings("ThreadPriorityCheck") // a hint beside renice, which does the work on Linux; elsewhere all there is
    public static boolean lowerCurrentThread() {
        if (NICE <= 0) return false;
        Thread.currentThread().setPriority(Thread.MIN_PRIORITY);
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) return false;
        try {
            // "/proc/thread-self" names the calling thread: "<pid>/task/<tid>"
            String tid = Files.readSymbolicLink(Path.of("/proc/thread-self")).getFileName().toString();
            Process p = new ProcessBuilder("renice", "-n", Integer.toString(NICE), "-p", tid)
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
                LOG.fine(() -> "thread " + tid + " (" + Thread.currentThread().getName() + ") now runs at nice " + NICE);
                return true;
            }
            p.destroy();
            LOG.info("renice did not lower the solver thread's priority; the window may respond more slowly while solving");
        } catch (IOException | UnsupportedOperationException e) {
            LOG.log(Level.INFO, "could not lower the solver thread's priority", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }

    /** The calling thread's nice value as the kernel reports it, or empty when not on Linux. */
    public static java.util.OptionalInt currentNice() {
        try {
            String stat = Files.readString(Path.of("/proc/thread-self/stat"));
            // fields after the parenthesised command name: state is field 3, nice is field 19
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return java.util.OptionalInt.of(Integer.parseInt(f[16]));
        } catch (IOException | RuntimeException e) {
            return java.util.OptionalInt.empty();
        }
    }
}
