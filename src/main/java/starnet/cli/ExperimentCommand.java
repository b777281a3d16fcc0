package starnet.cli;

import starnet.session.Experiments;
import starnet.training.Cancellation;
import starnet.data.Dataset;
import starnet.data.Datasets;
import starnet.model.StarNetConfig;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/** {@code experiment fig6|fig7|fig8|refine}: runs {@link Experiments} and writes its figures and CSV to --out DIR. */
final class ExperimentCommand {
    static final Set<String> OPTIONS = RunOptions.union(RunOptions.DATA, RunOptions.MODEL, RunOptions.RUNTIME, Set.of("out", "rounds"));

    private ExperimentCommand() {}

    static int run(String name, Args a, PrintStream out, PrintStream err) throws IOException {
        if (!Experiments.NAMES.contains(name)) throw new CliException("unknown experiment '" + name + "': expected fig6, fig7, fig8 or refine");
        StarNetConfig config = RunOptions.config(a);
        Path dir = Path.of(a.required("out", "runs/" + name));
        Dataset ds = Datasets.load(config.data());
        RunOptions.plan(config, ds);
        try {
            Experiments.run(name, config, ds, RunOptions.backend(a), dir, a.integer("rounds", 3, 1), out, err, Cancellation.NEVER);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        return 0;
    }
}
