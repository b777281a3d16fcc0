package starnet.model;

/** How a row store keeps its values on disk (the out-of-core engine's latents and images). */
public enum StoragePrecision {
    /** 4 bytes a value: half the disk and I/O; values rounded to about 7 significant digits. */
    F32("f32", 4),
    /** 8 bytes a value: exactly what the in-memory engine holds. */
    F64("f64", 8);

    private final String id;
    private final int bytes;

    StoragePrecision(String id, int bytes) {
        this.id = id;
        this.bytes = bytes;
    }

    @com.fasterxml.jackson.annotation.JsonValue public String id() { return id; }

    public int bytes() { return bytes; }

    @com.fasterxml.jackson.annotation.JsonCreator
    public static StoragePrecision parse(String s) {
        for (StoragePrecision p : values()) if (p.id.equalsIgnoreCase(s.trim())) return p;
        throw new IllegalArgumentException("unknown precision '" + s + "': expected f32 or f64");
    }
}
