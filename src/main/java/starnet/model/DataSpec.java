package starnet.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Which data to train on.
 *
 * @param source a path (file or folder) or a built-in sample name such as {@code sample:mnist}
 * @param split  which part of a source that has both
 * @param limit  use at most this many items (the first ones); 0 = all
 * @param csv    how a CSV source's columns become images (ignored for other sources)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DataSpec(String source, Split split, int limit, CsvLayout csv) {
    public DataSpec {
        if (csv == null) csv = CsvLayout.defaults();
        if (source == null || source.isBlank()) throw new IllegalArgumentException("a data source is required, e.g. sample:mnist or a file path");
        if (split == null) split = Split.TRAIN;
        if (limit < 0) throw new IllegalArgumentException("limit must be ≥ 0, got " + limit);
    }

    public DataSpec(String source, Split split, int limit) { this(source, split, limit, CsvLayout.defaults()); }

    private static final java.util.regex.Pattern ADDRESS = java.util.regex.Pattern.compile("^[A-Za-z][A-Za-z0-9+.-]*://.*");

    /** Whether {@code location} is an address on another file system ({@code hdfs://…}, {@code s3a://…}, {@code file://…}), not a path here. */
    public static boolean isAddress(String location) {
        return ADDRESS.matcher(location).matches();
    }

    public static DataSpec defaults() { return new DataSpec("sample:mnist", starnet.model.Split.TRAIN, 0); }

    /** The same data from another source, keeping split, limit and CSV layout. */
    public DataSpec withSource(String s) { return new DataSpec(s, split, limit, csv); }

    public DataSpec withCsv(CsvLayout c) { return new DataSpec(source, split, limit, c); }

    public DataSpec withLimit(int n) { return new DataSpec(source, split, n, csv); }

    /** True when {@code other} reads other values: another source, split or CSV layout (the limit aside). */
    public boolean readsOtherValuesThan(DataSpec other) {
        return !source.equals(other.source) || !split.equals(other.split) || !csv.equals(other.csv);
    }
}
