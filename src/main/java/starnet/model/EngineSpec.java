package starnet.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Where and how a run trains — a run setting beside the configuration (the same model trains to the same numbers on
 * every engine; only float32 row stores round the values).
 *
 * @param kind       in memory, out of core or on Spark
 * @param store      out of core (and Spark reading files): the folder of the row stores; null = a temporary folder
 * @param precision  the row stores' values on disk
 * @param chunk      out of core: datapoints per chunk, ≥ 1
 * @param master     Spark: the master URL, e.g. local[2] or spark://host:7077; null = spark-submit's, else local[*]
 * @param partitions Spark: partitions of the datapoints; 0 = Spark's default parallelism
 * @param shifts     every image also shifted by up to 2 pixels, this many variants in all (1 = as they are; needs a store)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EngineSpec(EngineKind kind, String store, StoragePrecision precision, int chunk, String master, int partitions, int shifts) {
    /** Rows per chunk unless told otherwise: about 50 MB of doubles for 784-pixel images. */
    public static final int DEFAULT_CHUNK = 8192;
    /** The most variants per image (the original and 24 shifts of up to 2 pixels). */
    public static final int MAX_SHIFTS = 25;

    public EngineSpec {
        if (kind == null) kind = EngineKind.MEMORY;
        if (precision == null) precision = StoragePrecision.F32;
        if (chunk == 0) chunk = DEFAULT_CHUNK;
        if (chunk < 1) throw new IllegalArgumentException("chunk must be at least 1 datapoint, got " + chunk);
        if (partitions < 0) throw new IllegalArgumentException("partitions must be 0 (Spark's default) or more, got " + partitions);
        if (shifts == 0) shifts = 1;
        if (shifts < 1 || shifts > MAX_SHIFTS) throw new IllegalArgumentException("shifts must be 1 to " + MAX_SHIFTS + ", got " + shifts);
        if (store != null && store.isBlank()) store = null;
        if (master != null && master.isBlank()) master = null;
    }

    public static EngineSpec memory() { return new EngineSpec(EngineKind.MEMORY, null, null, 0, null, 0, 1); }

    /** Out of core in {@code store} (null = a temporary folder). */
    public static EngineSpec store(String store, StoragePrecision precision) { return new EngineSpec(EngineKind.STORE, store, precision, 0, null, 0, 1); }

    /** On Spark at {@code master} (null = spark-submit's, else every local core). */
    public static EngineSpec spark(String master, int partitions) { return new EngineSpec(EngineKind.SPARK, null, null, 0, master, partitions, 1); }

    public EngineSpec withKind(EngineKind k) { return new EngineSpec(k, store, precision, chunk, master, partitions, shifts); }

    /** The same setting on Spark's master {@code m} (the one a default resolved to once Spark started). */
    public EngineSpec withMaster(String m) { return new EngineSpec(kind, store, precision, chunk, m, partitions, shifts); }

    /** How a sentence says where the run trains, e.g. "out of core (f64)" or "on Spark (local[2])". */
    public String words() {
        return switch (kind) {
            case MEMORY -> kind.words();
            case STORE -> kind.words() + " (" + precision.id() + ")";
            case SPARK -> kind.words() + " (" + (master == null ? "default master" : master) + ")";
        };
    }
}
