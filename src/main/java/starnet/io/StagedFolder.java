package starnet.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.LinkOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An output folder written as a whole (a training run's outputs, an exported model). A run writes into a staging
 * folder beside it; a finished run switches the folder at once: the old folder is renamed aside, the staging folder
 * renamed into its place, files that were not the old run's (a user's notes) are carried over, and the old folder is
 * deleted. A journal beside the folder names the three while the switch is under way, so a kill at any moment leaves
 * either the previous run or the new one — never a mix — and the next {@link #open} in that parent finishes or undoes
 * the switch. Helper names are short and fixed in length, so any legal folder name can be used.
 */
public final class StagedFolder implements AutoCloseable {
    public static final String COMPLETE = ".complete";
    /** The names of the run's own files (the rest of a folder is the user's and is carried over by the next run). */
    public static final String RUN_FILES = ".run-files";
    private static final String STAGING = ".starnet-staging-", OLD = ".starnet-old-", JOURNAL = ".starnet-commit-";
    /** In a staging folder: the folder it is for. */
    private static final String TARGET = ".target";
    /** In a staging folder: a run that can be continued; kept after its process is gone, until a new run of its folder or 30 days. */
    public static final String RESUMABLE = "resume.starnet";
    private static final java.util.concurrent.atomic.AtomicLong SERIAL = new java.util.concurrent.atomic.AtomicLong();
    /** A pause between the switch's steps (tests slow the commit down to kill it in between); 0 in use. */
    static volatile long pauseMillis;
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
        if (parent == null) throw new java.nio.file.FileSystemException(dir.toString(), null, "is the root folder; name a folder to write the outputs in");
        Files.createDirectories(parent);
        recover(parent, abs);
        Path staging;
        try {
            staging = Files.createDirectory(parent.resolve(STAGING + tag()));
        } catch (java.nio.file.FileSystemException e) {
            throw AtomicFiles.about(e, dir);
        }
        Files.writeString(staging.resolve(TARGET), abs.toString(), StandardCharsets.UTF_8);
        return new StagedFolder(abs, staging);
    }

    /**
     * The staging folder an interrupted run into {@code dir} left (its process gone) holding {@code marker} — the newest,
     * when there are several — taken over by this process; empty when there is none.
     */
    public static java.util.Optional<StagedFolder> interrupted(Path dir, String marker) throws IOException {
        Path abs = dir.toAbsolutePath().normalize(), parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) return java.util.Optional.empty();
        Path newest = null;
        try (DirectoryStream<Path> found = Files.newDirectoryStream(parent, STAGING + "*")) {
            for (Path p : found) {
                if (!gone(p.getFileName().toString().substring(STAGING.length())) || !abs.equals(targetOf(p)) || !Files.isRegularFile(p.resolve(marker))) continue;
                if (newest == null || Files.getLastModifiedTime(p.resolve(marker)).compareTo(Files.getLastModifiedTime(newest.resolve(marker))) > 0) newest = p;
            }
        }
        if (newest == null) return java.util.Optional.empty();
        Path mine = parent.resolve(STAGING + tag());
        Files.move(newest, mine, StandardCopyOption.ATOMIC_MOVE); // now this process's: no other run or clean-up takes it
        return java.util.Optional.of(new StagedFolder(abs, mine));
    }

    /** The process still writing a run into {@code dir}, if one is. */
    public static java.util.Optional<Long> runningInto(Path dir) throws IOException {
        Path abs = dir.toAbsolutePath().normalize(), parent = abs.getParent();
        if (parent == null || !Files.isDirectory(parent)) return java.util.Optional.empty();
        try (DirectoryStream<Path> found = Files.newDirectoryStream(parent, STAGING + "*")) {
            for (Path p : found) {
                String tag = p.getFileName().toString().substring(STAGING.length());
                if (pidOf(tag) >= 0 && !gone(tag) && abs.equals(targetOf(p))) return java.util.Optional.of(pidOf(tag));
            }
        }
        return java.util.Optional.empty();
    }

    /** The folder a staging folder is for, or null when it does not say. */
    private static Path targetOf(Path staging) {
        try {
            return Path.of(Files.readString(staging.resolve(TARGET), StandardCharsets.UTF_8).trim());
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The staging folder: where the run's files are while it goes on (its finished steps' metrics among them). */
    public Path staging() { return staging; }

    /** The folder the run is for. */
    public Path target() { return dir; }

    /** "PID-N": this process and a serial number. */
    private static String tag() {
        return ProcessHandle.current().pid() + "-" + SERIAL.incrementAndGet();
    }

    /** A failure to write a staged file, told about the file the user named ("OUT/session.starnet", not the staging folder's). */
    public IOException aboutTarget(java.nio.file.FileSystemException e) {
        if (e.getFile() == null || !e.getFile().startsWith(staging.toString())) return e;
        java.nio.file.FileSystemException told = new java.nio.file.FileSystemException(dir + e.getFile().substring(staging.toString().length()),
                e.getOtherFile(), e.getReason());
        told.initCause(e);
        return told;
    }

    /** Where to write output {@code name} during the run. */
    public Path file(String name) {
        return staging.resolve(name);
    }

    /** The run finished: the folder switches to its files at once, and {@code .complete} is among them. */
    public void commit() throws IOException {
        Files.deleteIfExists(staging.resolve(TARGET));
        List<String> ours = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
            for (Path f : files) ours.add(f.getFileName().toString());
        }
        ours.add(COMPLETE);
        ours.add(RUN_FILES);
        Files.write(staging.resolve(RUN_FILES), ours, StandardCharsets.UTF_8);
        Files.writeString(staging.resolve(COMPLETE), "finished " + Instant.now() + "\n", StandardCharsets.UTF_8);
        Path parent = dir.getParent();
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            committed = true;
            return;
        }
        Path old = parent.resolve(OLD + tag());
        Path journal = parent.resolve(JOURNAL + old.getFileName().toString().substring(OLD.length()));
        AtomicFiles.writeText(journal, dir.getFileName() + "\n" + staging.getFileName() + "\n" + old.getFileName() + "\n");
        try {
            Files.move(dir, old, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) { // a folder that cannot be renamed (a mount point, a busy folder): file by file, as well as it can be
            Files.deleteIfExists(journal);
            commitInPlace();
            return;
        }
        pause();
        Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        pause();
        finish(dir, old);
        Files.deleteIfExists(journal);
    }

    private static void pause() {
        if (pauseMillis <= 0) return;
        try {
            Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The new run is in {@code dir}: files of {@code old} that were not the old run's move over, then {@code old} goes. */
    private static void finish(Path dir, Path old) throws IOException {
        java.util.Set<String> oldRun = new java.util.HashSet<>(List.of(COMPLETE, RUN_FILES));
        Path list = old.resolve(RUN_FILES);
        if (Files.isRegularFile(list)) oldRun.addAll(Files.readAllLines(list, StandardCharsets.UTF_8));
        try (DirectoryStream<Path> files = Files.newDirectoryStream(old)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (oldRun.contains(name) || Files.exists(dir.resolve(name), LinkOption.NOFOLLOW_LINKS)) continue;
                Files.move(f, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
                pause();
            }
        }
        AtomicFiles.deleteTree(old);
    }

    /** Where the folder cannot be renamed: the old run's files go, the new ones move in, {@code .complete} last. */
    private void commitInPlace() throws IOException {
        Files.deleteIfExists(dir.resolve(COMPLETE));
        Path list = dir.resolve(RUN_FILES);
        if (Files.isRegularFile(list)) {
            for (String name : Files.readAllLines(list, StandardCharsets.UTF_8)) {
                if (!name.isEmpty() && !name.contains("/") && !Files.exists(staging.resolve(name))) AtomicFiles.deleteTree(dir.resolve(name));
            }
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(staging)) {
            for (Path f : files) {
                if (f.getFileName().toString().equals(COMPLETE)) continue;
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
        Files.move(staging.resolve(COMPLETE), dir.resolve(COMPLETE), StandardCopyOption.REPLACE_EXISTING);
        committed = true;
        AtomicFiles.deleteTree(staging);
    }

    @Override
    public void close() throws IOException {
        if (!committed && !Files.isRegularFile(staging.resolve(RESUMABLE))) AtomicFiles.deleteTree(staging); // a run that can be continued stays
    }

    /** Whether the process a helper's "PID-N" tag names is gone. */
    private static boolean gone(String tag) {
        long pid = pidOf(tag);
        return pid >= 0 && pid != ProcessHandle.current().pid() && !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The process a helper's "PID-N" tag names, or −1 when the tag is not one of ours. */
    private static long pidOf(String tag) {
        int dash = tag.indexOf('-');
        try {
            return Long.parseLong(dash < 0 ? tag : tag.substring(0, dash));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * Finishes or undoes the switches that processes now gone left under way in {@code parent}, and removes their staging
     * folders. A switch whose new folder is in place is finished (the user's files carried over, the old run deleted);
     * one whose new folder was not yet renamed is undone (the old run put back).
     */
    static void recover(Path parent) {
        recover(parent, null);
    }

    /** {@link #recover(Path)}, as a new run into {@code opening} starts: an interrupted run of that folder is replaced by it. */
    static void recover(Path parent, Path opening) {
        try (DirectoryStream<Path> found = Files.newDirectoryStream(parent, JOURNAL + "*")) {
            for (Path journal : found) {
                if (!gone(journal.getFileName().toString().substring(JOURNAL.length()))) continue;
                List<String> names = Files.readAllLines(journal, StandardCharsets.UTF_8);
                if (names.size() < 3) {
                    Files.deleteIfExists(journal);
                    continue;
                }
                Path dir = parent.resolve(names.get(0)), staging = parent.resolve(names.get(1)), old = parent.resolve(names.get(2));
                if (Files.exists(staging)) { // the new run never took the folder's place
                    if (Files.exists(old) && !Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) Files.move(old, dir, StandardCopyOption.ATOMIC_MOVE);
                    AtomicFiles.deleteTree(staging);
                } else if (Files.exists(old)) {
                    if (Files.exists(dir)) finish(dir, old);
                    else Files.move(old, dir, StandardCopyOption.ATOMIC_MOVE);
                }
                Files.deleteIfExists(journal);
            }
        } catch (IOException e) {
            // an unreadable folder: creating the staging folder will say so
        }
        for (String prefix : new String[] {STAGING, OLD}) {
            try (DirectoryStream<Path> found = Files.newDirectoryStream(parent, prefix + "*")) {
                for (Path p : found) {
                    String t = p.getFileName().toString().substring(prefix.length());
                    if (!gone(t) || Files.exists(parent.resolve(JOURNAL + t))) continue;
                    if (prefix.equals(STAGING) && Files.isRegularFile(p.resolve(RESUMABLE))
                            && (opening == null || !opening.equals(targetOf(p)))
                            && Files.getLastModifiedTime(p.resolve(RESUMABLE)).toInstant().isAfter(Instant.now().minus(java.time.Duration.ofDays(30)))) {
                        continue; // an interrupted run that train --resume can continue
                    }
                    AtomicFiles.deleteTree(p);
                }
            } catch (IOException e) {
                // likewise
            }
        }
    }
}
