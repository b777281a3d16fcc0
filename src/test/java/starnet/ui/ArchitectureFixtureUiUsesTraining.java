package starnet.ui;

/** Breaks "the window uses only the session and the model" on purpose: ArchitectureTest checks that the rule catches it. */
public final class ArchitectureFixtureUiUsesTraining {
    boolean stopped(starnet.training.Cancellation c) { return c.isCancelled(); }
}
