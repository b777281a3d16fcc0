package starnet.spark;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkEnv;
import org.apache.spark.deploy.SparkHadoopUtil;
import starnet.store.ReadableAt;
import starnet.store.RemoteFiles;
import starnet.store.WholeFile;

import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;

/**
 * Files on any file system Hadoop reaches ({@code hdfs://}, {@code s3a://} with hadoop-aws on the class path,
 * {@code file://}), read by position and written front to back through Hadoop's {@code FileSystem}; found by {@link java.util.ServiceLoader}.
 * Under Spark the configuration is Spark's (its {@code spark.hadoop.*} settings and the cluster's site files), so
 * the driver and every executor reach the same files the same way.
 */
public final class HadoopFiles implements RemoteFiles {
    static { // Hadoop starts its logging on first use, which may come before Spark's (data read where it lies)
        SparkLogging.quiet();
    }

    @Override
    public boolean reads(URI uri) {
        try {
            FileSystem.getFileSystemClass(uri.getScheme(), configuration());
            return true;
        } catch (IOException | RuntimeException e) { // "No FileSystem for scheme"
            return false;
        }
    }

    @Override
    public ReadableAt open(URI uri) throws IOException {
        Path path = new Path(uri);
        String name = uri.toString();
        long size;
        FSDataInputStream in;
        try {
            FileSystem fs = path.getFileSystem(configuration());
            size = fs.getFileStatus(path).getLen();
            in = fs.open(path);
        } catch (IOException e) {
            throw new IOException(name + ": " + plain(e, uri), e);
        }
        return new ReadableAt() {
            private byte[] bytes = new byte[0];

            @Override public String name() { return name; }

            @Override public long size() { return size; }

            @Override
            public void readFully(ByteBuffer into, long position) throws IOException {
                int n = into.remaining();
                if (position + n > size) throw new java.io.EOFException(name + ": ends at byte " + size + ", before byte " + (position + n));
                if (into.hasArray()) {
                    in.readFully(position, into.array(), into.arrayOffset() + into.position(), n);
                } else {
                    if (bytes.length < n) bytes = new byte[n];
                    in.readFully(position, bytes, 0, n);
                    into.put(into.position(), bytes, 0, n);
                }
                into.position(into.position() + n);
            }

            @Override public void close() throws IOException { in.close(); }
        };
    }

    /** Written under a hidden name beside {@code uri} ({@code .NAME.partial}), renamed into place by the commit. */
    @Override
    public WholeFile create(URI uri) throws IOException {
        Path path = new Path(uri);
        Path partial = new Path(path.getParent(), "." + path.getName() + ".partial");
        String name = uri.toString();
        FileSystem fs;
        FSDataOutputStream raw;
        try {
            fs = path.getFileSystem(configuration());
            raw = fs.create(partial, true);
        } catch (IOException e) {
            throw new IOException(name + ": " + plain(e, uri), e);
        }
        java.io.OutputStream out = new java.io.BufferedOutputStream(raw, 1 << 20);
        return new WholeFile.Staged(out) {
            @Override
            protected void closeStream() throws IOException {
                try {
                    super.closeStream();
                } catch (IOException e) {
                    throw new IOException(name + ": " + plain(e, uri), e);
                }
            }

            @Override
            protected void moveIntoPlace() throws IOException {
                try {
                    if (fs.exists(path) && !fs.delete(path, false)) throw new IOException("the file there could not be replaced");
                    if (!fs.rename(partial, path)) throw new IOException("the written file could not be renamed into place");
                } catch (IOException e) {
                    throw new IOException(name + ": " + plain(e, uri), e);
                }
            }

            @Override
            protected void discard() throws IOException { fs.delete(partial, false); }
        };
    }

    @Override
    public void deleteTree(URI uri) throws IOException {
        Path path = new Path(uri);
        try {
            path.getFileSystem(configuration()).delete(path, true);
        } catch (IOException e) {
            throw new IOException(uri + ": " + plain(e, uri), e);
        }
    }

    @Override
    public java.util.List<String> list(URI uri) throws IOException {
        Path path = new Path(uri);
        try {
            FileSystem fs = path.getFileSystem(configuration());
            if (!fs.exists(path)) return java.util.List.of();
            return java.util.Arrays.stream(fs.listStatus(path)).map(f -> f.getPath().getName()).toList();
        } catch (IOException e) {
            throw new IOException(uri + ": " + plain(e, uri), e);
        }
    }

    /** What went wrong reaching {@code uri}, in words (Hadoop's messages name classes and wiki pages). */
    static String plain(IOException e, URI uri) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.FileNotFoundException) return "no such file";
            if (t instanceof java.net.ConnectException || String.valueOf(t.getMessage()).contains("Connection refused")) {
                return "nothing answers at " + uri.getAuthority() + " (connection refused: is the file system's server running there?)";
            }
            if (t instanceof java.net.UnknownHostException) return "unknown host " + uri.getHost();
            if (t instanceof org.apache.hadoop.security.AccessControlException) return "permission denied";
        }
        String m = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        m = m.replaceAll("For more details see:.*", "").replaceAll("\\b(?:[a-z]+\\.)+[A-Z]\\w*(?:Exception|Error)\\b:? ?", "").trim();
        return m.isEmpty() ? "cannot be read" : m;
    }

    /** Spark's Hadoop configuration where Spark runs in this JVM, else Hadoop's own (its site files on the class path). */
    private static Configuration configuration() {
        SparkEnv env = SparkEnv.get();
        return env == null ? new Configuration() : SparkHadoopUtil.get().newConfiguration(env.conf());
    }
}
