package starnet.testing;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Every thread's stack, of this JVM or of another one (through the JDK's jcmd), for a test that has to say where it hangs. */
public final class Stacks {
    private Stacks() {}

    /** This JVM's threads, as a thread dump lists them. */
    public static String ofThisJvm() {
        StringBuilder b = new StringBuilder();
        for (Map.Entry<Thread, StackTraceElement[]> e : Thread.getAllStackTraces().entrySet()) {
            Thread t = e.getKey();
            b.append('"').append(t.getName()).append("\" ").append(t.getState()).append(t.isDaemon() ? " daemon" : "").append('\n');
            for (StackTraceElement s : e.getValue()) b.append("    at ").append(s).append('\n');
            b.append('\n');
        }
        return b.toString();
    }

    /** Another JVM's threads ({@code jcmd PID Thread.print}), or why they could not be read. */
    public static String ofProcess(long pid) {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        try {
            Process p = new ProcessBuilder(jcmd.toString(), String.valueOf(pid), "Thread.print").redirectErrorStream(true).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
            return new String(out, StandardCharsets.UTF_8);
        } catch (Exception e) {
            return "(the threads of process " + pid + " could not be read: " + e + ")\n";
        }
    }
}
