package starnet.session;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;

/**
 * With {@code -Dstarnet.trace=phases}, prints the JVM's uptime when each phase of a command ends (for the
 * performance notes: where a whole process's time goes); otherwise does nothing.
 */
final class PhaseClock {
    private static final boolean ON = "phases".equals(System.getProperty("starnet.trace"));
    private final PrintStream err;
    private long last;

    PhaseClock(PrintStream err) {
        this.err = err;
        if (ON) {
            last = ManagementFactory.getRuntimeMXBean().getUptime();
            err.printf("phase %-12s ends at %5d ms%n", "start", last);
        }
    }

    void done(String phase) {
        if (!ON) return;
        long now = ManagementFactory.getRuntimeMXBean().getUptime();
        err.printf("phase %-12s ends at %5d ms (%4d ms)%n", phase, now, now - last);
        last = now;
    }
}
