package starnet.training;

import starnet.math.Matrix;
import starnet.model.Decoder;

/**
 * Where the datapoints live while a decoder trains — in memory, in row stores on disk, in partitions on a cluster —
 * and the passes over them that one layer's solves need. The schedule ({@link StarNetTrainer}) owns the decoder, the
 * solves of the small systems and every decision; an engine owns the N-sized arrays: the images, each layer's
 * targets and latents, and the per-block work ({@link LayerPasses}) over them.
 * <p>
 * The current layer's targets are the images when it is the last layer, else the finished latents of the layer
 * above. A solve that fails or is cancelled leaves the engine as it was: SL's new latents are pending until
 * {@link #adoptLatents()}. Driven by one thread.
 */
public interface TrainingEngine extends AutoCloseable {
    /** Datapoints N. */
    int rows();

    /** Values per image D. */
    int pixels();

    /** Starts layer {@code layer} (0-based), without latents yet. */
    void startLayer(int layer);

    /** Whether the current layer has latents (after an SL, a random start or a restore). */
    boolean hasLatents();

    /** Gives the current layer the seeded N(0, 1) start of SW-first runs ({@link starnet.training.Initializer#randomLatentRows}). */
    void randomLatents(long seed);

    /** One-off work before the solves on the current targets (in memory: their a⁻¹(T) prepared); may do nothing. */
    default void prepare() {}

    /**
     * SL: every datapoint's latents for the current layer of {@code decoder}, kept pending; returns the layer's fit with
     * them (the output MSE through the layers above, below the last layer).
     */
    LayerFit solveLatents(Decoder decoder, LatentOperator op, Cancellation cancel);

    /**
     * SL as {@link #solveLatents}, and, where every pass over the datapoints is a job of its own (a cluster), in the same
     * pass SW's normal equations on the new latents — those {@link #normalEquations} would give for {@code rowSets} after
     * {@link #adoptLatents} — so that an epoch costs two passes, not three. Engines that pass over their data cheaply solve
     * only ({@code equations} null: the schedule asks for them when SW comes).
     */
    default Ahead solveLatentsAhead(Decoder decoder, LatentOperator op, int[][] rowSets, Cancellation cancel) {
        return new Ahead(solveLatents(decoder, op, cancel), null, 0);
    }

    /**
     * SL's fit, and SW's normal equations computed with it ({@code [set] = {Gram, right-hand sides}}, or null), with the
     * seconds of the pass that went to them.
     */
    record Ahead(LayerFit fit, Matrix[][] equations, double equationSeconds) {}

    /** Makes the latents of the last {@link #solveLatents} the current layer's. */
    void adoptLatents();

    /**
     * SW's normal equations of the current layer of {@code decoder} (its kind and shape; the weights are not used) with
     * the current latents, one pair per row set (see {@link WeightRows}; null = every row, one pair), summed over the
     * engine's blocks: {@code [set] = {Gram, right-hand sides}}.
     */
    Matrix[][] normalEquations(Decoder decoder, int[][] rowSets, Cancellation cancel);

    /** The fit of the current layer of {@code decoder} with the current latents. */
    LayerFit evaluate(Decoder decoder, Cancellation cancel);

    /** The current layer is done: its latents become its finished latents (the targets of the layer below, which the schedule starts next). */
    void finishLayer();

    /**
     * The rows whose latents are read after every step (the window's pinned items): an engine whose every read is a job
     * of its own (a cluster) brings theirs back with each SL, so {@link #latentRows} of these rows costs no pass. Others
     * may ignore it.
     */
    default void watch(int[] rows) {}

    /** Rows {@code rows} of the images (rows.length × D, a new matrix). */
    Matrix imageRows(int[] rows);

    /** Rows {@code rows} of the latents entering layer {@code layer}: its finished ones, else the current layer's; null if none yet. */
    Matrix latentRows(int layer, int[] rows);

    /** The current layer's latents as one matrix (N × d_in; shared in memory, read once elsewhere), or null if it has none. */
    Matrix currentLatents();

    /** Layer {@code layer}'s finished latents as one matrix (shared in memory, read once elsewhere), or null if not finished. */
    Matrix finishedLatents(int layer);

    /**
     * Layer {@code layer}'s finished latents in blocks of rows, for writing them out without holding them whole where
     * they are not in the heap already (a store a chunk at a time, a cluster a partition at a time); null if not finished.
     */
    default starnet.math.RowBlocks finishedLatentBlocks(int layer) {
        Matrix m = finishedLatents(layer);
        return m == null ? null : starnet.math.RowBlocks.of(m);
    }

    /**
     * Continues from a saved state: {@code finished[i]} the finished latents of layer i (or null), the current layer
     * {@code layer} (−1 when all are done) with {@code latents} (or null). Matrices are read, not kept, except in memory.
     */
    void restore(int layer, Matrix latents, Matrix[] finished);

    /**
     * Writes the latents it has (the finished layers' once, the current layer's each time unless {@code current} is false:
     * the seeded start, made again alike) as files under {@code dir}, from where they lie — each machine its own rows — so
     * that an image of the run need not bring them here; null when this engine does not (its latents are here already).
     */
    default starnet.model.LatentFiles writeLatents(String dir, boolean current) { return null; }

    /**
     * An image that refers to {@code kept} is safely written: the files of earlier images that it does not refer to are
     * no longer needed and may be removed.
     */
    default void imageWritten(starnet.model.LatentFiles kept) {}

    /** Continues from a saved state whose latents are in {@code files} (see {@link #writeLatents}): as {@link #restore(int, Matrix, Matrix[])}. */
    default void restore(int layer, starnet.model.LatentFiles files) {
        throw new IllegalStateException(describe() + " cannot read latents kept in files (" + files.dir() + "); continue the run on the engine that wrote them");
    }

    /** The arrays as matrices in this JVM's heap when the engine keeps them there (the inspector, latent maps and refinement read them), else null. */
    default InMemory inMemory() { return null; }

    /** The backends that ran the passes where they are not this process's (on Spark: each distinct executor backend); empty otherwise. */
    default java.util.List<String> remoteBackends() { return java.util.List.of(); }

    /** What the engine is and how it runs, in a few words (for the log and the metrics). */
    String describe();

    /** Frees what the engine holds (files, native memory, a cluster's cached partitions). */
    @Override
    void close();

    /** The engine's arrays in the heap: the images (N × D) and the current or finished latents. */
    interface InMemory {
        Matrix images();

        /**
         * Keeps {@code latents} (the current layer's, shared with an image of the run being written elsewhere) unchanged
         * until the returned action runs: no later solve writes into them meanwhile. Any thread may run the action, once or more.
         */
        Runnable hold(Matrix latents);
    }
}
