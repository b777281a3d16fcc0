package starnet.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which linear-algebra library solves: OpenBLAS when it loads (auto), OpenBLAS or nothing, or the pure-Java EJML. */
public enum BackendChoice {
    AUTO("auto"), OPENBLAS("openblas"), EJML("ejml");

    private final String id;
    BackendChoice(String id) { this.id = id; }

    @JsonValue public String id() { return id; }

    @JsonCreator public static BackendChoice parse(String s) {
        for (BackendChoice b : values()) if (b.id.equalsIgnoreCase(s.trim())) return b;
        throw new IllegalArgumentException("backend must be auto, openblas or ejml, got '" + s + "'");
    }
}
