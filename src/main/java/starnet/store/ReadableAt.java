package starnet.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A file read by position where it lies: on this machine, or on a file system that a {@link RemoteFiles} provider
 * reaches ({@code hdfs://}, {@code s3a://}, … through Hadoop, where Spark brings it). Not thread-safe.
 */
public interface ReadableAt extends Closeable {
    /** The file as the user named it (for messages). */
    String name();

    /** Its length in bytes. */
    long size() throws IOException;

    /** Fills {@code into} (its remaining bytes) from byte {@code position} on; fails when the file ends first. */
    void readFully(ByteBuffer into, long position) throws IOException;

    /** The file at {@code location}: a path on this machine, or a {@code scheme://} address a provider reads. */
    static ReadableAt open(String location) throws IOException {
        if (!starnet.model.DataSpec.isAddress(location)) return local(Path.of(location));
        return RemoteFiles.reaching(location, false, RemoteFiles::open);
    }

    /** {@code file} on this machine. */
    static ReadableAt local(Path file) throws IOException {
        return of(FileChannel.open(file, StandardOpenOption.READ), file.toString());
    }

    /** Reads through {@code channel} (closed with the result), named {@code name}. */
    static ReadableAt of(FileChannel channel, String name) {
        return new ReadableAt() {
            @Override public String name() { return name; }

            @Override public long size() throws IOException { return channel.size(); }

            @Override
            public void readFully(ByteBuffer into, long position) throws IOException {
                long at = position - into.position();
                while (into.hasRemaining()) {
                    if (channel.read(into, at + into.position()) < 0) throw new java.io.EOFException(name + ": ends at byte " + (at + into.position()));
                }
            }

            @Override public void close() throws IOException { channel.close(); }
        };
    }
}
