package starnet.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * Where a trained model came from, recorded in its model and session files: the application, the data (source,
 * split, how many items and their content hash), the engine, the linear-algebra backend that actually solved (every
 * executor's, on Spark) and the precision of what was stored and measured.
 *
 * @param appVersion  the workbench's version
 * @param dataSource  the data's source, as configured
 * @param split       the split read
 * @param datapoints  N, the rows trained on (shifted copies included)
 * @param dataSha256  SHA-256 of the float64 values trained on, or "" when the rows were read from a file and not hashed
 * @param engine      where it trained
 * @param engineWords the engine in words (its store, chunk or master)
 * @param backends    each distinct backend that solved (the driver's first; on Spark, then every executor's)
 * @param precision   what was stored and measured in which precision, in words
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Provenance(String appVersion, String dataSource, Split split, long datapoints, String dataSha256, EngineKind engine, String engineWords,
                         List<String> backends, String precision) {
    public Provenance {
        backends = backends == null ? List.of() : List.copyOf(backends);
    }

    /** The record as lines of "name: value", for the command line and the window's file information. */
    public List<String> lines() {
        return List.of("Trained with StarNet Workbench " + appVersion,
                "Data: " + dataSource + " (" + split.id() + "), " + String.format("%,d", datapoints) + " datapoints"
                        + (dataSha256.isEmpty() ? "; content not hashed (read from a file)" : ", SHA-256 " + dataSha256.substring(0, Math.min(16, dataSha256.length())) + "…"),
                "Engine: " + engineWords,
                "Backend: " + String.join("; ", backends),
                "Precision: " + precision);
    }
}
