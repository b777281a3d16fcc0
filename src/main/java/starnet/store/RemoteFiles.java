package starnet.store;

import java.io.IOException;
import java.net.URI;
import java.util.ServiceLoader;

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

    /** Removes the file or folder at {@code uri} with everything in it; nothing when it is not there. */
    void deleteTree(URI uri) throws IOException;

    /** The names of what the folder at {@code uri} holds (empty when it is not there). */
    java.util.List<String> list(URI uri) throws IOException;

    /** What is done with the provider that reaches an address. */
    interface Use<T> {
        T with(RemoteFiles files, URI uri) throws IOException;
    }

    /**
     * {@code use} with the provider that reaches {@code location} (a {@code scheme://} address), to read it or, when
     * {@code writing}, to write it; a plain failure when it is not an address, no provider reaches it, or Hadoop is missing.
     */
    static <T> T reaching(String location, boolean writing, Use<T> use) throws IOException {
        URI uri;
        try {
            uri = new URI(location);
        } catch (java.net.URISyntaxException e) {
            throw new IOException(location + ": not a valid address (" + e.getReason() + ")", e);
        }
        try {
            for (RemoteFiles files : ServiceLoader.load(RemoteFiles.class, RemoteFiles.class.getClassLoader())) {
                if (files.reads(uri)) return use.with(files, uri);
            }
        } catch (java.util.ServiceConfigurationError | LinkageError e) { // the provider is there, Hadoop is not
            throw new IOException(location + ": " + uri.getScheme() + ":// files are " + (writing ? "written" : "read") + " through Hadoop, which comes "
                    + "with Spark: run bin/starnet-spark or spark-submit", e);
        }
        throw new IOException(location + ": no file system for " + uri.getScheme() + ":// here (Hadoop " + (writing ? "writes" : "reads")
                + " hdfs://, s3a:// with hadoop-aws, file://; run bin/starnet-spark or spark-submit)");
    }
}
