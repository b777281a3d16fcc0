package starnet.spark;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starnet.cli.Cli;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static List<String> opens() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String o = pom.substring(pom.indexOf("<spark.opens>") + 13, pom.indexOf("</spark.opens>"));
        return List.of(o.trim().split("\\s+"));
    }

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
        List<String> base = new ArrayList<>(List.of(java()));
        base.addAll(opens());
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
    private static Process launcher(List<String> args) throws IOException {
        List<String> cmd = new ArrayList<>(List.of(java()));
        cmd.addAll(opens());
        cmd.addAll(List.of("-cp", JAR.toAbsolutePath() + File.pathSeparator + String.join(File.pathSeparator, sparkJars()), "starnet.Launcher"));
        cmd.addAll(args);
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    private static List<String> onSpark(Path out, String... model) {
        List<String> args = new ArrayList<>(List.of("train", "--engine", "spark", "--master", master, "--partitions", "4", "--out", out.toString()));
        args.addAll(List.of(model));
        return args;
    }

    /** Trains on the cluster, killing the driver (SIGKILL) when {@code killAt} is printed, then continues it with train --resume. */
    private static double resumedOnCluster(Path out, String killAt, String... model) throws Exception {
        Process driver = launcher(onSpark(out, model));
        StringBuilder log = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                log.append(line).append('\n');
                if (line.startsWith(killAt)) {
                    driver.destroyForcibly();
                    break;
                }
            }
        }
        driver.waitFor();
        assertTrue(log.toString().contains(killAt), log.toString());
        Process again = launcher(List.of("train", "--resume", out.toString()));
        String text = new String(again.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, again.waitFor(), text);
        assertTrue(text.contains("Continuing " + out + " from step"), text);
        return finalMse(out);
    }

    /** Trains on the cluster, killing one executor when {@code killAt} is printed; the final output MSE. */
    private static double onCluster(Path out, String killAt, String... model) throws Exception {
        Process driver = launcher(onSpark(out, model));
        StringBuilder log = new StringBuilder();
        boolean killed = false;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(driver.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                log.append(line).append('\n');
                if (!killed && line.startsWith(killAt)) {
                    List<ProcessHandle> ex = executors();
                    assertEquals(2, ex.size(), "one executor per worker: " + ex);
                    killed = ex.get(0).destroyForcibly(); // SIGKILL: its cached partitions and shuffle files are gone
                }
            }
        }
        assertEquals(0, driver.waitFor(), log.toString());
        assertTrue(killed, "an executor was killed at '" + killAt + "':\n" + log);
        assertTrue(log.toString().contains("Lost executor"), "Spark noticed the loss:\n" + log);
        return finalMse(out);
    }

    private static double finalMse(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("metrics.jsonl"));
        String last = lines.get(lines.size() - 1);
        int at = last.indexOf("\"output_mse\":") + 13;
        return Double.parseDouble(last.substring(at, last.indexOf(',', at)).trim());
    }

    private static double inMemory(Path out, String... model) throws IOException {
        List<String> args = new ArrayList<>(List.of("train", "--out", out.toString()));
        args.addAll(List.of(model));
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(0, Cli.run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err)), err.toString());
        return finalMse(out);
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
