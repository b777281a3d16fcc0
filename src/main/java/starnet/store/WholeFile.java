package starnet.store;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A file written front to back in one pass and put where it was named only once whole: {@link #commit} moves it
 * there (replacing what was there); {@link #close} without a commit removes what was written. On this machine or, through
 * a {@link RemoteFiles} provider, on a file system such as HDFS (files written in one pass, renamed into place).
 */
public interface WholeFile extends AutoCloseable {
    /** Where the bytes go until the commit. */
    OutputStream stream();

    /** Puts the file in place, whole. */
    void commit() throws IOException;

    /** Removes what was written unless it was committed. */
    @Override
    void close() throws IOException;

    /** A new file for {@code location}: a path on this machine, or a {@code scheme://} address a provider writes. */
    static WholeFile create(String location) throws IOException {
        if (!starnet.model.DataSpec.isAddress(location)) return local(Path.of(location));
        return RemoteFiles.reaching(location, true, RemoteFiles::create);
    }

    /** {@code file} on this machine, written beside it under a temporary name and moved into place. */
    static WholeFile local(Path file) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        // a new name of its own (not createTempFile's, which would keep the file from every other user, e.g. Spark's executors)
        Path tmp = dir.resolve("." + file.getFileName() + "." + ProcessHandle.current().pid() + "-" + System.nanoTime() + ".partial");
        OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp, java.nio.file.StandardOpenOption.CREATE_NEW,
                java.nio.file.StandardOpenOption.WRITE), 1 << 20);
        return new Staged(out) {
            @Override
            protected void moveIntoPlace() throws IOException {
                try {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (java.nio.file.AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }

            @Override
            protected void discard() throws IOException { Files.deleteIfExists(tmp); }
        };
    }

    /** A whole file written under a temporary name; its file system says how it goes into place, or away. */
    abstract class Staged implements WholeFile {
        private final OutputStream out;
        private boolean committed;

        protected Staged(OutputStream out) { this.out = out; }

        @Override public OutputStream stream() { return out; }

        @Override
        public void commit() throws IOException {
            closeStream();
            moveIntoPlace();
            committed = true;
        }

        @Override
        public void close() throws IOException {
            if (committed) return;
            try {
                closeStream();
            } finally {
                discard();
            }
        }

        /** Closes the stream (the last bytes reach the file system here). */
        protected void closeStream() throws IOException { out.close(); }

        /** Renames the written file to its name. */
        protected abstract void moveIntoPlace() throws IOException;

        /** Removes the written file. */
        protected abstract void discard() throws IOException;
    }
}
