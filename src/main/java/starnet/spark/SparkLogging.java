package starnet.spark;

/**
 * The workbench's settings for the logging Spark and Hadoop share (log4j 2): warnings and errors, one line each
 * ({@code starnet-spark-log4j2.properties}). They take effect where that logging starts, so whichever comes first —
 * a Spark context, or Hadoop reading data where it lies — asks for them; a user's own configuration file wins.
 */
public final class SparkLogging {
    private SparkLogging() {}

    /** Asks for the workbench's logging settings unless the user named a configuration file. */
    public static void quiet() {
        if (System.getProperty("log4j2.configurationFile") == null) System.setProperty("log4j2.configurationFile", "starnet-spark-log4j2.properties");
    }
}
