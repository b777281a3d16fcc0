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
 * {@code score}: out-of-distribution scores (paper Lemma 4) of an in-distribution and an
 * out-of-distribution dataset under a saved model, their AUROC, and optionally the scores as CSV and
 * the ROC curve as a figure.
 */
@Command(name = "score", sortOptions = false, mixinStandardHelpOptions = true, abbreviateSynopsis = true, description = "Out-of-distribution scores from residuals (paper Lemma 4) for data like the "
        + "model's (--data) and other data (--ood), and their AUROC; optionally the scores as CSV and the ROC curve as a figure.")
final class ScoreCommand implements Callable<Integer> {
    @ParentCommand Cli cli;
    @Mixin RuntimeOptions runtime;

    @Option(names = "--model", paramLabel = "FILE", required = true, description = "a model.starnet written by train or the window")
    String modelFile;

    @Option(names = "--data", paramLabel = "SRC", description = "in-distribution data (default: the data the model was trained on)")
    String inSource;

    @Option(names = "--ood", paramLabel = "SRC", required = true, description = "out-of-distribution data, e.g. sample:fashion-mnist")
    String oodSource;

    @Option(names = "--split", paramLabel = "test|train", defaultValue = "test", completionCandidates = Candidates.Splits.class,
            description = "which part of sources that have both")
    String split;

    @Option(names = "--limit", paramLabel = "N|all", defaultValue = "all", converter = Counts.class, description = "use the first N items of each, or all of them")
    int limit;

    @Option(names = "--csv", paramLabel = "FILE.csv", description = "write every item's score (set, index, score)")
    String csv;

    @Option(names = "--roc", paramLabel = "FILE.png|svg|pdf", description = "draw the ROC curve (its points beside it as .csv)")
    String roc;

    @Override
    public Integer call() throws IOException {
        var r = ModelJobs.score(Path.of(modelFile), inSource, oodSource, DataOptions.split(split), limit, csv == null ? null : Path.of(csv),
                roc == null ? null : Path.of(roc), runtime.compute());
        cli.out.printf("in: %s (%d items, mean score %.4f); out: %s (%d items, mean score %.4f); AUROC %.4f%n",
                r.inName(), r.inItems(), r.inMean(), r.outName(), r.outItems(), r.outMean(), r.auroc());
        return 0;
    }
}
