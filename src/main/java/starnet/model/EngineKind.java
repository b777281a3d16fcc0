package starnet.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a run's datapoints live while it trains. */
public enum EngineKind {
    /** Matrices in this process's heap. */
    MEMORY("memory", "in memory"),
    /** Row stores on disk, read chunk by chunk (more data than the heap holds). */
    STORE("store", "out of core"),
    /** Partitions on Apache Spark: local threads or a cluster. */
    SPARK("spark", "on Spark");

    private final String id, words;

    EngineKind(String id, String words) {
        this.id = id;
        this.words = words;
    }

    @JsonValue public String id() { return id; }

    /** How a sentence says it: "in memory", "out of core", "on Spark". */
    public String words() { return words; }

    @JsonCreator public static EngineKind parse(String s) {
        String t = s.trim();
        if (t.equalsIgnoreCase("local")) return MEMORY; // the command line's older name for this machine
        for (EngineKind k : values()) if (k.id.equalsIgnoreCase(t)) return k;
        throw new IllegalArgumentException("engine must be memory, store or spark, got '" + s + "'");
    }
}
