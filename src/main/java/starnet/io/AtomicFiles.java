package starnet.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes a file through a temporary sibling and a move, so the target is either the old or the new file. */
public final class AtomicFiles {
    /** Writes the content to the stream it is given. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private AtomicFiles() {}

    /**
     * Writes {@code target} through a temporary sibling and a move. A symbolic link is written through (the file
     * it points to is replaced, the link stays); a target that exists and is not a regular file (a folder, a
     * device, a pipe) is refused. Temporary files a killed process of ours left beside the target are removed.
     */
    /** Deletes {@code p} and everything below it (symbolic links are removed, not followed); nothing when it is gone. */
    public static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) return;
        try (java.util.stream.Stream<Path> all = Files.walk(p)) {
            for (Path x : (Iterable<Path>) all.sorted(java.util.Comparator.reverseOrder())::iterator) Files.deleteIfExists(x);
        }
    }

    /** {@link #write} of {@code text} as UTF-8. */
    public static void writeText(Path target, String text) throws IOException {
        byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        write(target, out -> out.write(b));
    }

    public static void write(Path target, Writer writer) throws IOException {
        if (Files.isDirectory(target)) {
            throw new java.nio.file.FileSystemException(target.toString(), null, "is a folder; a file name was expected");
        }
        if (Files.exists(target) && !Files.isRegularFile(target)) { // a device or a pipe (/dev/stdout, a FIFO): written as a stream
            try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(target, java.nio.file.StandardOpenOption.WRITE), 1 << 16)) {
                writer.write(out);
            }
            return;
        }
        if (Files.isSymbolicLink(target) && Files.exists(target)) target = target.toRealPath();
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null) Files.createDirectories(dir);
        if (dir != null) removeStaleTemporaries(dir, target.getFileName().toString());
        // a unique sibling created like any new file (so it gets the usual permissions, unlike createTempFile's 0600)
        String name = helperName(target.getFileName().toString());
        Path tmp = dir == null ? Path.of("." + name + "." + System.nanoTime() + ".tmp")
                : dir.resolve("." + name + "." + ProcessHandle.current().pid() + "." + System.nanoTime() + ".tmp");
        try {
            try (OutputStream out = new java.io.BufferedOutputStream(openNew(tmp, target), 1 << 16)) {
                writer.write(out);
            } catch (IOException e) {
                throw named(target, e);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static OutputStream openNew(Path tmp, Path target) throws IOException {
        try {
            return Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW, java.nio.file.StandardOpenOption.WRITE);
        } catch (java.nio.file.FileSystemException e) {
            throw about(e, target);
        }
    }

    /**
     * The failure to create a helper file (a temporary copy, a staging folder) beside {@code target}, told about
     * {@code target}: the user named it, not the helper.
     */
    static java.nio.file.FileSystemException about(java.nio.file.FileSystemException e, Path target) {
        String where = target.toString();
        java.nio.file.FileSystemException out;
        if (e instanceof java.nio.file.AccessDeniedException) {
            out = new java.nio.file.AccessDeniedException(where, null, null);
        } else if (e instanceof java.nio.file.NoSuchFileException) {
            out = new java.nio.file.FileSystemException(where, null, "cannot be written: its folder does not accept new files");
        } else {
            out = new java.nio.file.FileSystemException(where, null, e.getReason() == null ? "cannot be written" : e.getReason());
        }
        out.initCause(e);
        return out;
    }

    /** A stream's failure (which names no file: "No space left on device") told about the file being written. */
    static IOException named(Path target, IOException e) {
        return starnet.model.IoMessages.diskFull(e) ? starnet.model.IoMessages.naming(target, e) : e;
    }

    /** The part of a target's name its temporary sibling carries: short enough that any legal name still fits the 255-byte limit. */
    private static String helperName(String name) {
        return name.length() <= 120 ? name : name.substring(0, 120);
    }

    /** Deletes {@code .NAME.PID.N.tmp} siblings whose process is gone (a kill left them). */
    static void removeStaleTemporaries(Path dir, String name) {
        String prefix = "." + helperName(name) + ".";
        try (var files = Files.newDirectoryStream(dir, prefix + "*.tmp")) {
            for (Path p : files) {
                String rest = p.getFileName().toString().substring(prefix.length());
                int dot = rest.indexOf('.');
                if (dot <= 0) continue;
                try {
                    long pid = Long.parseLong(rest.substring(0, dot));
                    if (pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) continue;
                    if (pid == ProcessHandle.current().pid()) continue;
                    Files.deleteIfExists(p);
                } catch (NumberFormatException | IOException e) {
                    // not one of ours, or already gone
                }
            }
        } catch (IOException e) {
            // an unreadable folder: the write itself will say so
        }
    }
}
