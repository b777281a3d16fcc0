package starnet.ui;

import starnet.training.TrainingSnapshot;
import starnet.data.Dataset;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.StarNetConfig;
import starnet.training.Cancellation;
import starnet.training.StarNetTrainer;
import starnet.training.StepResult;


/**
 * The trainer and the pinned items, touched only by the solver worker. Each method that changes the
 * trainer returns the snapshot(s) to publish.
 */
final class TrainingSession {
    private final StarNetTrainer trainer;
    private final Dataset dataset;
    private final int[] pinned;
    private int snapshots;

    /** @param pinned dataset rows shown in the grids; copied */
    TrainingSession(StarNetConfig config, Dataset dataset, int[] pinned, LinearAlgebra la) {
        this.dataset = dataset;
        this.pinned = pinned.clone();
        Matrix data = config.data().limit() > 0 && config.data().limit() < dataset.size()
                ? dataset.images().rowRange(0, config.data().limit()) : dataset.images();
        this.trainer = StarNetTrainer.create(config, data, dataset.channels(), dataset.height(), dataset.width(), la);
        trainer.reserveLatents(); // no large allocation (and no JVM stall) while the window trains
        warmUp(config, data, dataset, la);
        trainer.prepareFirstSolve();
    }

    /** A session continuing a saved run: the trainer restored from {@code state}, snapshots numbered on from {@code snapshotsSoFar}. */
    TrainingSession(StarNetConfig config, Dataset dataset, int[] pinned, LinearAlgebra la, StarNetTrainer.State state, int snapshotsSoFar) {
        this.dataset = dataset;
        this.pinned = pinned.clone();
        Matrix data = config.data().limit() > 0 && config.data().limit() < dataset.size()
                ? dataset.images().rowRange(0, config.data().limit()) : dataset.images();
        this.trainer = StarNetTrainer.restore(config, data, la, state);
        this.snapshots = snapshotsSoFar;
    }

    /**
     * A throwaway one-epoch run on the first 512 items, done while the user is still looking at the
     * initial state, so the JIT compiles the solver's loops now rather than while the window animates
     * the first steps. The real trainer is untouched.
     */
    private static void warmUp(StarNetConfig config, Matrix data, Dataset dataset, LinearAlgebra la) {
        int n = Math.min(512, data.rows());
        StarNetConfig small = config.withTraining(config.training().withMaxEpochs(1).withSwSampling(0, 1));
        try {
            StarNetTrainer.create(small, data.rowRange(0, n), dataset.channels(), dataset.height(), dataset.width(), la).trainAll(Cancellation.NEVER);
        } catch (RuntimeException e) {
            starnet.AppLog.error("warm-up run (harmless)", e); // e.g. too few items for the weights: the real run reports it
        }
    }

    StarNetTrainer trainer() { return trainer; }

    int[] pinned() { return pinned.clone(); }

    /** Number of datapoints the trainer uses (the dataset or its first {@code limit} items). */
    int datapoints() { return trainer.data().rows(); }

    TrainingSnapshot snapshot(StepResult step) {
        return trainer.snapshot(snapshots++, step, pinned);
    }

    /** Decodes one dataset row through the trained layers, for the item inspector. */
    Matrix reconstructItem(int row) {
        return trainer.reconstructCurrent(new int[] {row});
    }

    boolean isFinished() { return trainer.isFinished(); }

    Dataset dataset() { return dataset; }

    StepResult stepLatents(Cancellation c) { return trainer.stepLatents(c); }

    StepResult stepWeights(Cancellation c) { return trainer.stepWeights(c); }
}
