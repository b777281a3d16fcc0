package starnet.model;

/** What a sweep's chart plots against the first swept setting. */
public enum SweepChart {
    /** Final output MSE of training and held-out items, with the PCA bound. */
    MSE("output MSE", "sweep.png"),
    /** Seconds of training. */
    SECONDS("training seconds", "sweep-seconds.png"),
    /** The largest condition estimate of any solve. */
    CONDITION("worst condition", "sweep-condition.png");

    private final String label, file;

    SweepChart(String label, String file) {
        this.label = label;
        this.file = file;
    }

    public String label() { return label; }

    /** The file name the sweep writes this chart to. */
    public String file() { return file; }

    @Override public String toString() { return label; }
}
