package starnet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import starnet.model.Dataset;
import starnet.data.Datasets;
import starnet.explore.Sweep;
import starnet.model.SweepAxis;
import starnet.model.SweepRow;
import starnet.model.StarNetConfig;
import starnet.training.Cancellation;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
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
        if (params.size() > 2) throw new CliException("--param: a sweep varies one or two settings, got " + params.size());
        List<SweepAxis> axes = new ArrayList<>();
        for (String p : params) {
            try {
                axes.add(SweepAxis.parse(p));
            } catch (IllegalArgumentException e) {
                throw new CliException("--param " + e.getMessage());
            }
        }
        StarNetConfig config = model.config(data);
        Path dir = Cli.outputPath("--out", this.out);
        Sweep sweep;
        try {
            sweep = new Sweep(config, axes);
            sweep.combinations().forEach(sweep::config); // every combination makes a configuration, before any data is read
        } catch (IllegalArgumentException e) {
            throw new CliException("--param: " + e.getMessage());
        }
        int limit = config.data().limit();
        Dataset ds = Datasets.load(config.data().withLimit(limit > 0 ? limit + Sweep.HELD_OUT : 0));
        List<SweepRow> rows;
        try {
            rows = sweep.run(ds, runtime.backend(), dir, r -> o.println(line(sweep, r)), (f, s) -> err.println(s), Cancellation.NEVER);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        long failed = rows.stream().filter(r -> !r.ran()).count();
        if (failed == rows.size()) {
            o.printf("wrote %s; no combination could train, so there is no figure (the note column says why)%n", dir.resolve("sweep.csv"));
        } else {
            o.printf("wrote %s and %s, with sweep-seconds.png and sweep-condition.png (%d run%s%s)%n", dir.resolve("sweep.csv"), dir.resolve("sweep.png"),
                    rows.size(), rows.size() == 1 ? "" : "s",
                    failed == 0 ? "" : ", " + failed + " could not run: see the note column");
        }
        return 0;
    }

    private static String line(Sweep sweep, SweepRow r) {
        if (!r.ran()) return sweep.describe(r.values()) + ": " + r.problem();
        return String.format("%s: train MSE %.5f, held-out %s, PCA bound %.5f, %.1f s, worst condition %.3g", sweep.describe(r.values()), r.trainMse(),
                Double.isFinite(r.heldOutMse()) ? String.format("%.5f", r.heldOutMse()) : "—", r.pcaMse(), r.seconds(), r.worstCondition());
    }
}
