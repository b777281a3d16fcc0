package starnet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import starnet.model.EngineKind;
import starnet.model.EngineSpec;
import starnet.model.StarNetConfig;
import starnet.model.StoragePrecision;
import starnet.session.RunRequest;
import starnet.session.RunResult;
import starnet.session.Runs;

import java.io.IOException;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code train}: the options as values, then one session operation ({@link Runs#train}) that trains every layer on the
 * chosen engine and writes the run folder.
 */
@Command(name = "train", sortOptions = false, mixinStandardHelpOptions = true, abbreviateSynopsis = true, description = "Trains every layer, last first, and writes the run's files into --out DIR: "
        + "metrics.jsonl, model.starnet, session.starnet (opens in the window), reconstructions.png with its .csv, config.json. "
        + "The same model trains in memory, out of core (--store) or on Apache Spark (--engine spark) to the same numbers.")
final class TrainCommand implements Callable<Integer> {
    @ParentCommand Cli cli;
    @Spec CommandSpec spec;
    @Mixin DataOptions data;
    @Mixin ModelOptions model;
    @Mixin RuntimeOptions runtime;

    @Option(names = "--out", paramLabel = "DIR", description = "the output folder (written whole at the end; required unless --resume)")
    String out;

    @Option(names = "--resume", paramLabel = "DIR", description = "continue the run into DIR whose process stopped (killed, a power loss), "
            + "from the last image it kept, on the engine it trained on; no other option is needed")
    String resume;

    @Option(names = "--baselines", description = "also train the Adam autoencoder and fit PCA at the code width, kept in session.starnet for fig6")
    boolean baselines;

    @Option(names = "--engine", paramLabel = "memory|store|spark", defaultValue = "memory", completionCandidates = Candidates.Engines.class,
            description = "where to train: in memory, out of core (row stores on disk; chosen by itself when the data would not fit the heap), "
                    + "or on Apache Spark (from bin/starnet-spark or spark-submit)")
    String engine;

    @Option(names = "--master", paramLabel = "URL", description = "Spark: the master, e.g. local[2] or spark://host:7077 (default: spark-submit's, else local[*])")
    String master;

    @Option(names = "--conf", paramLabel = "KEY=VALUE", description = "Spark: a setting for the context, e.g. spark.executor.memory=2g (repeatable; "
            + "wins over the workbench's defaults)")
    java.util.List<String> conf = new java.util.ArrayList<>();

    @Option(names = "--partitions", paramLabel = "P", defaultValue = "0", description = "Spark: partitions of the datapoints (0 = Spark's default parallelism, or more for data over 128 MiB a core as float64)")
    int partitions;

    @Option(names = "--checkpoint-dir", paramLabel = "DIR|ADDRESS", description = "Spark: where the executors write the latents that a stopped run "
            + "continues from — a folder every node sees, or an address such as hdfs://host/dir (default: beside --out, which suits one machine "
            + "or a shared folder)")
    String checkpointDir;

    @Option(names = "--store", paramLabel = "DIR", description = "out of core in DIR: the images and every layer's latents in row stores there, read chunk by chunk; "
            + "with --engine spark the executors read the images from DIR, which may also be an address such as hdfs://host/dir")
    String store;

    @Option(names = "--precision", paramLabel = "f32|f64", defaultValue = "f32", completionCandidates = Candidates.Precisions.class,
            description = "row stores: the values on disk as float32 (half the disk and I/O) or float64 (exactly the in-memory engine's)")
    String precision;

    @Option(names = "--shifts", paramLabel = "K", defaultValue = "1", description = "row stores: every image also shifted by up to 2 pixels, "
            + "K variants in all (1–25; 17 turns Fashion-MNIST's 60,000 images into 1,020,000)")
    int shifts;

    @Option(names = "--chunk", paramLabel = "ROWS", defaultValue = "8192", description = "out of core: datapoints per chunk read at a time")
    int chunk;

    /** --checkpoint-dir as given: an address, or a folder named absolutely (executors do not share this process's working folder); null when not given. */
    private String checkpointDir() {
        if (checkpointDir == null) return null;
        if (starnet.model.DataSpec.isAddress(checkpointDir)) return checkpointDir;
        java.nio.file.Path dir = Cli.outputPath("--checkpoint-dir", checkpointDir).toAbsolutePath();
        try {
            java.nio.file.Files.createDirectories(dir);
        } catch (IOException e) {
            throw new CliException("--checkpoint-dir: cannot make the folder " + dir + " (" + starnet.model.IoMessages.describe(e, dir) + ")");
        }
        if (!java.nio.file.Files.isWritable(dir)) throw new CliException("--checkpoint-dir: the folder " + dir + " cannot be written to");
        return dir.toString();
    }

    @Override
    public Integer call() throws IOException {
        RunResult r;
        if (resume != null) {
            for (var o : spec.options()) {
                if (given(o.longestName()) && !java.util.Set.of("--resume", "--backend", "--threads").contains(o.longestName())) {
                    throw new CliException("--resume continues the run as it was started; leave out " + o.longestName());
                }
            }
            r = Runs.resume(Cli.outputPath("--resume", resume), runtime.compute(), Runs.printingTo(cli.err));
        } else {
            if (out == null) throw new CliException("missing --out DIR (the folder to write the run into), or --resume DIR to continue a stopped run; "
                    + "see 'java -jar starnet.jar help train'");
            StarNetConfig config = model.config(data);
            RunRequest request = new RunRequest(config, engineSpec(), Cli.outputPath("--out", out), baselines, checkpointDir());
            Runs.Progress progress = TerminalProgress.of(cli.err, config.architecture().depth() * config.training().maxEpochs() * 2);
            try {
                r = Runs.train(request, runtime.compute(), progress);
            } finally {
                if (progress instanceof TerminalProgress t) t.finish();
            }
        }
        cli.out.printf(Locale.ROOT, "trained %d layers %s in %.2f s (%,d datapoints); reconstruction MSE %.6f; wrote %s%s%n", r.layers(), r.engine(), r.seconds(),
                r.datapoints(), r.outputMse(), r.folder(), r.session() ? "" : " (no session.starnet: the data was read from a file)");
        return 0;
    }

    private boolean given(String option) { return Given.given(spec, option); }

    /** The run setting the options name; an option of an engine that is not used is refused, not ignored. */
    private EngineSpec engineSpec() {
        EngineKind kind;
        try {
            kind = EngineKind.parse(engine);
        } catch (IllegalArgumentException e) {
            throw new CliException("--engine expects memory, store or spark, got '" + engine + "'");
        }
        if (store != null && kind == EngineKind.MEMORY) kind = EngineKind.STORE;
        if (kind != EngineKind.SPARK) {
            for (String o : new String[] {"--master", "--partitions", "--conf", "--checkpoint-dir"}) if (given(o)) throw new CliException(o + " applies to --engine spark only");
        }
        boolean stores = kind == EngineKind.STORE || store != null || shifts != 1;
        if (!stores) {
            for (String o : new String[] {"--precision", "--chunk", "--shifts"}) {
                if (given(o)) throw new CliException(o + " applies to row stores only: train with --store DIR (or --engine store)");
            }
        }
        if (kind == EngineKind.SPARK && given("--chunk")) throw new CliException("--chunk applies to the out-of-core engine; on Spark use --partitions");
        StoragePrecision p;
        try {
            p = StoragePrecision.parse(precision);
        } catch (IllegalArgumentException e) {
            throw new CliException("--precision: " + e.getMessage());
        }
        if (chunk < 1) throw new CliException("--chunk expects at least 1 row, got " + chunk);
        if (partitions < 0) throw new CliException("--partitions must be 0 (Spark's default) or more, got " + partitions);
        if (shifts < 1 || shifts > EngineSpec.MAX_SHIFTS) throw new CliException("--shifts expects 1 to " + EngineSpec.MAX_SHIFTS + ", got " + shifts);
        for (String c : conf) { // Spark reads spark.* system properties into the context's configuration
            int eq = c.indexOf('=');
            if (eq <= 0 || !c.startsWith("spark.")) throw new CliException("--conf expects KEY=VALUE with a Spark key (spark.…), got '" + c + "'");
            System.setProperty(c.substring(0, eq), c.substring(eq + 1));
        }
        String dir = store == null ? null : starnet.model.DataSpec.isAddress(store) ? store : Cli.outputPath("--store", store).toString();
        return new EngineSpec(kind, dir, p, chunk, master, partitions, shifts);
    }
}
