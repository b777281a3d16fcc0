package starnet.session;

import starnet.model.Dataset;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.Decoder;
import starnet.model.EngineSpec;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;
import starnet.model.TrainingSnapshot;
import starnet.training.Cancellation;
import starnet.training.Engines;
import starnet.training.StarNetTrainer;


/**
 * One run of the schedule on the data in use, on the engine the run setting names, with the items its snapshots
 * show. Confined to the session's worker thread: only {@link WorkbenchSession} touches it, between or inside its
 * tasks. {@link #close()} frees what the engine holds.
 */
final class TrainingRun implements AutoCloseable {
    private final StarNetTrainer trainer;
    private final EngineSpec engine;
    private final Runnable release;
    private final int[] pinned;
    private int snapshots;
    private java.util.List<String> remote; // the executors' backends, asked once
    private String latentFilesFailure;    // why the engine's latent files cannot serve as images, once found; null while they can

    private TrainingRun(StarNetTrainer trainer, EngineSpec engine, Runnable release, int[] pinned, int snapshotsSoFar) {
        this.trainer = trainer;
        this.engine = engine;
        this.release = release;
        this.pinned = pinned.clone();
        this.snapshots = snapshotsSoFar;
    }

    /**
     * A fresh run of {@code config} on the first {@code datapoints} items of {@code dataset} (or on {@code streamed},
     * null when the rows are in the dataset), on the engine {@code engine} names. {@code interactive}: reserve the
     * latents buffers now (costs memory; not for batch runs), so the window's first steps do not allocate large
     * arrays; {@link #warmUp} then runs once the first model is shown.
     */
    static TrainingRun start(StarNetConfig config, Dataset dataset, int datapoints, Streamed streamed, int[] pinned, EngineSpec engine,
                             LinearAlgebra la, boolean interactive) {
        Decoder initial = StarNetTrainer.initialDecoder(config, dataset.channels(), dataset.height(), dataset.width());
        RunEngines.Opened opened = RunEngines.open(engine, config, dataset, datapoints, streamed, la, StarNetTrainer.inputWidths(initial), interactive);
        try {
            StarNetTrainer t = new StarNetTrainer(Engines.passes(config, la), config.training(), opened.engine(), initial);
            if (streamed != null) t.keepNewestResidualsOnly();
            if (interactive) t.prepareFirstSolve();
            return new TrainingRun(t, engine, opened.release(), pinned, 0);
        } catch (RuntimeException e) {
            close(opened.engine(), opened.release());
            throw e;
        }
    }

    /** A run continuing from {@code state} on the engine {@code engine} names; its snapshots are numbered on from {@code snapshotsSoFar}. */
    static TrainingRun restore(StarNetConfig config, Dataset dataset, int datapoints, Streamed streamed, int[] pinned, EngineSpec engine,
                               LinearAlgebra la, StarNetTrainer.State state, int snapshotsSoFar) {
        RunEngines.Opened opened = RunEngines.open(engine, config, dataset, datapoints, streamed, la, StarNetTrainer.inputWidths(state.decoder()), false);
        try {
            StarNetTrainer t = StarNetTrainer.restore(Engines.passes(config, la), config.training(), opened.engine(), state);
            if (streamed != null) t.keepNewestResidualsOnly();
            return new TrainingRun(t, engine, opened.release(), pinned, snapshotsSoFar);
        } catch (RuntimeException e) {
            close(opened.engine(), opened.release());
            throw e;
        }
    }

    /** The same trainer showing other items; the snapshots restart from {@code snapshotsSoFar}. */
    TrainingRun withPinned(int[] rows, int snapshotsSoFar) {
        TrainingRun r = new TrainingRun(trainer, engine, release, rows, snapshotsSoFar);
        r.latentFilesFailure = latentFilesFailure;
        return r;
    }

    /**
     * A throwaway one-epoch run on the first 512 items of this run's data, done while the user looks at the
     * initial state, so the JIT compiles the solver's loops now rather than while the window animates the first
     * steps. The real trainer is untouched; {@code stop} ends it early (a command came in: it has the worker).
     */
    void warmUp(StarNetConfig config, Dataset dataset, LinearAlgebra la, Cancellation stop) {
        Matrix data = trainer.data();
        if (data == null) return; // not in memory: nothing to warm up with here
        int n = Math.min(512, data.rows());
        StarNetConfig small = config.withTraining(config.training().withMaxEpochs(1).withSwSampling(0, 1));
        try {
            StarNetTrainer.create(small, data.rowRange(0, n), dataset.channels(), dataset.height(), dataset.width(), la).trainAll(stop);
        } catch (starnet.training.CancelledException e) {
            // a command came in first; the JIT warms up on the real steps instead
        } catch (RuntimeException e) {
            AppLog.error("warm-up run (harmless)", e); // e.g. too few items for the weights: the real run reports it
        }
    }

    StarNetTrainer trainer() { return trainer; }

    /** The run setting this run trains with. */
    EngineSpec engine() { return engine; }

    int[] pinned() { return pinned.clone(); }

    TrainingSnapshot snapshot(StepResult step) {
        return trainer.snapshot(snapshots++, step, pinned);
    }

    /**
     * Whether the session contents of this run fit the heap: always in memory (its arrays are there already); out of core or
     * on Spark when the latents it has now (the finished layers' and the current layer's), read into the heap, take at
     * most half the data budget — before the first solve there are none, so a run's first image is always small.
     */
    boolean fitsASessionFile() {
        return fitsASessionFile(null);
    }

