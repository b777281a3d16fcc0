package starnet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import starnet.model.StarNetConfig;
import starnet.model.StoragePrecision;
import starnet.session.DataJobs;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code store}: a dataset's images written as one row store file, here or on a Hadoop file system. */
@Command(name = "store", sortOptions = false, mixinStandardHelpOptions = true, abbreviateSynopsis = true,
        description = "Writes a dataset's images as a row store file — here, or on HDFS or S3 (hdfs://…, s3a://…; run bin/starnet-spark) — "
                + "for Spark's executors to read in place: train --engine spark --data ADDRESS (file:///… for a file here).")
final class StoreCommand implements Callable<Integer> {
    @ParentCommand Cli cli;
    @Mixin DataOptions data;

    @Option(names = "--shifts", paramLabel = "K", defaultValue = "1",
            description = "each image also shifted by 1–2 pixels: K variants of each in all, the images themselves first (1–25)")
    int shifts;

    @Option(names = "--precision", paramLabel = "f32|f64", defaultValue = "f32", completionCandidates = Candidates.Precisions.class,
            description = "the values as float32 (half the size; each within 1 part in 10⁷ of its float64 value) or float64")
    String precision;

    @Option(names = "--out", paramLabel = "FILE|ADDRESS", required = true,
            description = "where the store goes: a file, or an address such as hdfs://host:9000/data/images.store (written whole, then put in place)")
    String out;

    @Override
    public Integer call() throws IOException {
        StoragePrecision p;
        try {
            p = StoragePrecision.parse(precision);
        } catch (IllegalArgumentException e) {
            throw new CliException("--precision expects f32 or f64, got '" + precision + "'");
        }
        if (out.isBlank()) throw new CliException("--out needs a value, not an empty one, e.g. --out runs/images.store");
        TerminalBar bar = TerminalBar.of(cli.err);
        DataJobs.StoreWritten w;
        try {
            w = DataJobs.writeStore(data.apply(StarNetConfig.defaults().data()), shifts, p, out, bar);
        } finally {
            bar.finish();
        }
        // Spark reads a store in place by its address: a file here is named by its file:// URI (a plain path is read as a dataset)
        String address = starnet.model.DataSpec.isAddress(w.location()) ? w.location() : java.nio.file.Path.of(w.location()).toAbsolutePath().toUri().toString();
        cli.out.printf(Locale.ROOT, "wrote %,d rows × %d values (%s, %.1f MB) to %s; train on them where they lie: bin/starnet-spark train --engine spark --data %s%n",
                w.rows(), w.cols(), w.precision().id(), w.bytes() / 1e6, w.location(), address);
        return 0;
    }
}
