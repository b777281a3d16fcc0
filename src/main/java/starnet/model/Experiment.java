package starnet.model;

/** The paper's experiments the workbench reproduces. */
public enum Experiment {
    /** Fig. 6: StarNet's loss per epoch against an Adam autoencoder and PCA. */
    FIG6("fig6", "fig6-seconds.png"),
    /** Fig. 7: SL first against SW first. */
    FIG7("fig7", "fig7.png"),
    /** Fig. 8: SW on samples of the datapoints. */
    FIG8("fig8", "fig8.png"),
    /** End-to-end refinement after layer-wise training. */
    REFINE("refine", "refinement.png");

    private final String id, figure;

    Experiment(String id, String figure) {
        this.id = id;
        this.figure = figure;
    }

    public String id() { return id; }

    /** The main figure's file name. */
    public String figure() { return figure; }

    public static Experiment parse(String s) {
        for (Experiment e : values()) if (e.id.equalsIgnoreCase(s.trim())) return e;
        throw new IllegalArgumentException("unknown experiment '" + s + "': expected fig6, fig7, fig8 or refine");
    }
}
