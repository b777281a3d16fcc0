package starnet.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a CSV file keeps its class label: found by header name (else the first column), first, last, or none at all. */
public enum LabelColumn {
    AUTO("auto"), FIRST("first"), LAST("last"), NONE("none");

    private final String id;
    LabelColumn(String id) { this.id = id; }

    @JsonValue public String id() { return id; }

    @JsonCreator public static LabelColumn parse(String s) {
        for (LabelColumn c : values()) if (c.id.equalsIgnoreCase(s.trim())) return c;
        throw new IllegalArgumentException("unknown label column '" + s + "': expected auto, first, last or none");
    }
}
