package starnet.session;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import starnet.model.Dataset;
import starnet.model.EngineSpec;
import starnet.model.StarNetConfig;
import starnet.spark.SparkEngine;

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
    static SparkEngine engine(EngineSpec spec, StarNetConfig config, Dataset dataset, int datapoints, Streamed streamed, int[] inputWidths) {
        JavaSparkContext sc = context(spec.master());
        int parts = spec.partitions() > 0 ? spec.partitions() : sc.defaultParallelism();
        if (streamed != null) {
            return SparkEngine.reading(sc, streamed.file().toAbsolutePath().toString(), streamed.divisor(), (int) streamed.rows(), dataset.pixels(), parts,
                    config.training().latentPath(), inputWidths);
        }
        return SparkEngine.of(sc, RunEngines.rows(dataset, datapoints), parts, config.training().latentPath(), inputWidths);
    }

    /** The process's Spark context, started for {@code master} on first use. */
    static synchronized JavaSparkContext context(String master) {
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
        if (System.getProperty("log4j2.configurationFile") == null) { // Spark's INFO lines would bury the progress; a user's own file wins
            System.setProperty("log4j2.configurationFile", "starnet-spark-log4j2.properties");
        }
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
        context = new JavaSparkContext(conf);
        context.setLogLevel("WARN");
        contextMaster = context.master();
        Runtime.getRuntime().addShutdownHook(new Thread(SparkRuns::stop, "stop Spark"));
        return context;
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

    /** Stops the process's Spark context, if one runs. */
    static synchronized void stop() {
        if (context != null) {
            context.stop();
            context = null;
            contextMaster = null;
        }
    }
}
