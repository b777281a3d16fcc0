package starnet.cli;

/** Breaks "the command line uses only the session and the model" on purpose: ArchitectureTest checks that the rule catches it. */
public final class ArchitectureFixtureCliUsesIo {
    Object mapper() { return starnet.io.Json.MAPPER; }
}
