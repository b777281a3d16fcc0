package starnet.session;

/** The kinds of long job a session runs in the background; each can be cancelled and shows its progress. */
public enum TaskKind {
    LOAD("Loading data"),
    PREPARE("Preparing the model"),
    TRAIN("Training"),
    SAVE("Saving"),
    OPEN("Opening a session"),
    EXPORT("Exporting"),
    EXPERIMENT("Experiment"),
    REFINE("Refinement"),
    SCORE("Scoring"),
    BASELINE("Baseline"),
    GENERATE("Generating"),
    INSPECT("Inspecting an item"),
    EXPLORE("Exploring"),
    SWEEP("Sweep");

    private final String label;

    TaskKind(String label) {
        this.label = label;
    }

    /** A short name for the task list and the status bar. */
    public String label() { return label; }
}
