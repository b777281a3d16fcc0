package starnet.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A JVM a test starts and watches. Its output (standard error merged in) is read on a thread of its own, so the child
 * never blocks on a full pipe and the test never blocks on a silent child: every wait has a limit, and a child that
 * misses it is shown — its threads' stacks and everything it printed — in the failure, then killed.
 */
public final class ChildJvm implements AutoCloseable {
    private static final String END = new String("end of output"); // compared by identity: no line the child prints is it
    private final Process process;
    private final LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
    @SuppressWarnings("JdkObsolete") // appended by the reader thread, read by the test: StringBuffer is the synchronized one
    private final StringBuffer log = new StringBuffer();
    private final java.util.concurrent.CountDownLatch outputRead = new java.util.concurrent.CountDownLatch(1);

    private ChildJvm(Process process) {
        this.process = process;
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    log.append(line).append('\n');
                    lines.add(line);
                }
            } catch (IOException e) {
                log.append("(output unreadable: ").append(e).append(")\n");
            } finally {
                lines.add(END);
                outputRead.countDown();
            }
        }, "output of child " + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    /** This JVM's {@code java}. */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** The {@code --add-opens} Spark needs on Java 17, as the pom and bin/starnet-spark pass them. */
    public static List<String> sparkOpens() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        return List.of(pom.substring(pom.indexOf("<spark.opens>") + 13, pom.indexOf("</spark.opens>")).trim().split("\\s+"));
    }

    /** {@code java JVM-OPTIONS -cp THE-TEST'S-CLASS-PATH MAIN ARGS}. */
    public static List<String> command(List<String> jvmOptions, Class<?> main, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        cmd.addAll(args);
        return cmd;
    }

    public static ChildJvm start(List<String> command) throws IOException {
        return start(command, Map.of());
    }

    public static ChildJvm start(List<String> command, Map<String, String> environment) throws IOException {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true);
        b.environment().putAll(environment);
        return new ChildJvm(b.start());
    }

    public Process process() { return process; }

    /** Everything the child printed so far. */
    public String log() { return log.toString(); }

    /**
     * The next line the child prints that {@code wanted} accepts, within {@code limit}.
     *
     * @throws AssertionError when the child ends or the limit passes first (the child's stacks and output in the message)
     */
    @SuppressWarnings("ReferenceEquality") // END is a sentinel: no line the child prints is that very string
    public String awaitLine(Predicate<String> wanted, Duration limit) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (true) {
            String line = lines.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) throw failure("printed no awaited line within " + limit.toSeconds() + " s");
            if (line == END) throw failure("ended (exit " + process.waitFor() + ") before it printed the awaited line");
            if (wanted.test(line)) return line;
        }
    }

    /** Waits for the child to end within {@code limit}; its exit code. */
    public int awaitExit(Duration limit) throws InterruptedException {
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) throw failure("did not end within " + limit.toSeconds() + " s");
        outputRead.await(10, TimeUnit.SECONDS); // the output is whole once the reader has seen its end
        return process.exitValue();
    }

    /** SIGKILL: no shutdown hook, no clean close; waits until it is gone. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    private AssertionError failure(String what) {
        String stacks = process.isAlive() ? Stacks.ofProcess(process.pid()) : "";
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        return new AssertionError("The child JVM " + what + ".\n--- its output:\n" + log + (stacks.isEmpty() ? "" : "--- its threads:\n" + stacks));
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
