package starnet.math;

/** Breaks a rule on purpose (math → model); only {@code ArchitectureTest} imports it. */
public final class ArchitectureFixtureUsesModel {
    final starnet.model.LeakyRelu activation = new starnet.model.LeakyRelu(0.5);
}
