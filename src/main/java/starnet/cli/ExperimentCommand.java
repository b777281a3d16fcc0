package starnet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import java.util.concurrent.Callable;
import starnet.session.Experiments;
import starnet.model.Experiment;

import java.io.IOException;

/** {@code experiment fig6|fig7|fig8|refine}: runs {@link Experiments} and writes its figures and CSV to --out DIR. */
@Command(name = "experiment", sortOptions = false, mixinStandardHelpOptions = true, abbreviateSynopsis = true, description = "The paper's experiments: fig6 (StarNet vs Adam autoencoder vs PCA), "
        + "fig7 (SW-first vs SL-first), fig8 (SW on 100/500/all datapoints, conv), refine (layer-wise training, then end-to-end refinement); "
        + "writes figures and CSV into --out DIR.")
final class ExperimentCommand implements Callable<Integer> {
    @ParentCommand Cli cli;
    @Mixin DataOptions data;
    @Mixin ModelOptions model;
    @Mixin RuntimeOptions runtime;

    @Parameters(index = "0", paramLabel = "NAME", completionCandidates = Candidates.ExperimentNames.class, description = "fig6, fig7, fig8 or refine")
    String name;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the output folder")
    String out;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "3", description = "refine: rounds of end-to-end refinement")
    int rounds;

    @Override
    public Integer call() throws IOException {
        Experiment experiment;
        try {
            experiment = Experiment.parse(name);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        if (rounds < 1) throw new CliException("--rounds must be at least 1, got " + rounds);
        TerminalBar bar = TerminalBar.of(cli.err);
        try {
            Experiments.run(experiment, model.config(data), Cli.outputPath("--out", this.out), rounds, runtime.compute(), line -> bar.above(() -> cli.out.println(line)), bar);
        } finally {
            bar.finish();
        }
        return 0;
    }
}
