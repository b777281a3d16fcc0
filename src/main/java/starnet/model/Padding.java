package starnet.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Convolution padding: SAME keeps the grid (pad (k−1)/2); FULL pads k−1 so every latent's k×k footprint is inside the output (paper Lemma 7). */
public enum Padding {
    SAME("same"), FULL("full");

    private final String id;
    Padding(String id) { this.id = id; }

    @JsonValue public String id() { return id; }

    @JsonCreator public static Padding parse(String s) {
        for (Padding p : values()) if (p.id.equalsIgnoreCase(s.trim())) return p;
        throw new IllegalArgumentException("unknown padding '" + s + "': expected same or full");
    }
}
