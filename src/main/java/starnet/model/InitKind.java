package starnet.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Weight initialisation: Gaussian N(0, 1/d_in), or orthogonal (Q of a Gaussian's QR, scaled likewise). */
public enum InitKind {
    GAUSSIAN("gaussian"), ORTHOGONAL("orthogonal");

    private final String id;
    InitKind(String id) { this.id = id; }

    @JsonValue public String id() { return id; }

    @JsonCreator public static InitKind parse(String s) {
        for (InitKind k : values()) if (k.id.equalsIgnoreCase(s.trim())) return k;
        throw new IllegalArgumentException("unknown init '" + s + "': expected gaussian or orthogonal");
    }
}
