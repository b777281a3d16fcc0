package starnet.io;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A child process for {@link AtomicCommitTest}: writes generation {@code args[1]} of a run folder {@code args[0]} and
 * commits it with {@code args[2]} ms between the switch's steps, printing "committing" first, so that the test can
 * kill it at any moment of the switch.
 */
public final class CommitUntilKilled {
    private CommitUntilKilled() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        StagedFolder.pauseMillis = Long.parseLong(args[2]);
        try (StagedFolder f = StagedFolder.open(dir)) {
            AtomicCommitTest.writeGeneration(f::file, args[1]);
            System.out.println("committing");
            System.out.flush();
            f.commit();
        }
        System.out.println("committed");
    }
}
