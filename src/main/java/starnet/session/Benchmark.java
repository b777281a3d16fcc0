package starnet.session;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import starnet.data.Datasets;
import starnet.io.Json;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.Dataset;
import starnet.model.LayerPlan;
import starnet.model.Phase;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;
import starnet.training.Cancellation;
import starnet.training.StarNetTrainer;

/**
 * {@code bench}: one training on this backend, timed per layer and phase, with the floating-point operations each step
 * counts, the rate it reached and its share of this machine's measured DGEMM rate; the peak heap against the data.
 */
public final class Benchmark {
    private Benchmark() {}

    /** Trains {@code config} once with the backend {@code compute} names and prints the timings to {@code out} (as JSON when asked). */
    public static void run(StarNetConfig config, Compute compute, boolean json, PrintStream out) throws IOException {

        LinearAlgebra la = compute.load();
        long t0 = System.nanoTime();
        Dataset ds = Datasets.load(config.data());
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        List<LayerPlan> plan = config.architecture().plan(ds.channels(), ds.height(), ds.width());
        double dgemm = dgemmRate(la);
        int n = ds.size();
        StarNetTrainer trainer = StarNetTrainer.create(config, ds, la);
        List<StepResult> steps = new ArrayList<>();
        trainer.setListener(steps::add);
        long trainStart = System.nanoTime();
        trainer.trainAll(Cancellation.NEVER);
        double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("backend", la.description());
        root.put("items", n);
        root.put("load_seconds", loadSeconds);
        root.put("dgemm_gflops", dgemm);
        ArrayNode layers = root.putArray("layers");
        if (!json) {
            out.printf("backend: %s; data: %s, %s (loaded in %.2f s)%n", la.description(), ds.name(), ds.facts(), loadSeconds);
            out.printf("DGEMM 2000x2000x2000 on this backend: %.1f GFLOP/s%n", dgemm);
            out.println("median per step; SL and SW each include the layer's evaluation (and the decode to the output below the last layer)");
            out.printf("%-6s %-30s %-5s %10s %10s %10s  %s%n", "layer", "shape", "step", "seconds", "GFLOP", "GFLOP/s", "of DGEMM");
        }
        double[][] flops = new double[plan.size()][2]; // counted per step: [layer][SL, SW]
        int sample = config.training().swSample();
        int swRows = sample == 0 || sample >= n ? n : sample; // SW on a sample solves on those rows only
        for (int i = plan.size() - 1; i >= 0; i--) {
            LayerPlan p = plan.get(i);
            double decode = 0;
            for (int j = i + 1; j < plan.size(); j++) decode += 2.0 * n * plan.get(j).inputWidth() * plan.get(j).outputWidth();
            double eval = 2.0 * n * p.inputWidth() * p.outputWidth();
            double sl = 2 * eval + (double) p.outputWidth() * p.inputWidth() * p.inputWidth() + decode;
            double sw;
            if (p.isConv()) {
                sw = starnet.training.ConvWeightSolver.flops(p.conv(), swRows) + eval + decode;
            } else {
                sw = (double) swRows * (p.inputWidth() + 1) * (p.inputWidth() + 1) + 2.0 * swRows * (p.inputWidth() + 1) * p.outputWidth() + eval + decode;
            }
            flops[i][0] = sl;
            flops[i][1] = sw;
            ObjectNode l = layers.addObject();
            l.put("layer", i + 1);
            l.put("shape", p.describe());
            report(out, json, l, i + 1, p.describe(), "SL", median(steps, i + 1, Phase.SL), sl, dgemm);
            report(out, json, l, i + 1, p.describe(), "SW", median(steps, i + 1, Phase.SW), sw, dgemm);
        }
        long peak = peakHeap();
        double counted = 0;
        for (StepResult r : steps) counted += flops[r.layer() - 1][r.phase() == Phase.SL ? 0 : 1];
        root.put("train_seconds", trainSeconds);
        root.put("train_gflop", counted / 1e9);
        root.put("train_gflops", counted / trainSeconds / 1e9);
        root.put("train_share_of_dgemm", counted / trainSeconds / 1e9 / dgemm);
        root.put("peak_heap_bytes", peak);
        root.put("data_bytes", 8L * n * ds.pixels());
        root.put("data_heap_bytes", ds.holdsDoubles() ? 8L * n * ds.pixels() : (long) n * ds.pixels());
        root.put("final_output_mse", steps.get(steps.size() - 1).outputMse());
        if (json) {
            out.println(Json.MAPPER.writeValueAsString(root));
        } else {
            out.printf("all layers, %d epochs each: %.2f s; final reconstruction MSE %.6f%n", config.training().maxEpochs(), trainSeconds,
                    steps.get(steps.size() - 1).outputMse());
            out.printf("whole training: %.1f GFLOP counted in %.2f s, %.1f GFLOP/s, %.0f %% of DGEMM%n", counted / 1e9, trainSeconds,
                    counted / trainSeconds / 1e9, 100 * counted / trainSeconds / 1e9 / dgemm);
            out.printf("peak heap: %.0f MB (float64 data: %.0f MB%s)%n", peak / 1e6, 8.0 * n * ds.pixels() / 1e6,
                    ds.holdsDoubles() ? "" : String.format("; held as bytes: %.0f MB", (double) n * ds.pixels() / 1e6));
        }
    }

    private static double median(List<StepResult> steps, int layer, Phase phase) {
        double[] s = steps.stream().filter(r -> r.layer() == layer && r.phase() == phase).mapToDouble(StepResult::seconds).sorted().toArray();
        return s.length == 0 ? Double.NaN : s[s.length / 2];
    }

    private static void report(PrintStream out, boolean json, ObjectNode l, int layer, String shape, String kernel, double s, double flops, double dgemm) {
        double rate = flops / s / 1e9;
        ObjectNode k = l.putObject(kernel);
        k.put("seconds", s);
        k.put("gflop", flops / 1e9);
        k.put("gflops", rate);
        if (!json) out.printf("%-6d %-30s %-5s %10.4f %10.3f %10.1f  %5.0f%%%n", layer, shape, kernel, s, flops / 1e9, rate, 100 * rate / dgemm);
    }

    /** Best of three 2000×2000×2000 products, in GFLOP/s. */
    static double dgemmRate(LinearAlgebra la) {
        int n = 2000;
        SplittableRandom r = new SplittableRandom(1);
        Matrix a = new Matrix(n, n), b = new Matrix(n, n), c = new Matrix(n, n);
        for (int i = 0; i < a.data().length; i++) {
            a.data()[i] = r.nextDouble();
            b.data()[i] = r.nextDouble();
        }
        double best = Double.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long s = System.nanoTime();
            la.gemm(false, false, 1.0, a, b, 0.0, c);
            best = Math.min(best, (System.nanoTime() - s) / 1e9);
        }
        return 2.0 * n * n * n / best / 1e9;
    }

    static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP && p.getPeakUsage() != null) sum += p.getPeakUsage().getUsed();
        }
        return sum;
    }

}
