package starnet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import java.util.concurrent.Callable;
import starnet.session.ModelJobs;

import java.io.IOException;
import java.nio.file.Path;

/**
 * {@code infer}: test-time inference (Lemma 3) with a saved model; writes DIR/metrics.json (mse, mae)
 * and DIR/residuals.csv (index, label, residual per layer, reconstruction error per datapoint).
 */
@Command(name = "infer", sortOptions = false, mixinStandardHelpOptions = true, abbreviateSynopsis = true, description = "Test-time inference with a saved model (paper Lemma 3): codes for new data; "
        + "writes DIR/codes.npy (N × d₀), DIR/metrics.json (items, mse, mae, the model, the data and its split) and DIR/residuals.csv "
        + "(per item: residual per layer, reconstruction MSE).")
final class InferCommand implements Callable<Integer> {
    @ParentCommand Cli cli;
    @Mixin RuntimeOptions runtime;

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "a model.starnet written by train or the window")
    String modelFile;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the output folder")
    String out;

    @Option(names = "--data", paramLabel = "SRC", description = "the data to infer (default: the data the model was trained on)")
    String source;

    @Option(names = "--split", paramLabel = "test|train", defaultValue = "test", completionCandidates = Candidates.Splits.class,
            description = "which part of a source that has both")
    String split;

    @Option(names = "--limit", paramLabel = "N|all", defaultValue = "all", converter = Counts.class, description = "use the first N items, or all of them")
    int limit;

    @Override
    public Integer call() throws IOException {
        var r = ModelJobs.infer(Path.of(modelFile), source, DataOptions.split(split), limit, Cli.outputPath("--out", out), runtime.compute());
        cli.out.printf("inferred %d items: reconstruction MSE %.6f, MAE %.5f; wrote %s (codes.npy, residuals.csv, metrics.json)%n", r.items(), r.mse(), r.mae(),
                r.folder());
        return 0;
    }
}
