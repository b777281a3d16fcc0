package starnet.cli;

import starnet.io.Json;
import starnet.math.Backends;
import starnet.math.LinearAlgebra;
import starnet.math.SolverKind;
import starnet.model.ArchitectureConfig;
import starnet.model.CsvLayout;
import starnet.model.DataSpec;
import starnet.model.LabelColumn;
import starnet.model.InitKind;
import starnet.model.LayerPlan;
import starnet.model.Padding;
import starnet.model.Presets;
import starnet.model.SolveOrder;
import starnet.model.StarNetConfig;
import starnet.model.TrainingConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The options shared by commands: configuration (from --config and flags) and the compute backend. */
final class RunOptions {
    static final Set<String> DATA = Set.of("data", "split", "limit", "csv-label", "csv-shape", "csv-max");
    static final Set<String> MODEL = Set.of("config", "preset", "arch", "widths", "kernels", "kernel-size", "unpool", "padding", "slope",
            "epochs", "tol", "seed", "solver", "order", "init", "ridge", "sw-sample", "sw-partitions", "sl-path");
    static final Set<String> RUNTIME = Set.of("backend", "threads");

    private RunOptions() {}

    @SafeVarargs
    static Set<String> union(Set<String>... sets) {
        Set<String> s = new HashSet<>();
        for (Set<String> x : sets) s.addAll(x);
        return s;
    }

    /** The CSV layout: {@code base} with --csv-label, --csv-shape and --csv-max applied. */
    static CsvLayout csvLayout(Args a, CsvLayout base) {
        LabelColumn label = base.label();
        List<Integer> shape = base.shape();
        try {
            if (a.has("csv-label")) label = LabelColumn.parse(a.get("csv-label", ""));
        } catch (IllegalArgumentException e) {
            throw new CliException("--csv-label: " + e.getMessage());
        }
        try {
            if (a.has("csv-shape")) shape = new CsvLayout(label, CsvLayout.parseShape(a.get("csv-shape", "")), 0).shape();
        } catch (IllegalArgumentException e) {
            throw new CliException("--csv-shape: " + e.getMessage());
        }
        double maxValue = base.maxValue();
        try {
            if (a.has("csv-max")) maxValue = CsvLayout.parseMaxValue(a.get("csv-max", ""));
        } catch (IllegalArgumentException e) {
            throw new CliException("--csv-max " + e.getMessage());
        }
        return new CsvLayout(label, shape, maxValue);
    }

    /** --config FILE.json first, then each flag overrides its field. */
    static StarNetConfig config(Args a) {
        checkRuntime(a); // even where no backend is loaded (check on a dense model): a wrong value is still wrong
        StarNetConfig c = StarNetConfig.defaults();
        if (a.has("config")) {
            Path p = Path.of(a.get("config", ""));
            try {
                c = starnet.io.ConfigJson.read(Files.readAllBytes(p));
            } catch (IOException e) {
                throw new CliException(p + ": cannot be read (" + starnet.io.IoMessages.describe(e) + ")");
            } catch (starnet.io.ConfigJson.ConfigException e) {
                throw new CliException(p + ": not a valid StarNet configuration: " + e.getMessage());
            }
        }
        try {
            DataSpec d = c.data();
            d = new DataSpec(a.get("data", d.source()), a.get("split", d.split()), a.integer("limit", d.limit(), 0), csvLayout(a, d.csv()));
            ArchitectureConfig arch = a.has("preset") ? Presets.find(a.get("preset", "")).architecture() : c.architecture();
            String kind = a.get("arch", arch.kind());
            if (!kind.equals("feedforward") && !kind.equals("conv")) throw new CliException("--arch expects feedforward or conv, got '" + kind + "'");
            arch = new ArchitectureConfig(kind,
                    a.has("widths") ? ArchitectureConfig.parseWidths(a.get("widths", "")) : arch.widths(),
                    a.decimal("slope", arch.slope()),
                    a.has("kernels") ? ArchitectureConfig.parseList(a.get("kernels", ""), "--kernels", "6,2") : arch.kernels(),
                    a.has("kernel-size") ? ArchitectureConfig.parseList(a.get("kernel-size", ""), "--kernel-size", "7 or 7,5") : arch.kernelSizes(),
                    a.has("unpool") ? ArchitectureConfig.parseList(a.get("unpool", ""), "--unpool", "2") : arch.unpools(),
                    a.has("padding") ? Padding.parse(a.get("padding", "")) : arch.padding());
            TrainingConfig t = c.training();
            String sample = a.get("sw-sample", t.swSample() == 0 ? "all" : Integer.toString(t.swSample()));
            int swSample;
            try {
                swSample = sample.equals("all") ? 0 : Integer.parseInt(sample.trim());
            } catch (NumberFormatException e) {
                throw new CliException("--sw-sample expects all or a number of datapoints, got '" + sample + "'");
            }
            t = new TrainingConfig(a.integer("epochs", t.maxEpochs(), 1), a.decimal("tol", t.tolerance()), a.longValue("seed", t.seed()),
                    a.has("solver") ? SolverKind.parse(a.get("solver", "")) : t.solver(), a.decimal("ridge", t.ridge()),
                    a.has("order") ? SolveOrder.parse(a.get("order", "")) : t.order(),
                    a.has("init") ? InitKind.parse(a.get("init", "")) : t.init(), swSample, a.integer("sw-partitions", t.swPartitions(), 1),
                    a.get("sl-path", t.latentPath()));
            return new StarNetConfig(StarNetConfig.FORMAT, d, arch, t);
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }

    /** The architecture's layers for this dataset's image shape; sizes that do not fit are a user error. */
    static List<LayerPlan> plan(StarNetConfig c, starnet.data.Dataset ds) {
        try {
            return c.architecture().plan(ds.channels(), ds.height(), ds.width());
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage() + " (images are " + ds.channels() + "×" + ds.height() + "×" + ds.width() + ")");
        }
    }

    /** Waits for a backend started with {@link #backend} on another thread, passing its user errors on. */
    static LinearAlgebra awaitBackend(java.util.concurrent.CompletableFuture<LinearAlgebra> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) throw r;
            throw e;
        }
    }

    /** The backend and thread options, checked whether or not the command ends up loading a backend. */
    static void checkRuntime(Args a) {
        String id = a.get("backend", "auto");
        if (!id.equals("auto") && !id.equals("openblas") && !id.equals("ejml")) {
            throw new CliException("--backend expects auto, openblas or ejml, got '" + id + "'");
        }
        threads(a);
    }

    /** --threads: 1 up to {@link #MAX_THREADS} (more threads than that only queue for the cores). */
    static int threads(Args a) {
        int n = a.integer("threads", Backends.defaultThreads(), 1);
        if (n > MAX_THREADS) {
            throw new CliException("--threads must be at most " + MAX_THREADS + " (this machine has " + Runtime.getRuntime().availableProcessors()
                    + " cores), got " + n);
        }
        return n;
    }

    static final int MAX_THREADS = 256;

    static LinearAlgebra backend(Args a) {
        try {
            return Backends.create(a.get("backend", "auto"), threads(a));
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }
}
