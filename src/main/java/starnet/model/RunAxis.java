package starnet.model;

/** What a comparison chart's x axis counts. */
public enum RunAxis {
    STEP("step (solves so far)", "by step"), SECONDS("seconds of solving", "by seconds");

    private final String label, shortName;

    RunAxis(String label, String shortName) {
        this.label = label;
        this.shortName = shortName;
    }

    public String label() { return label; }

    @Override public String toString() { return shortName; }
}
