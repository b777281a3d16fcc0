package starnet.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import starnet.data.Dataset;
import starnet.data.Datasets;
import starnet.io.Json;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.DenseLayer;
import starnet.model.LeakyRelu;
import starnet.model.StarNetConfig;
import starnet.training.Cancellation;
import starnet.training.Initializer;
import starnet.training.LayerSystem;

import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * {@code bench}: times SL, SW and loss evaluation per layer with the training kernels themselves,
 * prints seconds and GFLOP/s (with the FLOP count assumed), the backend's 2000×2000 DGEMM rate and
 * the peak heap.
 */
final class BenchCommand {
    private BenchCommand() {}

    static int run(Args a, PrintStream out, PrintStream err) throws java.io.IOException {
        StarNetConfig config = RunOptions.config(a);
        LinearAlgebra la = RunOptions.backend(a);
        long t0 = System.nanoTime();
        Dataset ds = Datasets.load(config.data());
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        double dgemm = dgemmRate(la);
        LeakyRelu act = new LeakyRelu(config.architecture().slope());
        int[] widths = config.architecture().allWidths(ds.pixels());
        var t = config.training();
        LayerSystem system = new LayerSystem(la, act, t.solver().create(t.ridge(), la));
        var decoder = Initializer.decoder(widths, act, t.init(), t.seed());
        int n = ds.size();
        ObjectNode json = Json.MAPPER.createObjectNode();
        json.put("backend", la.description());
        json.put("items", n);
        json.put("load_seconds", loadSeconds);
        json.put("dgemm_gflops", dgemm);
        ArrayNode layers = json.putArray("layers");
        if (!a.has("json")) {
            out.printf("backend: %s; data: %s, %s (loaded in %.2f s)%n", la.description(), ds.name(), ds.facts(), loadSeconds);
            out.printf("DGEMM 2000x2000x2000 on this backend: %.1f GFLOP/s%n", dgemm);
            out.printf("%-6s %-8s %10s %10s %10s  %s%n", "layer", "kernel", "seconds", "GFLOP", "GFLOP/s", "of DGEMM");
        }
        Matrix targets = ds.images();
        long trainStart = System.nanoTime();
        for (int i = decoder.depth() - 1; i >= 0; i--) {
            DenseLayer layer = decoder.layers().get(i);
            int din = widths[i], dout = widths[i + 1];
            double[] sl = new double[t.maxEpochs()], sw = new double[t.maxEpochs()], ev = new double[t.maxEpochs()];
            Matrix h = null;
            for (int e = 0; e < t.maxEpochs(); e++) {
                long s0 = System.nanoTime();
                Matrix op = system.latentOperator(layer).x();
                h = system.solveLatents(layer, op, targets, Cancellation.NEVER).latents();
                long s1 = System.nanoTime();
                layer = system.solveWeights(h, targets, Cancellation.NEVER).layer();
                long s2 = System.nanoTime();
                system.evaluate(layer, h, targets, Cancellation.NEVER);
                long s3 = System.nanoTime();
                sl[e] = (s1 - s0) / 1e9;
                sw[e] = (s2 - s1) / 1e9;
                ev[e] = (s3 - s2) / 1e9;
            }
            double flSl = 4.0 * n * dout * din + (double) dout * din * din; // solve + fused evaluation
            double flSw = (double) n * (din + 1) * (din + 1) + 2.0 * n * (din + 1) * dout;
            double flEv = 2.0 * n * din * dout;
            ObjectNode l = layers.addObject();
            l.put("layer", i + 1);
            l.put("shape", din + "->" + dout);
            report(out, a.has("json"), l, i + 1, "SL+eval", median(sl), flSl, dgemm);
            report(out, a.has("json"), l, i + 1, "SW", median(sw), flSw, dgemm);
            report(out, a.has("json"), l, i + 1, "eval", median(ev), flEv, dgemm);
            targets = h;
        }
        double trainSeconds = (System.nanoTime() - trainStart) / 1e9;
        long peak = peakHeap();
        json.put("train_seconds", trainSeconds);
        json.put("peak_heap_bytes", peak);
        json.put("data_bytes", 8L * n * ds.pixels());
        if (a.has("json")) {
            out.println(Json.MAPPER.writeValueAsString(json).replace("\r", ""));
        } else {
            out.printf("all layers, %d epochs each (SL + SW + eval): %.2f s%n", t.maxEpochs(), trainSeconds);
            out.printf("peak heap: %.0f MB (float64 data: %.0f MB)%n", peak / 1e6, 8.0 * n * ds.pixels() / 1e6);
        }
        return 0;
    }

    private static void report(PrintStream out, boolean json, ObjectNode l, int layer, String kernel, double s, double flops, double dgemm) {
        double rate = flops / s / 1e9;
        ObjectNode k = l.putObject(kernel);
        k.put("seconds", s);
        k.put("gflop", flops / 1e9);
        k.put("gflops", rate);
        if (!json) out.printf("%-6d %-8s %10.4f %10.3f %10.1f  %5.0f%%%n", layer, kernel, s, flops / 1e9, rate, 100 * rate / dgemm);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
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
