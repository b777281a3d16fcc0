package starnet.session;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import starnet.model.Dataset;
import starnet.model.EngineSpec;
import starnet.model.StarNetConfig;
import starnet.spark.SparkEngine;

import java.nio.file.Path;

/**
 * Spark for the session: one context per process (Spark allows one), started on the first Spark run with the run
 * setting's master and stopped when the process ends. The only class of the session layer that names Spark's types,
 * loaded only when a run asks for Spark.
 */
final class SparkRuns {
    private static JavaSparkContext context;
    private static String contextMaster;

    private SparkRuns() {}

    /** Whether Spark's classes are on the class path (spark-submit, bin/starnet-spark). */
    static boolean available() {
        try {
            Class.forName("org.apache.spark.SparkConf", false, SparkRuns.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** The Spark engine of {@code spec} over the work's data. */
    static SparkEngine engine(EngineSpec spec, StarNetConfig config, Dataset dataset, int datapoints, Streamed streamed, int[] inputWidths,
                              starnet.math.LinearAlgebra la) {
        JavaSparkContext sc = context(spec.master());
        String backend = la.id().equals("ejml") ? "ejml" : "auto"; // --backend ejml reaches the executors; else OpenBLAS where it loads
        long rows = streamed != null ? streamed.rows() : datapoints;
        int parts = spec.partitions() > 0 ? spec.partitions() : partitions(rows, dataset.pixels(), sc.defaultParallelism());
        if (streamed != null) {
            return SparkEngine.reading(sc, streamed.file(), streamed.divisor(), (int) streamed.rows(), dataset.pixels(), parts,
                    config.training().latentPath(), inputWidths, backend);
        }
        return SparkEngine.of(sc, RunEngines.rows(dataset, datapoints), parts, config.training().latentPath(), inputWidths, backend);
    }

    /** Images per partition, at most, when --partitions is not given: 128 MiB of float64 values, which an executor holds with their latents. */
    static final long PARTITION_BYTES = 128L << 20;

    /**
     * Partitions for {@code rows} images of {@code pixels} values when none were asked for: Spark's default parallelism, or
     * where the data would make partitions larger than {@link #PARTITION_BYTES}, the next multiple of it that does not (so
     * that every core gets as many).
     */
    static int partitions(long rows, int pixels, int parallelism) {
        int p = Math.max(1, parallelism);
        long bySize = (rows * pixels * 8 + PARTITION_BYTES - 1) / PARTITION_BYTES;
        return (int) Math.min(100_000, Math.max(1, (bySize + p - 1) / p) * p);
    }

    /** The process's Spark context, started for {@code master} on first use. */
    static synchronized JavaSparkContext context(String master) {
        if (context != null && context.sc().isStopped()) context = null; // stopped from elsewhere (spark-submit's shutdown, a test): start anew
        if (context != null) {
            if (master != null && !master.equals(contextMaster)) {
                throw new UserError("Spark is already running on " + contextMaster + " in this process; restart to use " + master + ".");
            }
            return context;
        }
        if (!available()) {
            throw new UserError("Training on Spark needs Apache Spark 4 on the class path: run bin/starnet-spark from the build, "
                    + "or spark-submit --class starnet.Launcher starnet.jar on a cluster.");
        }
        starnet.spark.SparkLogging.quiet(); // Spark's INFO lines would bury the progress
        SparkConf conf = new SparkConf().setAppName("StarNet Workbench"); // spark.* system properties (--conf, spark-submit) come first
        if (master != null) conf.setMaster(master);
        else if (!conf.contains("spark.master")) conf.setMaster("local[*]");
        boolean local = conf.get("spark.master").startsWith("local");
        if (!conf.contains("spark.ui.enabled")) conf.set("spark.ui.enabled", String.valueOf(!local)); // a cluster's jobs are watched in its UI
        if (!local && !conf.contains("spark.jars")) {
            String jar = ownJar();
            if (jar == null) {
                throw new UserError("Training on the cluster " + conf.get("spark.master") + " needs starnet.jar on its executors: run from the built jar "
                        + "(bin/starnet-spark), or pass --conf spark.jars=PATH/starnet.jar.");
            }
            conf.set("spark.jars", jar); // the executors load the engine's classes from it
        }
        try {
            context = new JavaSparkContext(conf);
        } catch (RuntimeException e) { // a setting Spark refuses (too little driver memory, a master it cannot reach): its first line says which
            AppLog.error("starting Spark", e);
            String first = String.valueOf(e.getMessage()).lines().findFirst().orElse("").replaceAll("^\\[[A-Z_]+\\] ", "");
            throw new UserError("Spark could not start on " + conf.get("spark.master") + ": " + first
                    + (first.contains("memory") ? " (give the driver more with JAVA_OPTS=-Xmx1g, or --conf spark.driver.memory=1g under spark-submit)" : ""));
        }
        context.setLogLevel("WARN");
        contextMaster = context.master();
        Runtime.getRuntime().addShutdownHook(new Thread(SparkRuns::stop, "stop Spark"));
        return context;
    }

    /**
     * A Spark failure in plain words with what to do, or null when {@code e} is not one Spark reports. {@code out}: the
     * run's folder, {@code resumable}: whether the run kept an image to continue from.
     */
    static String explain(Throwable e, Path out, boolean resumable) {
        Throwable spark = null;
        StringBuilder all = new StringBuilder();
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (spark == null && c.getClass().getName().startsWith("org.apache.spark")) spark = c;
            all.append(c.getMessage()).append('\n');
        }
        if (spark == null) return null;
        String text = all.toString(), first = String.valueOf(spark.getMessage()).lines().findFirst().orElse("");
        java.util.regex.Matcher host = java.util.regex.Pattern.compile("\\(TID \\d+\\) \\(([^ )]+) executor").matcher(text);
        String on = host.find() ? " on " + host.group(1) : "";
        String then = resumable ? " The finished steps are kept; continue the run with: train --resume " + out : "";
        if (text.contains("spark.rpc.message.maxSize") || text.contains("Serialized task")) {
            return "A Spark task is larger than the cluster's message limit (spark.rpc.message.maxSize): train with more --partitions, or with "
                    + "--store DIR so that each executor reads its own rows." + then;
        }
        java.util.regex.Matcher missing = java.util.regex.Pattern.compile("(?:NoSuchFileException|FileNotFoundException): ([^\\s(]+)").matcher(text);
        if (missing.find() && missing.group(1).contains(".latents/")) {
            return "An executor" + on + " cannot read " + missing.group(1) + ", the latents the run continues from: they must be in a folder every node "
                    + "sees (--checkpoint-dir, e.g. an hdfs:// address), and not removed while the run is stopped.";
        }
        if (missing.find(0)) {
            return "An executor" + on + " cannot read " + missing.group(1) + ": the store must be on a file system every node sees, at the same path."
                    + then;
        }
        if (text.contains("OutOfMemoryError") || text.contains("exited with code 52")) {
            return "An executor" + on + " ran out of memory: train with more --partitions (smaller pieces of the data each), or give the executors "
                    + "more memory (--conf spark.executor.memory=4g)." + then;
        }
        if (text.contains("All masters are unresponsive") || text.contains("Failed to connect to master")) {
            return "Could not reach the Spark master " + contextMaster + ": check --master and that the cluster is up.";
        }
        if (text.contains("aborted due to stage failure") || (text.contains("failed") && text.contains("times"))) {
            String reason = first.replaceAll(".*(?:most recent failure|Lost task)[^:]*: ", "").replaceAll("\\s+at .*", "");
            return "Spark gave up on a step after its retries" + on + " (" + (reason.length() > 160 ? reason.substring(0, 160) + "…" : reason) + ")."
                    + then;
        }
        return null;
    }

    /** The jar this class was loaded from, or null when it runs from class folders (a development build). */
    static String ownJar() {
        try {
            java.security.CodeSource source = SparkRuns.class.getProtectionDomain().getCodeSource();
            if (source == null) return null;
            java.nio.file.Path p = java.nio.file.Path.of(source.getLocation().toURI());
            return java.nio.file.Files.isRegularFile(p) && p.toString().endsWith(".jar") ? p.toAbsolutePath().toString() : null;
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return null;
        }
    }

    /** The master the process's Spark context runs on, or null when none runs. */
    static synchronized String master() { return contextMaster; }

    /** Stops the process's Spark context, if one runs. */
    static synchronized void stop() {
        if (context != null) {
            context.stop();
            context = null;
            contextMaster = null;
        }
    }
}
