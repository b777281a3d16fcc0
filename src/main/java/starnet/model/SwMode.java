package starnet.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How SW combines row sets: one system over all of them (exact), or each set solved alone and the solutions averaged (paper Lemma 8). */
public enum SwMode {
    EXACT("exact"), AVERAGE("average");

    private final String id;
    SwMode(String id) { this.id = id; }

    @JsonValue public String id() { return id; }

    @JsonCreator public static SwMode parse(String s) {
        for (SwMode m : values()) if (m.id.equalsIgnoreCase(s.trim())) return m;
        throw new IllegalArgumentException("SW mode must be exact or average, got '" + s + "'");
    }
}
