package starnet.cli;

import picocli.CommandLine.Model.CommandSpec;

/** Whether an option was typed on the command line (a given option overrides --config; one left out keeps it). */
final class Given {
    private Given() {}

    static boolean given(CommandSpec spec, String option) {
        return spec.commandLine() != null && spec.commandLine().getParseResult() != null
                && spec.commandLine().getParseResult().hasMatchedOption(option);
    }
}
