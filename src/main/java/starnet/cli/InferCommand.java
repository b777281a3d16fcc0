package starnet.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import starnet.data.Dataset;
import starnet.data.Datasets;
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
final class InferCommand {
    private InferCommand() {}

    static int run(Args a, PrintStream out) throws IOException {
        Path modelPath = Path.of(a.required("model", "runs/mnist/model.starnet"));
        Path dir = Path.of(a.required("out", "runs/mnist-test"));
        ModelFile.SavedModel model = ModelFile.read(modelPath);
        StarNetConfig cfg = model.config();
        Dataset ds = Datasets.load(new DataSpec(a.get("data", cfg.data().source()), a.get("split", "test"), a.integer("limit", 0, 0), cfg.data().csv()));
        int[] shape = model.imageShape();
        if (ds.pixels() != shape[0] * shape[1] * shape[2]) {
            throw new CliException(ds.source() + " has images of " + ds.channels() + "x" + ds.height() + "x" + ds.width()
                    + " but the model outputs " + shape[0] + "x" + shape[1] + "x" + shape[2]);
        }
        LinearAlgebra la = RunOptions.backend(a);
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
