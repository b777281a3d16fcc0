package starnet.model;

/** Which loss a comparison chart shows. */
public enum RunMetric {
    OUTPUT_MSE("output MSE (images decoded from the current layer)", "output MSE"),
    LAYER_MSE("layer MSE (each layer against its own targets)", "layer MSE");

    private final String label, shortName;

    RunMetric(String label, String shortName) {
        this.label = label;
        this.shortName = shortName;
    }

    public String label() { return label; }

    @Override public String toString() { return shortName; }
}
