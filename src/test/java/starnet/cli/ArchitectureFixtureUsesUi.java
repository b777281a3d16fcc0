package starnet.cli;

/** Breaks a rule on purpose (cli → ui); only {@code ArchitectureTest} imports it. */
public final class ArchitectureFixtureUsesUi {
    void check() {
        starnet.ui.core.FxThread.check();
    }
}
