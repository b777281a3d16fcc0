package starnet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import java.util.concurrent.Callable;
import starnet.data.Dataset;
import starnet.io.AtomicFiles;
import starnet.figures.FigureFormat;
import starnet.figures.FigureWriter;
import starnet.figures.LinePlot;
import starnet.io.ModelFile;
import starnet.model.DataSpec;
import starnet.math.LinearAlgebra;
import starnet.training.Cancellation;
import starnet.training.LayerSystem;
import starnet.training.OutlierScores;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

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

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "use the first N items of each (0 = all)")
    int limit;

    @Option(names = "--csv", paramLabel = "FILE.csv", description = "write every item's score (set, index, score)")
    String csv;

    @Option(names = "--roc", paramLabel = "FILE.png|svg|pdf", description = "draw the ROC curve (its points beside it as .csv)")
    String roc;

    @Override
    public Integer call() throws IOException {
        PrintStream out = cli.out;
        runtime.check();
        ModelFile.SavedModel model = ModelFile.read(Path.of(modelFile));
        Dataset in, ood;
        try {
            in = RunOptions.dataFor(model, new DataSpec(inSource == null ? model.config().data().source() : inSource, split, limit, model.config().data().csv()));
            ood = RunOptions.dataFor(model, new DataSpec(oodSource, split, limit));
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        LinearAlgebra la = runtime.backend();
        LayerSystem system = starnet.training.Engines.layerSystem(model.config().training(), model.decoder().activation(), la);
        double[] sIn = OutlierScores.score(system, model.decoder(), in.images(), Cancellation.NEVER);
        double[] sOut = OutlierScores.score(system, model.decoder(), ood.images(), Cancellation.NEVER);
        double auc = OutlierScores.auroc(sIn, sOut);
        out.printf("in: %s (%d items, mean score %.4f); out: %s (%d items, mean score %.4f); AUROC %.4f%n",
                in.name(), sIn.length, mean(sIn), ood.name(), sOut.length, mean(sOut), auc);
        if (csv != null) {
            StringBuilder sb = new StringBuilder("set,index,score\n");
            for (int i = 0; i < sIn.length; i++) sb.append("in,").append(i).append(',').append(sIn[i]).append('\n');
            for (int i = 0; i < sOut.length; i++) sb.append("out,").append(i).append(',').append(sOut[i]).append('\n');
            AtomicFiles.writeText(Path.of(csv), sb.toString());
        }
        if (roc != null) {
            Path file = Path.of(roc);
            FigureWriter.write(LinePlot.roc(String.format(java.util.Locale.ROOT, "ROC: %s vs %s (AUROC %.3f)", in.name(), ood.name(), auc),
                    "StarNet residual score", OutlierScores.roc(sIn, sOut)), file, FigureFormat.ofFileName(file).orElse(FigureFormat.PNG), 2);
        }
        return 0;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
