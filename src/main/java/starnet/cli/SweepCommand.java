package starnet.cli;

import starnet.model.SweepPlan;
import starnet.session.Sweeps;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import starnet.model.SweepRow;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code sweep --param NAME=VALUES [--param …] --out DIR}: one model per combination, a table and a figure. */
@Command(name = "sweep", sortOptions = false, mixinStandardHelpOptions = true, abbreviateSynopsis = true,
        description = "Trains one model per combination of one or two settings and writes sweep.csv (final output MSE of training and held-out "
                + "items, PCA bound, seconds, worst condition) and its charts (sweep.png: MSE; sweep-seconds.png; sweep-condition.png) into --out DIR; "
                + "run it again into the same folder to resume.")
final class SweepCommand implements Callable<Integer> {
    @ParentCommand Cli cli;
    @Mixin DataOptions data;
    @Mixin ModelOptions model;
    @Mixin RuntimeOptions runtime;

    @Option(names = "--param", paramLabel = "NAME=VALUES", required = true,
            description = "a setting and its values: a list (slope=0.1,0.2,0.5; widths=16/64,32/128) or a range FROM..TO:COUNT (ridge=1e-10..1e-2:5); "
                    + "names: slope, ridge, sw-sample, sw-partitions, epochs, seed, widths, kernels, order; give one or two")
    List<String> params;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the output folder (the same folder resumes a sweep)")
    String out;

    @Override
    public Integer call() throws IOException {
        PrintStream o = cli.out, err = cli.err;
        SweepPlan plan = Sweeps.plan(model.config(data), params);
        Path dir = Cli.outputPath("--out", this.out);
        TerminalBar bar = TerminalBar.of(err);
        List<SweepRow> rows = Sweeps.run(plan, dir, runtime.compute(), r -> bar.above(() -> o.println(line(plan, r))), bar);
        long failed = rows.stream().filter(r -> !r.ran()).count();
        if (failed == rows.size()) {
            throw new CliException("no combination could train (the note column of " + dir.resolve("sweep.csv") + " says why)");
        }
        o.printf("wrote %s and %s, with sweep-seconds.png and sweep-condition.png (%d run%s%s)%n", dir.resolve("sweep.csv"), dir.resolve("sweep.png"),
                rows.size(), rows.size() == 1 ? "" : "s", failed == 0 ? "" : ", " + failed + " could not run: see the note column");
        return 0;
    }

    private static String line(SweepPlan plan, SweepRow r) {
        if (!r.ran()) return plan.describe(r.values()) + ": " + r.problem();
        return String.format("%s: train MSE %.5f, held-out %s, PCA bound %.5f, %.1f s, worst condition %.3g", plan.describe(r.values()), r.trainMse(),
                Double.isFinite(r.heldOutMse()) ? String.format("%.5f", r.heldOutMse()) : "—", r.pcaMse(), r.seconds(), r.worstCondition());
    }
}
