package starnet.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Which data to train on.
 *
 * @param source a path (file or folder) or a built-in sample name such as {@code sample:mnist}
 * @param split  "train" or "test" (for sources that have both)
 * @param limit  use at most this many items (the first ones); 0 = all
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DataSpec(String source, String split, int limit) {
    public DataSpec {
        if (source == null || source.isBlank()) throw new IllegalArgumentException("a data source is required, e.g. sample:mnist or a file path");
        if (split == null) split = "train";
        if (!split.equals("train") && !split.equals("test")) throw new IllegalArgumentException("split must be train or test, got '" + split + "'");
        if (limit < 0) throw new IllegalArgumentException("limit must be ≥ 0, got " + limit);
    }

    public static DataSpec defaults() { return new DataSpec("sample:mnist", "train", 0); }
}
