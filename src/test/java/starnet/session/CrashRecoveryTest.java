package starnet.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starnet.math.EjmlLinearAlgebra;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Work is never lost: a process killed with SIGKILL in the middle of Train all comes back at its last autosave, and continues exactly. */
class CrashRecoveryTest {
    @TempDir Path home;

    @Test
    void aRunKilledMidTrainAllLosesAtMostTheSolveThatRanAndContinuesExactly() throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-Xmx512m", "-cp", System.getProperty("java.class.path"),
                TrainUntilKilled.class.getName(), home.toString(), "1000").redirectErrorStream(false).start();
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            do { // a classroom's 1 s delay between solves; killed in the middle of layer 1
                line = out.readLine();
                assertNotNull(line, "the child ended before it was killed");
                assertTrue(System.nanoTime() < deadline, "no autosave of 12 steps within 90 s");
            } while (!line.startsWith("autosaved") || Integer.parseInt(line.replaceAll(".*at (\\d+) steps.*", "$1")) < 12);
            child.destroyForcibly(); // SIGKILL: no shutdown hook, no clean close
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        int written = Integer.parseInt(line.replaceAll(".*holding (\\d+) steps.*", "$1"));
        int sessionAt = Integer.parseInt(line.replaceAll(".*at (\\d+) steps.*", "$1"));
        assertTrue(written >= sessionAt - 1, "every solve is autosaved: at most the one that ran is lost (" + line + ")");

        UserFiles files = new UserFiles(home);
        assertTrue(files.crashedWithAutosave(), "the next start offers the autosave");
        WorkbenchSession recovered = WorkbenchSession.immediate(new EjmlLinearAlgebra(1));
        recovered.recover(files.autosave()).join();
        SessionState s = recovered.state();
        assertEquals(written, s.steps().size(), "every step the autosave held comes back");
        assertEquals(1, s.latest().layer(), "the next solve is on layer 1");
        assertFalse(s.finished());
        assertTrue(s.dirty());

        recovered.run(TrainAction.TRAIN_ALL).join();
        WorkbenchSession uninterrupted = WorkbenchSession.immediate(new EjmlLinearAlgebra(1));
        uninterrupted.configure(TrainUntilKilled.CONFIG).join();
        uninterrupted.run(TrainAction.TRAIN_ALL).join();
        var a = recovered.state().steps();
        var b = uninterrupted.state().steps();
        assertEquals(b.size(), a.size());
        for (int i = 0; i < a.size(); i++) assertEquals(b.get(i).mse(), a.get(i).mse(), 0.0, "step " + i);
    }

    @Test
    void aCleanCloseLeavesNothingToRecover() throws IOException {
        UserFiles files = new UserFiles(home);
        files.markOpen();
        java.nio.file.Files.writeString(files.autosave(), "x");
        assertTrue(files.crashedWithAutosave());
        files.markClosed();
        assertFalse(files.crashedWithAutosave());
    }
}
