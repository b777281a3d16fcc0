package starnet.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which half of an epoch comes first: solve latents (SL) or solve weights (SW, paper Fig. 7). */
public enum SolveOrder {
    SL_FIRST("sl-first"), SW_FIRST("sw-first");

    private final String id;
    SolveOrder(String id) { this.id = id; }

    @JsonValue public String id() { return id; }

    @JsonCreator public static SolveOrder parse(String s) {
        for (SolveOrder k : values()) if (k.id.equalsIgnoreCase(s.trim())) return k;
        throw new IllegalArgumentException("unknown order '" + s + "': expected sl-first or sw-first");
    }
}
