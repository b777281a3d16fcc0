package starnet.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which part of a source that has both (the samples, MNIST-style folders) to read. */
public enum Split {
    TRAIN("train"), TEST("test");

    private final String id;
    Split(String id) { this.id = id; }

    @JsonValue public String id() { return id; }

    @Override public String toString() { return id; }

    @JsonCreator public static Split parse(String s) {
        for (Split x : values()) if (x.id.equalsIgnoreCase(s.trim())) return x;
        throw new IllegalArgumentException("split must be train or test, got '" + s + "'");
    }
}
