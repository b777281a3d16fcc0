package starnet.session;

import starnet.model.Dataset;
import starnet.model.EngineSpec;
import starnet.model.StarNetConfig;

/**
 * The work a session holds: the configuration and where it trains, the data in use and the items shown, the model set
 * up from them with its run and what the run recorded, the file it belongs to, and what was computed from the data.
 * Mutable, and touched only on the session's worker; a discard keeps the old object whole so that undo can bring it back.
 */
final class Work {
    StarNetConfig config;
    /** Where the run trains (a run setting beside the configuration). */
    EngineSpec engine = EngineSpec.memory();
    /** The data in use: all its rows, or — when {@link #streamed} is set — the first of them, for the grids. */
    Dataset dataset;
    /** The rows the engine reads from a file when they are not all in the heap, else null. */
    Streamed streamed;
    /** The datapoints trained on (the configuration's limit applied, or the streamed rows). */
    int datapoints;
    int[] pinned = new int[0];
    ModelSetup setup = ModelSetup.NONE;
    TrainingRun run;
    final RunLog log = new RunLog();
    FileIdentity identity = FileIdentity.UNTITLED;
    DataFacts facts = DataFacts.NONE;
    long revision;
    /** The wait after each solve that the file this work was opened from kept (applied when it is opened). */
    long openedDelayMillis;
    /** An autosave of this run was skipped (its contents do not fit memory): said once. */
    boolean autosaveSkipped;
    /** That this run's images keep their latents after all (the executors' files could not be used) was said. */
    boolean latentFilesNoted;
    /** A finished run's latents as the files its engine's machines wrote, which its session names; null when none were kept. */
    starnet.model.LatentFiles finalLatents;

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
        w.identity = identity;
        w.facts = facts;
        return w;
    }

    /** The data changed: what was computed from it (PCA, baselines, held-out items) is computed again when next needed. */
    void forgetDataFacts() {
        facts = DataFacts.NONE;
    }

    boolean finished() {
        return run != null && run.trainer().isFinished();
    }

    /** SHA-256 of the values in use (the dataset remembers it). */
    String contentHash() {
        return dataset.contentHash(datapoints);
    }
}
