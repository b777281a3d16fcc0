package starnet.data;

import starnet.model.Split;

import starnet.model.DataException;
import starnet.model.SampleCatalog;

import starnet.model.Dataset;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The datasets that ship with the application ({@code samples/} in the repository, copied into the
 * jar): {@code sample:mnist} and {@code sample:fashion-mnist}.
 */
public final class Samples {
    public static final String PREFIX = SampleCatalog.PREFIX;
    public static final List<String> DIGITS = SampleCatalog.DIGITS;
    public static final List<String> FASHION = SampleCatalog.FASHION;
    public static final List<SampleCatalog.Sample> ALL = SampleCatalog.ALL;

    private Samples() {}

    public static boolean isSample(String source) { return source.startsWith(PREFIX); }

    public static SampleCatalog.Sample find(String source) {
        String id = source.substring(PREFIX.length()).toLowerCase(Locale.ROOT);
        for (SampleCatalog.Sample s : ALL) if (s.id().equals(id)) return s;
        throw new DataException("unknown sample '" + source + "': expected one of sample:mnist, sample:fashion-mnist");
    }

    /** Loads a bundled sample from the class path (or, in a development checkout, from ./samples). */
    public static Dataset load(String source, Split split, int limit) {
        SampleCatalog.Sample s = find(source);
        String prefix = split == Split.TEST ? "t10k" : "train";
        String images = "samples/" + s.id() + "/" + prefix + "-images-idx3-ubyte.gz";
        String labels = "samples/" + s.id() + "/" + prefix + "-labels-idx1-ubyte.gz";
        try (InputStream in = open(images); InputStream lin = open(labels)) {
            var m = IdxLoader.readImages(in, images, limit);
            int[] l = IdxLoader.readLabels(lin, labels, m.pixels().rows(), limit);
            return Dataset.ofBytes(s.title() + " (sample, " + split + ")", s.source(), 1, m.rows(), m.cols(), m.pixels(), l, s.classNames());
        } catch (IOException e) {
            throw new DataException("the bundled sample " + source + " cannot be read (" + e.getMessage() + ")", e);
        }
    }

    private static InputStream open(String resource) throws IOException {
        InputStream in = Samples.class.getClassLoader().getResourceAsStream(resource);
        if (in != null) return in;
        Path p = Path.of(resource);
        if (Files.isRegularFile(p)) return Files.newInputStream(p);
        throw new IOException(resource + " is missing from the application");
    }
}
