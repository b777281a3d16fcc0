package starnet.store;

import java.io.IOException;
import java.net.URI;

/**
 * Reads and writes files on file systems other than this machine's, found by {@link java.util.ServiceLoader}: the Spark layer
 * provides one through Hadoop's {@code FileSystem} where Hadoop is on the class path.
 */
public interface RemoteFiles {
    /** Whether this provider reaches {@code uri}'s scheme (to read and write). */
    boolean reads(URI uri);

    /** The file at {@code uri}, for reading by position. */
    ReadableAt open(URI uri) throws IOException;

    /** A new file at {@code uri} (replacing one there once committed), written front to back. */
    WholeFile create(URI uri) throws IOException;
}
