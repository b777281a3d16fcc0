package starnet.session;

import starnet.baseline.Pca;
import starnet.model.Dataset;
import starnet.model.DeterminednessReport;
import starnet.model.LayerPlan;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;
import starnet.model.TrainingSnapshot;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The work a session holds: configuration, data, pinned items, the run with its history, and the
 * file it belongs to. Mutable, and touched only on the session's worker; a discard keeps the old
 * object whole so that undo can bring it back.
 */
final class Work {
    StarNetConfig config;
    /** Where the run trains (a run setting beside the configuration). */
    starnet.model.EngineSpec engine = starnet.model.EngineSpec.memory();
    /** The data in use: all its rows, or — when {@link #streamed} is set — the first of them, for the grids. */
    Dataset dataset;
    /** The rows the engine reads from a file when they are not all in the heap, else null. */
    Streamed streamed;
    int datapoints;
    List<LayerPlan> plan;
    DeterminednessReport report;
    String problem = "";
    int[] pinned = new int[0];
    TrainingRun run;
    final List<TrainingSnapshot> history = new ArrayList<>();
    final List<StepResult> steps = new ArrayList<>();
    /** Per step, the output MSE of held-out items inferred down to that step's layer (paper Lemma 3), NaN where not measured. */
    final List<Double> heldOut = new ArrayList<>();
    /** Items not trained on (the test split of a sample, or items past the limit), or null when there are none; loaded once. */
    starnet.model.Dataset heldOutData;
    boolean heldOutLooked;
    /** Solver inspections of this run's steps, by step index (the newest on demand; every step while asked for). */
    final java.util.Map<Integer, starnet.model.SystemInspection> inspections = new java.util.TreeMap<>();
    /** The latest latent map of this run, or null. */
    starnet.model.LatentMap latentMap;
    Path file;
    /** An autosave of this run was skipped (its contents do not fit memory): said once. */
    boolean autosaveSkipped;
    long revision;
    long savedRevision;
    Pca pca;
    /** Fig. 6's references, and the configuration they were computed for (they hold while its data and architecture do). */
    starnet.model.Baselines baselines;
    StarNetConfig baselinesFor;
    Work(StarNetConfig config) {
        this.config = config;
    }

    /** The same configuration, data, pins and file, with no run yet (what a discard starts from). */
    Work successor() {
        Work w = new Work(config);
        w.engine = engine;
        w.dataset = dataset;
        w.streamed = streamed;
        w.datapoints = datapoints;
        w.pinned = pinned;
        w.file = file;
        w.savedRevision = savedRevision;
        w.pca = pca;
        w.baselines = baselines;
        w.baselinesFor = baselinesFor;
        w.heldOutData = heldOutData;
        w.heldOutLooked = heldOutLooked;
        return w;
    }

    /** The data changed: what was computed from it (PCA, held-out items) is computed again when next needed. */
    void forgetDataFacts() {
        pca = null;
        baselines = null;
        heldOutData = null;
        heldOutLooked = false;
    }

    /** The baselines when they were computed for this data and architecture, else null. */
    starnet.model.Baselines currentBaselines() {
        if (baselines == null || baselinesFor == null) return null;
        boolean same = baselinesFor.data().equals(config.data()) && baselinesFor.architecture().equals(config.architecture())
                && baselinesFor.training().seed() == config.training().seed();
        return same ? baselines : null;
    }

    /** Differs from its file: untitled work with trained steps, or any change since the last save or open. */
    boolean dirty() {
        return file == null ? !steps.isEmpty() : revision != savedRevision;
    }

    boolean finished() {
        return run != null && run.trainer().isFinished();
    }

    /** SHA-256 of the values in use (the dataset remembers it). */
    String contentHash() {
        return dataset.contentHash(datapoints);
    }
}
