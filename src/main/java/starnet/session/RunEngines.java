package starnet.session;

import starnet.model.Dataset;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.math.PixelBytes;
import starnet.model.EngineSpec;
import starnet.model.StarNetConfig;
import starnet.store.RowSource;
import starnet.store.RowStore;
import starnet.store.StoreEngine;
import starnet.store.StoreFolder;
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

    /** An engine and what frees its folder when the run is closed: the store's lock released, a temporary folder deleted. */
    record Opened(TrainingEngine engine, Runnable release) {}

    /** What an engine without a folder of its own frees: nothing. */
    private static void nothing() {}

    /**
     * The engine {@code spec} names over the first {@code datapoints} rows of {@code dataset} — or over {@code streamed},
     * when the rows are in a file (the dataset then holds only the first of them; its store is held by the caller).
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
                MemoryEngine m = dataset.held() instanceof PixelBytes bytes
                        ? new MemoryEngine(passes, bytes.firstRows(datapoints), () -> rows(dataset, datapoints), inputWidths)
                        : new MemoryEngine(passes, rows(dataset, datapoints), inputWidths);
                if (interactive) m.reserveLatents();
                return new Opened(m, RunEngines::nothing);
            }
            case STORE -> {
                Path dir = null, temporary = null;
                StoreFolder folder = null;
                try {
                    if (spec.store() == null) temporary = Cleanup.temporary(Files.createTempDirectory("starnet-store"));
                    dir = spec.store() != null ? Path.of(spec.store()) : temporary;
                    if (streamed != null) {
                        Files.createDirectories(dir);
                        return new Opened(new StoreEngine(passes, RowSource.open(streamed.file(), streamed.divisor()), dir.resolve(StoreFolder.WORK),
                                spec.precision(), spec.chunk(), inputWidths), release(null, temporary));
                    }
                    folder = StoreFolder.take(dir);
                    RowSource source = written(dataset, datapoints, config, spec, folder);
                    return new Opened(new StoreEngine(passes, source, folder.work(), spec.precision(), spec.chunk(), inputWidths), release(folder, temporary));
                } catch (IOException | RuntimeException e) {
                    release(folder, temporary).run();
                    if (e instanceof RuntimeException r) throw r;
                    throw new UserError("Could not set up the out-of-core store in " + dir + ": " + starnet.model.IoMessages.describe((IOException) e, dir) + ".");
                }
            }
            case SPARK -> {
                return new Opened(SparkRuns.engine(spec, config, dataset, datapoints, streamed, inputWidths, la), RunEngines::nothing);
            }
        }
        throw new IllegalStateException("unknown engine " + spec.kind());
    }

    private static Runnable release(StoreFolder folder, Path temporary) {
        return () -> {
            try {
                if (folder != null) folder.close();
            } catch (IOException e) {
                AppLog.error("releasing a store folder", e);
            } finally {
                if (temporary != null) Cleanup.deleteTree(temporary);
            }
        };
    }

    /** The data in use in {@code folder}'s row store: reused when the store holds this very data, else written. */
    private static RowSource written(Dataset dataset, int datapoints, StarNetConfig config, EngineSpec spec, StoreFolder folder) throws IOException {
        int n = Math.min(datapoints, dataset.size()), cols = dataset.pixels();
        StoreFolder.Contents want = Runs.contents(config, spec, n, cols, dataset.contentHash(n));
        try {
            return folder.open(want, () -> {
                RowStore s = folder.create(n, cols, spec.precision());
                try { // a chunk at a time: images kept as bytes are widened by the chunk, not whole
                    int chunk = Math.max(1, Math.min(spec.chunk(), 1 << 20));
                    for (int from = 0; from < n; from += chunk) s.write(from, dataset.rows(from, Math.min(n, from + chunk)));
                    return s;
                } catch (RuntimeException e) {
                    s.close();
                    throw e;
                }
            }).store();
        } catch (IOException | RuntimeException e) {
            throw unwritten(folder, e);
        }
    }

    /**
     * A store that could not be written (its partial file removed already), as the person is told: a file the system
     * refused (a full disk) in plain words; anything else — a damaged source, a store of other data — as it is.
     */
    static RuntimeException unwritten(StoreFolder folder, Exception e) throws IOException {
        Throwable io = e instanceof UncheckedIOException u ? u.getCause() : e;
        if (io instanceof IOException x && !(e instanceof starnet.model.DataException)) {
            return new UserError("Could not write the row store in " + folder.dir() + ": " + starnet.model.IoMessages.describe(x, folder.dir())
                    + " (the partial store was removed; nothing else changed).");
        }
        if (e instanceof IOException x) throw x;
        return (RuntimeException) e;
    }

    static Matrix rows(Dataset d, int n) {
        return n < d.size() ? d.rows(0, n) : d.images();
    }
}
