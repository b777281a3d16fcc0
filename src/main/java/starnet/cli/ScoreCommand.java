package starnet.cli;

import starnet.data.Dataset;
import starnet.data.Datasets;
import starnet.io.AtomicFiles;
import starnet.figures.FigureFormat;
import starnet.figures.FigureWriter;
import starnet.figures.LinePlot;
import starnet.io.ModelFile;
import starnet.math.LinearAlgebra;
import starnet.training.Cancellation;
import starnet.training.LayerSystem;
import starnet.training.OutlierScores;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * {@code score}: out-of-distribution scores (paper Lemma 4) of an in-distribution and an
 * out-of-distribution dataset under a saved model, their AUROC, and optionally the scores as CSV and
 * the ROC curve as a figure.
 */
final class ScoreCommand {
    static final Set<String> OPTIONS = RunOptions.union(RunOptions.RUNTIME, Set.of("model", "in", "out", "split", "limit", "csv", "roc"));

    private ScoreCommand() {}

    static int run(Args a, PrintStream out) throws IOException {
        ModelFile.SavedModel model = ModelFile.read(Path.of(a.required("model", "runs/mnist/model.starnet")));
        String split = a.get("split", "test");
        int limit = a.integer("limit", 0, 0);
        Dataset in = Datasets.load(a.required("in", "sample:mnist"), split, limit);
        Dataset ood = Datasets.load(a.required("out", "sample:fashion-mnist"), split, limit);
        int[] shape = model.imageShape();
        for (Dataset d : List.of(in, ood)) {
            if (d.pixels() != shape[0] * shape[1] * shape[2]) {
                throw new CliException(d.source() + " has images of " + d.channels() + "x" + d.height() + "x" + d.width()
                        + " but the model outputs " + shape[0] + "x" + shape[1] + "x" + shape[2]);
            }
        }
        LinearAlgebra la = RunOptions.backend(a);
        LayerSystem system = starnet.training.Engines.layerSystem(model.config().training(), model.decoder().activation(), la);
        double[] sIn = OutlierScores.score(system, model.decoder(), in.images(), Cancellation.NEVER);
        double[] sOut = OutlierScores.score(system, model.decoder(), ood.images(), Cancellation.NEVER);
        double auc = OutlierScores.auroc(sIn, sOut);
        out.printf("in: %s (%d items, mean score %.4f); out: %s (%d items, mean score %.4f); AUROC %.4f%n",
                in.name(), sIn.length, mean(sIn), ood.name(), sOut.length, mean(sOut), auc);
        if (a.has("csv")) {
            StringBuilder sb = new StringBuilder("set,index,score\n");
            for (int i = 0; i < sIn.length; i++) sb.append("in,").append(i).append(',').append(sIn[i]).append('\n');
            for (int i = 0; i < sOut.length; i++) sb.append("out,").append(i).append(',').append(sOut[i]).append('\n');
            byte[] b = sb.toString().getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(Path.of(a.get("csv", "")), o -> o.write(b));
        }
        if (a.has("roc")) {
            Path file = Path.of(a.get("roc", ""));
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
