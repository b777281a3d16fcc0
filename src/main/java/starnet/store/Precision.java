package starnet.store;

/** How a row store keeps its values on disk. */
public enum Precision {
    /** 4 bytes a value: half the disk and I/O; values rounded to about 7 significant digits. */
    F32("f32", 4),
    /** 8 bytes a value: exactly what the in-memory engine holds. */
    F64("f64", 8);

    private final String id;
    private final int bytes;

    Precision(String id, int bytes) {
        this.id = id;
        this.bytes = bytes;
    }

    public String id() { return id; }

    public int bytes() { return bytes; }

    public static Precision parse(String s) {
        for (Precision p : values()) if (p.id.equalsIgnoreCase(s.trim())) return p;
        throw new IllegalArgumentException("unknown precision '" + s + "': expected f32 or f64");
    }
}
