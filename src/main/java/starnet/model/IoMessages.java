package starnet.model;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/** An I/O failure in plain words: which file and why (the exception's own message often names only the path). */
public final class IoMessages {
    private IoMessages() {}

    /**
     * {@link #describe(IOException)} for a message that names {@code file} already ("Could not open F: …"): the
     * reason without F repeated in front of it.
     */
    public static String describe(IOException e, Object file) {
        String why = describe(e);
        for (String name : new String[] {String.valueOf(file), file instanceof java.nio.file.Path p ? String.valueOf(p.toAbsolutePath()) : null}) {
            if (name != null && why.startsWith(name + ": ")) return why.substring(name.length() + 2);
        }
        return why;
    }

    public static String describe(IOException e) {
        if (e instanceof NoSuchFileException f) return f.getFile() + ": no such file or folder" + other(f);
        if (e instanceof AccessDeniedException f) return f.getFile() + ": permission denied" + other(f);
        if (e instanceof FileAlreadyExistsException f) return f.getFile() + ": already exists" + other(f);
        if (e instanceof DirectoryNotEmptyException f) return f.getFile() + ": is a folder that is not empty";
        if (e instanceof NotDirectoryException f) return f.getFile() + ": is not a folder";
        if (e instanceof FileSystemException f) {
            String why = f.getReason() == null ? "cannot be used" : f.getReason().contains("No space left") ? f.getReason() + " (the disk is full)" : f.getReason();
            return (f.getFile() == null ? "" : f.getFile() + ": ") + why + other(f);
        }
        String m = e.getMessage();
        if (e instanceof java.io.EOFException || (m != null && m.contains("Unexpected end of ZLIB input stream"))) {
            return "the file ends too early: it is truncated, or its compressed data is damaged";
        }
        if (e instanceof java.util.zip.ZipException) return "its compressed data is damaged" + (m == null ? "" : " (" + m.toLowerCase(java.util.Locale.ROOT) + ")");
        if (m == null || m.isBlank()) return "an input/output error (details in the log)";
        return m.contains("No space left") ? m + " (the disk is full)" : m;
    }

    private static String other(FileSystemException f) {
        return f.getOtherFile() == null ? "" : " (with " + f.getOtherFile() + ")";
    }

    /**
     * {@code e} as a failure that names {@code file} (a file system exception with {@code e} as its cause), so the
     * plain message says which file; {@code e} itself when it names a file already.
     */
    public static IOException naming(java.nio.file.Path file, IOException e) {
        if (e instanceof java.nio.file.FileSystemException) return e;
        java.nio.file.FileSystemException n = new java.nio.file.FileSystemException(file.toString(), null, e.getMessage());
        n.initCause(e);
        return n;
    }

    /** Whether {@code e} says the disk is full. */
    public static boolean diskFull(IOException e) {
        return e.getMessage() != null && e.getMessage().contains("No space left");
    }
}
