package starnet.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;

/**
 * An output folder written as a whole (a training run's outputs, an exported model): a run writes into a staging folder beside it, and only a finished run
 * moves its files in (each by an atomic replace) and then writes {@code .complete}. A crash, a kill or a full
 * disk before that leaves the folder as the previous run left it; staging folders of processes that are gone
 * are removed by the next run.
 */
public final class StagedFolder implements AutoCloseable {
    public static final String COMPLETE = ".complete";
    private final Path dir;
    private final Path staging;
    private boolean committed;

    private StagedFolder(Path dir, Path staging) {
        this.dir = dir;
        this.staging = staging;
    }

    /** Prepares a run into {@code dir} (created at the end if it does not exist). */
    public static StagedFolder open(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        if (Files.exists(abs) && !Files.isDirectory(abs)) {
            throw new java.nio.file.FileSystemException(dir.toString(), null, "exists and is not a folder; a folder was expected here");
        }
        Path parent = abs.getParent();
        Files.createDirectories(parent);
        removeStale(parent, abs.getFileName().toString());
        Path staging;
        try {
            staging = Files.createDirectory(parent.resolve("." + abs.getFileName() + ".staging-" + ProcessHandle.current().pid() + "-" + System.nanoTime()));
        } catch (java.nio.file.FileSystemException e) {
            throw AtomicFiles.about(e, dir);
        }
        return new StagedFolder(abs, staging);
    }

    /** Where to write output {@code name} during the run. */
    public Path file(String name) {
        return staging.resolve(name);
    }

    /** The run finished: its files replace the folder's, then {@code .complete} says so. */
    public void commit() throws IOException {
        Files.createDirectories(dir);
        Files.deleteIfExists(dir.resolve(COMPLETE));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
            for (Path f : files) {
                Path to = dir.resolve(f.getFileName().toString());
                if (Files.isDirectory(f)) {
                    AtomicFiles.deleteTree(to);
                    Files.move(f, to);
                    continue;
                }
                try {
                    Files.move(f, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(f, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        byte[] marker = ("finished " + Instant.now() + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(dir.resolve(COMPLETE), o -> o.write(marker));
        committed = true;
        AtomicFiles.deleteTree(staging);
    }

    @Override
    public void close() throws IOException {
        if (!committed) AtomicFiles.deleteTree(staging);
    }

    /** Removes staging folders for {@code name} whose process is gone. */
    private static void removeStale(Path parent, String name) {
        String prefix = "." + name + ".staging-";
        try (DirectoryStream<Path> found = Files.newDirectoryStream(parent, prefix + "*")) {
            for (Path p : found) {
                String rest = p.getFileName().toString().substring(prefix.length());
                int dash = rest.indexOf('-');
                try {
                    long pid = Long.parseLong(dash < 0 ? rest : rest.substring(0, dash));
                    if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) AtomicFiles.deleteTree(p);
                } catch (NumberFormatException | IOException e) {
                    // not ours, or already gone
                }
            }
        } catch (IOException e) {
            // an unreadable folder: creating the staging folder will say so
        }
    }

}
