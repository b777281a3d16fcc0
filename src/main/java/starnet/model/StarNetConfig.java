package starnet.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The one configuration tree shared by the UI, the CLI and saved sessions; serialised as JSON with
 * {@code "format": 1}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StarNetConfig(int format, DataSpec data, ArchitectureConfig architecture, TrainingConfig training) {
    public static final int FORMAT = 1;

    public StarNetConfig {
        if (format > FORMAT) {
            throw new IllegalArgumentException("this configuration was written by a newer StarNet (format " + format
                    + "); this version reads format " + FORMAT + " and older");
        }
        if (format < 1) format = FORMAT;
        if (data == null) data = DataSpec.defaults();
        if (architecture == null) architecture = ArchitectureConfig.defaults();
        if (training == null) training = TrainingConfig.defaults();
    }

    public static StarNetConfig defaults() {
        return new StarNetConfig(FORMAT, DataSpec.defaults(), ArchitectureConfig.defaults(), TrainingConfig.defaults());
    }

    public StarNetConfig withData(DataSpec d) { return new StarNetConfig(format, d, architecture, training); }
    public StarNetConfig withArchitecture(ArchitectureConfig a) { return new StarNetConfig(format, data, a, training); }
    public StarNetConfig withTraining(TrainingConfig t) { return new StarNetConfig(format, data, architecture, t); }
}
