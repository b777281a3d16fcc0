package starnet.session;

import com.fasterxml.jackson.databind.node.ObjectNode;
import starnet.data.Datasets;
import starnet.figures.FigureWriter;
import starnet.figures.LinePlot;
import starnet.io.AtomicFiles;
import starnet.io.Json;
import starnet.io.ModelFile;
import starnet.io.Npy;
import starnet.io.StagedFolder;
import starnet.math.LinearAlgebra;
import starnet.model.DataSpec;
import starnet.model.Dataset;
import starnet.model.FigureFormat;
import starnet.training.Cancellation;
import starnet.training.Engines;
import starnet.training.Inference;
import starnet.training.LayerSystem;
import starnet.training.OutlierScores;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** What a saved model does on new data, for the command line: inference (paper Lemma 3) and out-of-distribution scores (Lemma 4). */
public final class ModelJobs {
    private ModelJobs() {}

    /** What {@link #infer} did: how many items, their reconstruction errors. */
    public record Inferred(int items, double mse, double mae, Path folder) {}

    /**
     * Infers the codes of {@code data} (null source: the data the model was trained on) by solving down from each image,
     * and writes into {@code out} (staged, then moved in whole): codes.npy (N × d₀), residuals.csv (each item's
     * residual per layer and its reconstruction MSE) and metrics.json (items, MSE, MAE, the model, the data and its split).
     */
    public static Inferred infer(Path modelFile, String source, starnet.model.Split split, int limit, Path out, Compute compute) throws IOException {
        ModelFile.SavedModel model = ModelFile.read(modelFile);
        DataSpec data = spec(model, source, split, limit);
        Dataset ds = dataFor(model, data);
        LinearAlgebra la = compute.load();
        LayerSystem system = Engines.layerSystem(model.config().training(), model.decoder().activation(), la);
        Inference.Result r = Inference.infer(system, model.decoder(), ds.images(), Cancellation.NEVER);
        try (StagedFolder folder = StagedFolder.open(out)) {
            int n = ds.size(), d = ds.pixels(), k = model.decoder().depth();
            double[] x = ds.images().data(), y = r.reconstruction().data();
            double sq = 0, ab = 0;
            try (BufferedWriter w = Files.newBufferedWriter(folder.file("residuals.csv"))) {
                StringBuilder head = new StringBuilder("index,label");
                for (int i = 1; i <= k; i++) head.append(",residual_layer").append(i);
                w.write(head.append(",reconstruction_mse").toString());
                w.newLine();
                for (int i = 0; i < n; i++) {
                    double e2 = 0;
                    for (int j = i * d; j < (i + 1) * d; j++) {
                        double e = y[j] - x[j];
                        e2 += e * e;
                        ab += Math.abs(e);
                    }
                    sq += e2;
                    StringBuilder line = new StringBuilder().append(i).append(',').append(ds.hasLabels() ? Integer.toString(ds.labels()[i]) : "");
                    for (int l = 0; l < k; l++) line.append(',').append(r.residuals()[l][i]);
                    w.write(line.append(',').append(e2 / d).toString());
                    w.newLine();
                }
            }
            try (OutputStream codes = Files.newOutputStream(folder.file("codes.npy"))) {
                Npy.write(codes, r.latents()[0]);
            }
            ObjectNode m = Json.MAPPER.createObjectNode();
            m.put("items", n);
            m.put("mse", sq / ((double) n * d));
            m.put("mae", ab / ((double) n * d));
            m.put("model", modelFile.toString());
            m.put("data", ds.source());
            m.put("split", data.split().id());
            Files.writeString(folder.file("metrics.json"), Json.MAPPER.writeValueAsString(m));
            folder.commit();
            return new Inferred(n, sq / ((double) n * d), ab / ((double) n * d), out);
        }
    }

    /** What {@link #score} found: the two sets' names, sizes and mean scores, and the AUROC of telling them apart. */
    public record Scored(String inName, int inItems, double inMean, String outName, int outItems, double outMean, double auroc) {}

    /**
     * Each item's residual score under the model (how far its images are from what the decoder can make), for
     * in-distribution data ({@code in}; null source: the training data) and out-of-distribution data {@code ood}, and the
     * AUROC of telling them apart by it; optionally every score as CSV and the ROC curve as a figure.
     */
    public static Scored score(Path modelFile, String inSource, String oodSource, starnet.model.Split split, int limit, Path csv, Path roc, Compute compute) throws IOException {
        ModelFile.SavedModel model = ModelFile.read(modelFile);
        DataSpec in = spec(model, inSource, split, limit), ood = spec(model, oodSource, split, limit);
        if (roc != null) {
            try {
                FigureFormat.requireKnown(roc);
            } catch (IllegalArgumentException e) {
                throw new UserError("--roc: " + e.getMessage());
            }
        }
        Dataset a = dataFor(model, in), b = dataFor(model, ood);
        LinearAlgebra la = compute.load();
        LayerSystem system = Engines.layerSystem(model.config().training(), model.decoder().activation(), la);
        double[] sIn = OutlierScores.score(system, model.decoder(), a.images(), Cancellation.NEVER);
        double[] sOut = OutlierScores.score(system, model.decoder(), b.images(), Cancellation.NEVER);
        double auc = OutlierScores.auroc(sIn, sOut);
        if (csv != null) {
            StringBuilder sb = new StringBuilder("set,index,score\n");
            for (int i = 0; i < sIn.length; i++) sb.append("in,").append(i).append(',').append(sIn[i]).append('\n');
            for (int i = 0; i < sOut.length; i++) sb.append("out,").append(i).append(',').append(sOut[i]).append('\n');
            AtomicFiles.writeText(csv, sb.toString());
        }
        if (roc != null) {
            FigureWriter.write(LinePlot.roc(String.format(Locale.ROOT, "ROC: %s vs %s (AUROC %.3f)", a.name(), b.name(), auc),
                    "StarNet residual score", OutlierScores.roc(sIn, sOut)), roc, FigureFormat.ofFileName(roc).orElse(FigureFormat.PNG), 2);
        }
        return new Scored(a.name(), sIn.length, mean(sIn), b.name(), sOut.length, mean(sOut), auc);
    }

    /** The data named ({@code source} null: the data the model was trained on, with its CSV layout). */
    private static DataSpec spec(ModelFile.SavedModel model, String source, starnet.model.Split split, int limit) {
        try {
            return source == null ? new DataSpec(model.config().data().source(), split, limit, model.config().data().csv()) : new DataSpec(source, split, limit);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** The data {@code spec} names, refused in one line when its images are not the size the model decodes to. */
    static Dataset dataFor(ModelFile.SavedModel model, DataSpec spec) {
        Dataset d = Datasets.load(spec);
        int[] shape = model.imageShape();
        if (d.pixels() != shape[0] * shape[1] * shape[2]) {
            throw new UserError(d.source() + " has images of " + d.channels() + "x" + d.height() + "x" + d.width() + " but the model outputs "
                    + shape[0] + "x" + shape[1] + "x" + shape[2]);
        }
        return d;
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double x : v) s += x;
        return s / v.length;
    }
}
