package starnet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import starnet.model.RunRecord;
import starnet.session.Comparisons;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code compare A.starnet B.starnet …}: loss curves overlaid, configuration differences, reconstructions of the same items. */
@Command(name = "compare", sortOptions = false, mixinStandardHelpOptions = true, abbreviateSynopsis = true,
        description = "Compares saved sessions: writes compare.png (their loss curves on one chart, with its CSV), differences.csv "
                + "(the settings that differ) and reconstructions.png (each run's reconstruction of the first session's pinned items) into --out DIR.")
final class CompareCommand implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Parameters(arity = "2..*", paramLabel = "SESSION", description = "two or more .starnet session files (e.g. from train --out)")
    List<String> sessions;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the output folder")
    String out;

    @Option(names = "--by", paramLabel = "step|seconds", defaultValue = "step", description = "the x axis: solves so far, or seconds of solving")
    String by;

    @Option(names = "--metric", paramLabel = "output|layer", defaultValue = "output", description = "output MSE (decoded images) or each layer's own MSE")
    String metric;

    @picocli.CommandLine.Mixin RuntimeOptions runtime;

    @Override
    public Integer call() throws IOException {
        PrintStream o = cli.out;
        starnet.model.RunAxis x = switch (by) {
            case "step" -> starnet.model.RunAxis.STEP;
            case "seconds" -> starnet.model.RunAxis.SECONDS;
            default -> throw new CliException("--by expects step or seconds, got '" + by + "'");
        };
        starnet.model.RunMetric m = switch (metric) {
            case "output" -> starnet.model.RunMetric.OUTPUT_MSE;
            case "layer" -> starnet.model.RunMetric.LAYER_MSE;
            default -> throw new CliException("--metric expects output or layer, got '" + metric + "'");
        };
        Path dir = Cli.outputPath("--out", this.out);
        var written = Comparisons.writeFolder(sessions.stream().map(Path::of).toList(), dir, m, x, runtime.compute());
        List<RunRecord> runs = written.runs();
        List<starnet.model.RunDifference> diffs = written.differences();
        for (RunRecord r : runs) o.printf("%s: %d solves, final output MSE %.5f, %.1f s of solving%n", r.name(), r.steps().size(), r.finalOutputMse(), r.totalSeconds());
        if (diffs.isEmpty()) o.println("the configurations are the same");
        for (starnet.model.RunDifference d : diffs) o.println(d.setting() + ": " + String.join(" | ", d.values()));
        o.printf("wrote %s (with compare.csv), %s and %s%n", dir.resolve("compare.png"), dir.resolve("differences.csv"), dir.resolve("reconstructions.png"));
        return 0;
    }
}
