package starnet.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starnet.math.EjmlLinearAlgebra;
import starnet.testing.ChildJvm;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Work is never lost: a process killed with SIGKILL in the middle of Train all comes back at its last autosave, and continues exactly. */
class CrashRecoveryTest {
    @TempDir Path home;

    @Test
    void aRunKilledMidTrainAllLosesAtMostTheSolveThatRanAndContinuesExactly() throws Exception {
        String line;
        try (ChildJvm child = ChildJvm.start(ChildJvm.command(List.of("-Xmx512m"), TrainUntilKilled.class, List.of(home.toString(), "1000")))) {
            // a classroom's 1 s delay between solves; killed in the middle of layer 1
            line = child.awaitLine(l -> l.startsWith("autosaved") && Integer.parseInt(l.replaceAll(".*at (\\d+) steps.*", "$1")) >= 12,
                    Duration.ofSeconds(90));
            child.kill(); // SIGKILL: no shutdown hook, no clean close
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
