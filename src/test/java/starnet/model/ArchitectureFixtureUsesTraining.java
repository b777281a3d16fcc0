package starnet.model;

/** Breaks a rule on purpose (model → training); only {@code ArchitectureTest} imports it. */
public final class ArchitectureFixtureUsesTraining {
    final starnet.training.Cancellation cancel = starnet.training.Cancellation.NEVER;
    starnet.training.ArchitectureFixtureUsesJavaFx twin;
}
