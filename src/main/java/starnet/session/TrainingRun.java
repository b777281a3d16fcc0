package starnet.session;

import starnet.data.Dataset;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;
import starnet.model.TrainingSnapshot;
import starnet.training.Cancellation;
import starnet.training.StarNetTrainer;

/**
 * One run of the trainer on the data in use, with the items its snapshots show. Confined to the
 * session's worker thread: only {@link WorkbenchSession} touches it, between or inside its tasks.
 */
final class TrainingRun {
    private final StarNetTrainer trainer;
    private final int[] pinned;
    private int snapshots;

    private TrainingRun(StarNetTrainer trainer, int[] pinned, int snapshotsSoFar) {
        this.trainer = trainer;
        this.pinned = pinned.clone();
        this.snapshots = snapshotsSoFar;
    }

    /**
     * A fresh run of {@code config} on the first {@code datapoints} items of {@code dataset}.
     * {@code interactive}: reserve the latents buffers now (costs memory; not for batch runs), so the window's first
     * steps do not allocate large arrays; {@link #warmUp} then runs once the first model is shown.
     */
    static TrainingRun start(StarNetConfig config, Dataset dataset, int datapoints, int[] pinned, LinearAlgebra la, boolean interactive) {
        Matrix data = rows(dataset, datapoints);
        starnet.training.LayerPasses passes = starnet.training.Engines.passes(config, la);
        starnet.model.Decoder initial = StarNetTrainer.initialDecoder(config, dataset.channels(), dataset.height(), dataset.width());
        starnet.training.MemoryEngine engine = new starnet.training.MemoryEngine(passes, data, StarNetTrainer.inputWidths(initial));
        if (interactive) engine.reserveLatents();
        StarNetTrainer t = new StarNetTrainer(passes, config.training(), engine, initial);
        if (interactive) t.prepareFirstSolve();
        return new TrainingRun(t, pinned, 0);
    }

    /** A run continuing from {@code state}; its snapshots are numbered on from {@code snapshotsSoFar}. */
    static TrainingRun restore(StarNetConfig config, Dataset dataset, int datapoints, int[] pinned, LinearAlgebra la,
                               StarNetTrainer.State state, int snapshotsSoFar) {
        return new TrainingRun(StarNetTrainer.restore(config, rows(dataset, datapoints), la, state), pinned, snapshotsSoFar);
    }

    /** The same trainer showing other items; the snapshots restart from {@code snapshotsSoFar}. */
    TrainingRun withPinned(int[] rows, int snapshotsSoFar) {
        return new TrainingRun(trainer, rows, snapshotsSoFar);
    }

    private static Matrix rows(Dataset d, int n) {
        return n < d.size() ? d.images().rowRange(0, n) : d.images();
    }

    /**
     * A throwaway one-epoch run on the first 512 items of this run's data, done while the user looks at the
     * initial state, so the JIT compiles the solver's loops now rather than while the window animates the first
     * steps. The real trainer is untouched; {@code stop} ends it early (a command came in: it has the worker).
     */
    void warmUp(StarNetConfig config, Dataset dataset, LinearAlgebra la, Cancellation stop) {
        Matrix data = trainer.data();
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

    int[] pinned() { return pinned.clone(); }

    TrainingSnapshot snapshot(StepResult step) {
        return trainer.snapshot(snapshots++, step, pinned);
    }

    /** Decodes one data row through the trained layers, for the item inspector (1 × D). */
    Matrix reconstructItem(int row) {
        return trainer.reconstructCurrent(new int[] {row});
    }
}