    /** {@link #fitsASessionFile()} for an image whose latents go to files under {@code latentsDir} where the engine writes them (null: none). */
    boolean fitsASessionFile(String latentsDir) {
        starnet.training.TrainingEngine engine = trainer.engine();
        if (engine.inMemory() != null || writesLatentFiles(latentsDir)) return true;
        int[] widths = StarNetTrainer.inputWidths(trainer.decoder());
        int current = trainer.currentLayer() - 1; // 0-based; −1 once every layer is done
        long values = 0;
        for (int i = 0; i < widths.length; i++) {
            if (i > current || (i == current && engine.hasLatents())) values += (long) widths[i] * engine.rows();
        }
        return values * 8 <= Runs.heapBudget() / 2;
    }

    /** Whether an image's latents go to files under {@code latentsDir}: asked for, an engine that keeps them out of this heap, and not failed yet. */
    private boolean writesLatentFiles(String latentsDir) {
        return latentsDir != null && engine.kind() != starnet.model.EngineKind.MEMORY && latentFilesFailure == null;
    }

    /**
     * The trainer's state for an image: its latents written as files under {@code latentsDir} by the machines that hold
     * them, where the engine can (see {@link starnet.training.TrainingEngine#writeLatents}); else, and from the first
     * time that fails (the files cannot be read back here), held in the state as usual. Worker only.
     */
    StarNetTrainer.State imageState(String latentsDir) {
        StarNetTrainer.State s = writesLatentFiles(latentsDir) ? writingLatents(latentsDir) : null;
        return s != null ? s : trainer.state();
    }

    /**
     * A finished run's latents written as files under {@code dir} by the machines that hold them (a finished layer's files
     * written for an image already are kept), everything else in {@code dir} removed (the images' files, an earlier stopped
     * process's among them); null when the engine does not write them (the run is whole without them). Worker only.
     */
    starnet.model.LatentFiles keepFinalLatents(String dir) {
        if (!trainer.isFinished() || !writesLatentFiles(dir)) return null;
        StarNetTrainer.State s = writingLatents(dir);
        if (s == null) return null;
        try { // the images' folders, this process's and those an earlier, stopped one left
            starnet.store.Locations.deleteAllBut(dir, s.files().layers().stream().filter(java.util.Objects::nonNull).toList());
        } catch (java.io.IOException | RuntimeException e) {
            AppLog.error("removing the images' latents in " + dir, e);
        }
        return s.files();
    }

    /** The trainer's state with its latents written as files under {@code dir}, or null — the reason kept — when they could not be. */
    private StarNetTrainer.State writingLatents(String dir) {
        try {
            StarNetTrainer.State s = trainer.stateWritingLatents(dir);
            if (s == null) latentFilesFailure = trainer.engine().describe() + " does not write its latents as files";
            return s;
        } catch (Exception e) { // Spark's failures are checked exceptions thrown unchecked
            AppLog.error("writing the latents into " + dir, e);
            latentFilesFailure = e instanceof java.io.UncheckedIOException u ? u.getCause().getMessage() : "the latents could not be written into " + dir;
            return null;
        }
    }

    /** Why this run's images hold their latents after all (the files could not be used), or null while they can. */
    String latentFilesFailure() { return latentFilesFailure; }

    /** An image that refers to {@code kept} is written: the engine may remove older latent files. Worker only. */
    void imageWritten(starnet.model.LatentFiles kept) {
        if (kept == null) return;
        try {
            trainer.engine().imageWritten(kept);
        } catch (RuntimeException e) {
            AppLog.error("removing latent files older than " + kept, e); // they go with the run's folder at its end
        }
    }

    /**
     * Where this run's model comes from: the data ({@code hash} of its values, "" when not hashed), the engine, the
     * backends that solved, the precision.
     */
    starnet.model.Provenance provenance(StarNetConfig config, long datapoints, String hash) {
        java.util.List<String> backends = new java.util.ArrayList<>();
        backends.add(trainer.linearAlgebra().description() + (engine.kind() == starnet.model.EngineKind.SPARK ? " (driver)" : ""));
        if (remote == null) {
            try {
                remote = java.util.List.copyOf(trainer.engine().remoteBackends());
            } catch (RuntimeException e) {
                AppLog.error("asking the executors for their backends", e);
                remote = java.util.List.of();
            }
        }
        for (String b : remote) backends.add(b + " (executors)");
        String stored = switch (engine.kind()) {
            case MEMORY -> "data and latents in float64 in memory";
            case STORE -> "data and latents in " + (engine.precision() == starnet.model.StoragePrecision.F32 ? "float32" : "float64") + " row stores";
            case SPARK -> "data and latents in float64 partitions";
        };
        String measured = Engines.measuresInSingle(trainer.linearAlgebra()) ? "; fits measured in float32 products" : "";
        return new starnet.model.Provenance(starnet.io.Version.get(), config.data().source(), config.data().split(), datapoints, hash, engine.kind(),
                trainer.engine().describe(), backends, stored + "; solves in float64" + measured);
    }

    /** Decodes one data row through the trained layers, for the item inspector (1 × D). */
    Matrix reconstructItem(int row) {
        return trainer.reconstructCurrent(new int[] {row});
    }

    /** Frees the engine's files, native memory or cached partitions (a temporary store folder is deleted). */
    @Override
    public void close() {
        close(trainer.engine(), release);
    }

    private static void close(starnet.training.TrainingEngine engine, Runnable release) {
        try {
            engine.close();
        } catch (RuntimeException e) {
            AppLog.error("closing a training engine", e);
        } finally {
            release.run();
        }
    }
}
