package starnet.spark;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starnet.cli.Cli;
import starnet.testing.ChildJvm;
import starnet.testing.RunMetrics;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Spark as a cluster runs it: a standalone Master and two Workers on 127.0.0.1, started from Spark's own Maven jars,
 * each Worker launching its executor in its own JVM; the driver is the shipped launcher with nothing but
 * {@code --master spark://…}. One executor is killed with SIGKILL when layer 2's second epoch starts; the run must
 * finish and end where the in-memory engine ends, to 1e-9 relative, for a feedforward and a conv decoder.
 * <p>
 * Slow (a minute or two) and needs the packaged jar: it runs in {@code mvn -Pcluster verify}, not in the default tests.
 */
@Tag("cluster")
class LoopbackClusterTest {
    @TempDir static Path tmp;
    private static final List<Process> daemons = new ArrayList<>();
    private static String master;
    private static final Path JAR = Path.of("target/starnet.jar");

    /** The test's class path without JavaFX and the test tools: what the nodes and the driver need. */
    private static List<String> sparkJars() {
        List<String> jars = new ArrayList<>();
        for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (e.endsWith(".jar") && !e.contains("javafx") && !e.contains("testfx") && !e.contains("monocle") && !e.contains("junit")) jars.add(e);
        }
        return jars;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static Process start(Path log, List<String> command, Path home) throws IOException {
        ProcessBuilder b = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        b.environment().put("SPARK_HOME", home.toString());
        b.environment().put("SPARK_SCALA_VERSION", "2.13");
        Process p = b.start();
        daemons.add(p);
        return p;
    }

    @BeforeAll
    static void cluster() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "the packaged jar (mvn -Pcluster verify packages it first)");
        Path home = Files.createDirectories(tmp.resolve("spark-home/jars")).getParent();
        for (String j : sparkJars()) Files.createSymbolicLink(home.resolve("jars").resolve(Path.of(j).getFileName()), Path.of(j));
        int port = freePort();
        master = "spark://127.0.0.1:" + port;
        List<String> base = new ArrayList<>(List.of(ChildJvm.java()));
        base.addAll(ChildJvm.sparkOpens());
        base.addAll(List.of("-cp", home.resolve("jars") + "/*"));
        List<String> m = new ArrayList<>(base);
        m.addAll(List.of("org.apache.spark.deploy.master.Master", "--host", "127.0.0.1", "--port", String.valueOf(port), "--webui-port",
                String.valueOf(freePort())));
        start(tmp.resolve("master.log"), m, home);
        for (int i = 1; i <= 2; i++) {
            List<String> w = new ArrayList<>(base);
            w.addAll(List.of("org.apache.spark.deploy.worker.Worker", master, "--cores", "1", "--memory", "1500m", "--host", "127.0.0.1",
                    "--webui-port", String.valueOf(freePort()), "--work-dir", tmp.resolve("worker" + i).toString()));
            start(tmp.resolve("worker" + i + ".log"), w, home);
        }
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (registered() < 2) {
            assertTrue(System.nanoTime() < until, "the two workers registered with the master");
            Thread.sleep(500);
        }
    }

    private static int registered() throws IOException {
        int n = 0;
        for (int i = 1; i <= 2; i++) {
            Path log = tmp.resolve("worker" + i + ".log");
            if (Files.exists(log) && Files.readString(log).contains("Successfully registered with master")) n++;
        }
        return n;
    }

    @AfterAll
    static void stop() {
        for (Process p : daemons) p.descendants().forEach(ProcessHandle::destroyForcibly);
        for (Process p : daemons) p.destroyForcibly();
    }

    /** The executors' pids: the Workers' child JVMs. */
    private static List<ProcessHandle> executors() {
        List<ProcessHandle> out = new ArrayList<>();
        for (Process d : daemons) d.children().forEach(out::add);
        return out;
    }

    /** The launcher with Spark on its class path, as bin/starnet-spark runs it, with {@code args}. */
    private static ChildJvm launcher(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(ChildJvm.java()));
        cmd.addAll(ChildJvm.sparkOpens());
        cmd.addAll(List.of("-cp", JAR.toAbsolutePath() + File.pathSeparator + String.join(File.pathSeparator, sparkJars()), "starnet.Launcher"));
        cmd.addAll(args);
        return ChildJvm.start(cmd);
    }

    private static List<String> onSpark(Path out, String... model) {
        List<String> args = new ArrayList<>(List.of("train", "--engine", "spark", "--master", master, "--partitions", "4", "--out", out.toString()));
        args.addAll(List.of(model));
        return args;
    }

    /** Trains on the cluster, killing the driver (SIGKILL) when {@code killAt} is printed, then continues it with train --resume. */
    private static double resumedOnCluster(Path out, String killAt, String... model) throws Exception {
        try (ChildJvm driver = launcher(onSpark(out, model))) {
            driver.awaitLine(line -> line.startsWith(killAt), Duration.ofMinutes(4));
            driver.kill();
        }
        try (ChildJvm again = launcher(List.of("train", "--resume", out.toString()))) {
            assertEquals(0, again.awaitExit(Duration.ofMinutes(4)), again.log());
            assertTrue(again.log().contains("Continuing " + out + " from step"), again.log());
        }
        return RunMetrics.finalMse(out);
    }

    /** Trains on the cluster, killing one executor when {@code killAt} is printed; the final output MSE. */
    private static double onCluster(Path out, String killAt, String... model) throws Exception {
        try (ChildJvm driver = launcher(onSpark(out, model))) {
            driver.awaitLine(line -> line.startsWith(killAt), Duration.ofMinutes(4));
            List<ProcessHandle> ex = executors();
            assertEquals(2, ex.size(), "one executor per worker: " + ex);
            assertTrue(ex.get(0).destroyForcibly(), "an executor was killed at '" + killAt + "'"); // SIGKILL: its cached partitions and shuffle files are gone
            assertEquals(0, driver.awaitExit(Duration.ofMinutes(4)), driver.log());
            assertTrue(driver.log().contains("Lost executor"), "Spark noticed the loss:\n" + driver.log());
        }
        return RunMetrics.finalMse(out);
    }

    private static double inMemory(Path out, String... model) throws IOException {
        List<String> args = new ArrayList<>(List.of("train", "--out", out.toString()));
        args.addAll(List.of(model));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, Cli.run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream(), true, java.nio.charset.StandardCharsets.UTF_8), new PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8)), err.toString(java.nio.charset.StandardCharsets.UTF_8));
        return RunMetrics.finalMse(out);
    }

    private static void sameRun(String... model) throws Exception {
        double memory = inMemory(tmp.resolve("memory-" + model.length), model);
        double cluster = onCluster(tmp.resolve("cluster-" + model.length), "layer 2 epoch 2 SL", model);
        System.out.printf("%s: in memory %.17g, on the cluster with an executor killed %.17g (relative difference %.2g)%n", String.join(" ", model),
                memory, cluster, Math.abs(memory - cluster) / memory);
        assertEquals(memory, cluster, 1e-9 * memory, "the run that lost an executor ends where the in-memory run ends");
    }

    @Test
    void aRunWhoseDriverWasKilledIsResumedToTheSameNumbers() throws Exception {
        String[] model = {"--data", "sample:mnist", "--widths", "64,256", "--epochs", "3", "--tol", "0"};
        double memory = inMemory(tmp.resolve("memory-resume"), model);
        double resumed = resumedOnCluster(tmp.resolve("cluster-resume"), "layer 1 epoch 2 SL", model);
        System.out.printf("driver killed at layer 1 epoch 2 and resumed: in memory %.17g, resumed on the cluster %.17g (relative difference %.2g)%n",
                memory, resumed, Math.abs(memory - resumed) / memory);
        assertEquals(memory, resumed, 1e-9 * memory);
    }

    @Test
    void aFeedforwardRunSurvivesLosingAnExecutor() throws Exception {
        sameRun("--data", "sample:mnist", "--widths", "64,256", "--epochs", "3", "--tol", "0");
    }

    @Test
    void aConvRunSurvivesLosingAnExecutor() throws Exception {
        sameRun("--data", "sample:mnist", "--limit", "3000", "--preset", "mnist-conv", "--epochs", "2", "--tol", "0");
    }
}
