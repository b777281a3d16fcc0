package starnet.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** A decoder's kind: dense layers, or conv-unpool layers (paper §3.2). */
public enum ArchitectureKind {
    FEEDFORWARD("feedforward", "feedforward (dense)"), CONV("conv", "convolutional (conv-unpool)");

    private final String id, words;

    ArchitectureKind(String id, String words) {
        this.id = id;
        this.words = words;
    }

    @JsonValue public String id() { return id; }

    /** "feedforward (dense)", "convolutional (conv-unpool)". */
    public String words() { return words; }

    @JsonCreator public static ArchitectureKind parse(String s) {
        for (ArchitectureKind k : values()) if (k.id.equalsIgnoreCase(s.trim())) return k;
        throw new IllegalArgumentException("architecture must be feedforward or conv, got '" + s + "'");
    }
}
