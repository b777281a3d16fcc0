package starnet.session;

import java.io.IOException;
import java.nio.file.Path;

/** Removing what the session made for a while (temporary stores): a failure is logged, never in the way of the work. */
final class Cleanup {
    private static final java.util.Set<Path> TEMPORARY = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private static final java.util.concurrent.atomic.AtomicBoolean HOOKED = new java.util.concurrent.atomic.AtomicBoolean();

    private Cleanup() {}

    /** Deletes {@code dir} when the process ends, unless {@link #deleteTree} did it before. */
    static Path temporary(Path dir) {
        TEMPORARY.add(dir);
        if (HOOKED.compareAndSet(false, true)) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> TEMPORARY.forEach(Cleanup::deleteTree), "remove temporary stores"));
        }
        return dir;
    }

    /** Deletes {@code dir} and everything in it; what cannot be deleted is logged and left. */
    static void deleteTree(Path dir) {
        TEMPORARY.remove(dir);
        try {
            starnet.io.AtomicFiles.deleteTree(dir);
        } catch (IOException e) {
            AppLog.error("removing the temporary folder " + dir, e);
        }
    }
}
