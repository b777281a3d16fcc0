package starnet.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How SL runs on a conv-unpool layer: its explicit operator when it fits (auto), always the operator (dense), or matrix-free conjugate gradients (cg). */
public enum LatentPath {
    AUTO("auto"), DENSE("dense"), CG("cg");

    private final String id;
    LatentPath(String id) { this.id = id; }

    @JsonValue public String id() { return id; }

    @JsonCreator public static LatentPath parse(String s) {
        for (LatentPath p : values()) if (p.id.equalsIgnoreCase(s.trim())) return p;
        throw new IllegalArgumentException("latent path must be auto, dense or cg, got '" + s + "'");
    }

    /** Whether SL on {@code conv} runs matrix-free on this path. */
    public boolean matrixFree(ConvUnpoolLayer conv) {
        return this == CG || (this == AUTO && !conv.denseFits());
    }
}
