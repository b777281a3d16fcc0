package starnet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import java.util.concurrent.Callable;
import com.fasterxml.jackson.databind.node.ObjectNode;
import starnet.data.Dataset;
import starnet.io.Json;
import starnet.io.ModelFile;
import starnet.math.LinearAlgebra;
import starnet.model.DataSpec;
import starnet.model.StarNetConfig;
import starnet.training.Cancellation;
import starnet.training.Inference;
import starnet.training.LayerSystem;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code infer}: test-time inference (Lemma 3) with a saved model; writes DIR/metrics.json (mse, mae)
 * and DIR/residuals.csv (index, label, residual per layer, reconstruction error per datapoint).
 */
@Command(name = "infer", sortOptions = false, mixinStandardHelpOptions = true, abbreviateSynopsis = true, description = "Test-time inference with a saved model (paper Lemma 3): codes for new data; "
        + "writes DIR/metrics.json (mse, mae) and DIR/residuals.csv (per item: residual per layer, reconstruction MSE).")
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

    @Option(names = "--limit", paramLabel = "N", defaultValue = "0", description = "use the first N items (0 = all)")
    int limit;

    @Override
    public Integer call() throws IOException {
        PrintStream out = cli.out;
        runtime.check();
        Path modelPath = Path.of(modelFile);
        Path dir = Cli.outputPath("--out", this.out);
        ModelFile.SavedModel model = ModelFile.read(modelPath);
        StarNetConfig cfg = model.config();
        Dataset ds;
        try {
            ds = RunOptions.dataFor(model, new DataSpec(source == null ? cfg.data().source() : source, split, limit, cfg.data().csv()));
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
        LinearAlgebra la = runtime.backend();
        LayerSystem system = starnet.training.Engines.layerSystem(cfg.training(), model.decoder().activation(), la);
        Inference.Result r = Inference.infer(system, model.decoder(), ds.images(), Cancellation.NEVER);
        try (starnet.io.StagedFolder folder = starnet.io.StagedFolder.open(dir)) {
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
            ObjectNode m = Json.MAPPER.createObjectNode();
            m.put("items", n);
            m.put("mse", sq / ((double) n * d));
            m.put("mae", ab / ((double) n * d));
            m.put("model", modelPath.toString());
            m.put("data", ds.source());
            Files.writeString(folder.file("metrics.json"), Json.MAPPER.writeValueAsString(m));
            folder.commit();
            out.printf("inferred %d items: reconstruction MSE %.6f, MAE %.5f; wrote %s%n", n, sq / ((double) n * d), ab / ((double) n * d), dir);
        }
        return 0;
    }
}
