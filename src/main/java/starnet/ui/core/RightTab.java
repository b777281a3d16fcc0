package starnet.ui.core;

/** The tabs on the window's right-hand side, each with the id its tab carries. */
public enum RightTab {
    LOSS("tab-loss"),
    NOW_SOLVING("tab-now-solving"),
    GENERATE("tab-generate"),
    EXPLORE("tab-explore");

    private final String id;

    RightTab(String id) {
        this.id = id;
    }

    /** The tab's node id. */
    public String id() { return id; }
}
