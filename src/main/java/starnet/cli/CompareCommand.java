package starnet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import starnet.explore.RunComparison;
import starnet.explore.RunRecord;
import starnet.figures.FigureFormat;
import starnet.figures.FigureWriter;
import starnet.figures.GridFigure;
import starnet.io.AtomicFiles;
import starnet.io.SessionFile;
import starnet.math.Matrix;
import starnet.training.Cancellation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
        RunComparison.XAxis x = switch (by) {
            case "step" -> RunComparison.XAxis.STEP;
            case "seconds" -> RunComparison.XAxis.SECONDS;
            default -> throw new CliException("--by expects step or seconds, got '" + by + "'");
        };
        RunComparison.Metric m = switch (metric) {
            case "output" -> RunComparison.Metric.OUTPUT_MSE;
            case "layer" -> RunComparison.Metric.LAYER_MSE;
            default -> throw new CliException("--metric expects output or layer, got '" + metric + "'");
        };
        Path dir = Cli.outputPath("--out", this.out);
        List<RunRecord> runs = new ArrayList<>();
        SessionFile.Session first = null;
        for (String s : sessions) {
            Path file = Path.of(s);
            SessionFile.Session session = SessionFile.read(file);
            if (first == null) first = session;
            runs.add(RunRecord.of(RunRecord.nameFor(file, runs.stream().map(RunRecord::name).toList()), session, file));
        }
        Files.createDirectories(dir);
        FigureWriter.write(RunComparison.overlay(runs, m, x), dir.resolve("compare.png"), FigureFormat.PNG, 2);
        List<RunComparison.Difference> diffs = RunComparison.differences(runs);
        AtomicFiles.writeText(dir.resolve("differences.csv"), RunComparison.differencesCsv(runs, diffs));
        var la = runtime.backend();
        List<Matrix> recon = RunComparison.reconstructions(runs, first.pinnedTargets(), la, Cancellation.NEVER);
        List<GridFigure.Row> rows = new ArrayList<>();
        rows.add(new GridFigure.Row("pinned items of " + runs.get(0).name(), first.pinnedTargets()));
        for (int i = 0; i < runs.size(); i++) if (recon.get(i) != null) rows.add(new GridFigure.Row(runs.get(i).name(), recon.get(i)));
        int[] shape = runs.get(0).imageShape();
        FigureWriter.writeFigure(new GridFigure("Reconstructions of the same items", rows, List.of(), shape[0], shape[1], shape[2]),
                dir.resolve("reconstructions.png"), FigureFormat.PNG, 2);
        for (RunRecord r : runs) o.printf("%s: %d solves, final output MSE %.5f, %.1f s of solving%n", r.name(), r.steps().size(), r.finalOutputMse(), r.totalSeconds());
        if (diffs.isEmpty()) o.println("the configurations are the same");
        for (RunComparison.Difference d : diffs) o.println(d.setting() + ": " + String.join(" | ", d.values()));
        o.printf("wrote %s (with compare.csv), %s and %s%n", dir.resolve("compare.png"), dir.resolve("differences.csv"), dir.resolve("reconstructions.png"));
        return 0;
    }
}
