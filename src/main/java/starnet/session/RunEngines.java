package starnet.session;

import starnet.model.Dataset;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.EngineSpec;
import starnet.model.StarNetConfig;
import starnet.store.RowSource;
import starnet.store.RowStore;
import starnet.store.StoreEngine;
import starnet.training.LayerPasses;
import starnet.training.MemoryEngine;
import starnet.training.TrainingEngine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The one place where a run setting becomes a training engine over a work's data. */
final class RunEngines {
    private RunEngines() {}

    /** An engine and the temporary folder it works in (deleted when the run is closed), or null. */
    record Opened(TrainingEngine engine, Path temporary) {}

    /**
     * The engine {@code spec} names over the first {@code datapoints} rows of {@code dataset} — or over {@code streamed},
     * when the rows are in a file (the dataset then holds only the first of them).
     *
     * @param interactive reserve the in-memory latents up front (the window: no large allocation while it animates)
     */
    static Opened open(EngineSpec spec, StarNetConfig config, Dataset dataset, int datapoints, Streamed streamed, LinearAlgebra la,
                       int[] inputWidths, boolean interactive) {
        LayerPasses passes = starnet.training.Engines.passes(config, la);
        switch (spec.kind()) {
            case MEMORY -> {
                if (streamed != null) throw new UserError("This data is not in memory (" + streamed.rows() + " rows in " + streamed.file()
                        + "); train it out of core or on Spark.");
                MemoryEngine m = new MemoryEngine(passes, rows(dataset, datapoints), inputWidths);
                if (interactive) m.reserveLatents();
                return new Opened(m, null);
            }
            case STORE -> {
                Path dir = null, temporary = null;
                try {
                    dir = spec.store() != null ? Files.createDirectories(Path.of(spec.store())) : (temporary = Cleanup.temporary(Files.createTempDirectory("starnet-store")));
                    RowSource source = streamed != null ? RowSource.open(streamed.file(), streamed.divisor())
                            : written(rows(dataset, datapoints), dir.resolve("data.bin"), spec);
                    return new Opened(new StoreEngine(passes, source, dir.resolve("work"), spec.precision(), spec.chunk(), inputWidths), temporary);
                } catch (IOException e) {
                    if (temporary != null) Cleanup.deleteTree(temporary);
                    throw new UserError("Could not set up the out-of-core store in " + dir + ": " + starnet.model.IoMessages.describe(e, dir) + ".");
                }
            }
            case SPARK -> {
                return new Opened(SparkRuns.engine(spec, config, dataset, datapoints, streamed, inputWidths), null);
            }
        }
        throw new IllegalStateException("unknown engine " + spec.kind());
    }

    /** The data in use written to a new row store at {@code file} (an existing one there is replaced). */
    private static RowSource written(Matrix data, Path file, EngineSpec spec) throws IOException {
        RowStore s = RowStore.create(file, data.rows(), data.cols(), spec.precision());
        try {
            int chunk = Math.max(1, Math.min(spec.chunk(), 1 << 20) );
            for (int from = 0; from < data.rows(); from += chunk) s.write(from, data.rowRange(from, Math.min(data.rows(), from + chunk)));
            return s;
        } catch (UncheckedIOException e) {
            s.close();
            throw e.getCause();
        }
    }

    static Matrix rows(Dataset d, int n) {
        return n < d.size() ? d.images().rowRange(0, n) : d.images();
    }
}
