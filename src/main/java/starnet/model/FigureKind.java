package starnet.model;

/** The figures a saved session can be drawn as. */
public enum FigureKind {
    FIG2("fig2", "Reconstructions after each layer (paper Fig. 2)"),
    FIG4("fig4", "Progress strip of the last layer (paper Fig. 4)"),
    FIG6("fig6", "Loss per epoch, with autoencoder and PCA (paper Fig. 6)"),
    GRID("grid", "Reconstruction grid with error heat map"),
    LOSS("loss", "Layer fit per step");

    private final String id, title;

    FigureKind(String id, String title) {
        this.id = id;
        this.title = title;
    }

    /** "fig2", …: the CLI's name and the default file name. */
    public String id() { return id; }

    /** The menu's words. */
    public String title() { return title; }

    public static FigureKind parse(String s) {
        for (FigureKind k : values()) if (k.id.equalsIgnoreCase(s.trim())) return k;
        throw new IllegalArgumentException("unknown figure '" + s + "': expected fig2, fig4, fig6, grid or loss");
    }

    /** Whether it is a plot (which takes a size); image grids take the size their tiles need. */
    public boolean isPlot() { return this == FIG6 || this == LOSS; }
}
