package starnet.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starnet.Launcher;
import starnet.testing.ChildJvm;
import starnet.testing.RunMetrics;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code train --resume}: a run whose process is killed (SIGKILL) in the middle continues from the image it kept and
 * ends with the numbers of a run that was never stopped, in memory and out of core; its metrics.jsonl has every step
 * once, and nothing of the stopped run is left beside the folder.
 */
class ResumeTest {
    @TempDir Path tmp;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int cli(String... args) {
        err.reset();
        return Cli.run(args, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static List<String> concat(List<String> a, String... b) {
        List<String> c = new ArrayList<>(a);
        c.addAll(List.of(b));
        return c;
    }

    /** Trains in a child process and kills it (SIGKILL) once {@code killAt} is printed and the image to resume from is written. */
    private static void killedAt(Path out, String killAt, List<String> model) throws Exception {
        List<String> args = new ArrayList<>(model);
        args.addAll(List.of("--out", out.toString()));
        Path childTmp = Files.createDirectories(out.getParent().resolve("child-tmp")); // what a killed JVM (and its Spark) leaves stays in the test's folder
        List<String> jvm = new ArrayList<>(List.of("-Xmx1g", "-Djava.io.tmpdir=" + childTmp));
        jvm.addAll(ChildJvm.sparkOpens());
        try (ChildJvm child = ChildJvm.start(ChildJvm.command(jvm, Launcher.class, args))) {
            child.awaitLine(line -> line.startsWith(killAt), Duration.ofMinutes(4));
            awaitImage(out.getParent(), child);
            child.kill();
        }
        assertFalse(Files.exists(out), "the stopped run wrote no folder");
    }

    /** Waits until the run's staging folder holds the image a resume starts from (written on its own thread). */
    private static void awaitImage(Path parent, ChildJvm child) throws Exception {
        long until = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < until) {
            try (var found = Files.list(parent)) {
                if (found.anyMatch(p -> p.getFileName().toString().startsWith(".starnet-staging-") && Files.exists(p.resolve("resume.starnet")))) return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no resume image was written:\n" + child.log());
    }

    private void resumesToTheSameNumbers(List<String> model) throws Exception {
        resumesToTheSameNumbers(model, "layer 1 epoch 1 SW", "from step \\d+ \\(");
    }

    /** Killed once {@code killAt} is printed, the run continues ("Continuing OUT " then {@code from}, a pattern) to the same numbers. */
    private void resumesToTheSameNumbers(List<String> model, String killAt, String from) throws Exception {
        Path whole = tmp.resolve("whole"), stopped = tmp.resolve("stopped");
        assertEquals(0, cli(concat(model, "--out", whole.toString()).toArray(String[]::new)), err.toString(StandardCharsets.UTF_8));
        killedAt(stopped, killAt, model);
        assertEquals(0, cli("train", "--resume", stopped.toString()), err.toString(StandardCharsets.UTF_8));
        assertTrue(java.util.regex.Pattern.compile(java.util.regex.Pattern.quote("Continuing " + stopped + " ") + from).matcher(err.toString(StandardCharsets.UTF_8)).find(),
                err.toString(StandardCharsets.UTF_8));
        double a = RunMetrics.finalMse(whole), b = RunMetrics.finalMse(stopped);
        assertEquals(a, b, 1e-9 * a, "the resumed run ends where the run that was never stopped ends");
        try (var left = Files.list(tmp)) {
            assertEquals(List.of(), left.filter(p -> p.getFileName().toString().startsWith(".")).toList(), "nothing of the stopped run is left "
                    + "(its staging folder, the latents its executors wrote)");
        }
        assertEquals(2, cli("train", "--resume", stopped.toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("has finished; there is nothing to continue"), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aKilledRunInMemoryContinuesToTheSameNumbers() throws Exception {
        resumesToTheSameNumbers(List.of("train", "--data", "sample:mnist", "--widths", "32,128", "--epochs", "3", "--tol", "0"));
    }

    @Test
    void aKilledRunOutOfCoreContinuesToTheSameNumbers() throws Exception {
        // three layers: out of core the image is taken when a layer ends, so the first (after layer 3) is on disk long
        // before layer 1's steps, where the run is stopped; with two, its only image raced the end of the run
        resumesToTheSameNumbers(List.of("train", "--data", "sample:mnist", "--widths", "16,32,128", "--epochs", "4", "--tol", "0",
                "--store", tmp.resolve("store").toString(), "--precision", "f64"));
    }

    @Test
    void aRunKilledOutOfCoreInItsFirstLayerContinuesFromWithinIt() throws Exception {
        // out of core an image is taken as the run starts, then after solves while that is cheap: stopped before its first
        // layer (6 solves) has ended, the run continues from a step within it — its start at the earliest — to the same
        // numbers (before, the first image came when a layer ended, and such a run could not continue at all)
        resumesToTheSameNumbers(List.of("train", "--data", "sample:mnist", "--widths", "32,128", "--epochs", "3", "--tol", "0",
                "--store", tmp.resolve("store").toString(), "--precision", "f64"), "layer 2 epoch 2 SL", "from step [0-5] \\(");
    }

    @Test
    void aKilledRunOnSparkContinuesToTheSameNumbers() throws Exception {
        resumesToTheSameNumbers(List.of("train", "--data", "sample:mnist", "--limit", "3000", "--widths", "32,128", "--epochs", "4", "--tol", "0",
                "--engine", "spark", "--master", "local[2]", "--partitions", "3"));
    }

    @Test
    void resumeTakesNoOtherOptions() {
        assertEquals(2, cli("train", "--resume", tmp.resolve("x").toString(), "--epochs", "3"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--resume continues the run as it was started; leave out --epochs"), err.toString(StandardCharsets.UTF_8));
    }
}
