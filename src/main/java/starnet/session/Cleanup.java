package starnet.session;

import java.io.IOException;
import java.nio.file.Path;

/** Removing what the session made for a while (temporary stores): a failure is logged, never in the way of the work. */
final class Cleanup {
    private Cleanup() {}

    /** Deletes {@code dir} and everything in it; what cannot be deleted is logged and left. */
    static void deleteTree(Path dir) {
        try {
            starnet.io.AtomicFiles.deleteTree(dir);
        } catch (IOException e) {
            AppLog.error("removing the temporary folder " + dir, e);
        }
    }
}
