package starnet.training;

import starnet.math.Matrix;
import starnet.model.Decoder;
import starnet.model.Layer;

/**
 * The engine whose arrays are matrices in the heap: the images X (N × D, read only, never copied), every finished
 * layer's latents and the current layer's. SL writes into a spare buffer of the latents' shape, so steps allocate no
 * large arrays; the current targets' a⁻¹(T) is prepared once per layer in native memory ({@link LayerSystem#prepareTargets}).
 */
public final class MemoryEngine implements TrainingEngine, TrainingEngine.InMemory {
    private final LayerPasses passes;
    private final Matrix data;
    private final int[] inputWidths;
    private final Matrix[] finished;
    private Matrix[][] reserved;  // optional: two latents buffers per layer, allocated up front (see reserveLatents)
    private int layer;
    private Matrix targets;       // T: N × d_out of the current layer (X itself for the last layer)
    private Matrix latents;       // H: N × d_in of the current layer, or null
    private Matrix spare;         // a free buffer of H's shape: the next SL writes here, then the two swap
    private Matrix pending;       // the last SL's latents, not yet adopted

    /**
     * @param data        X, N × D with pixels in [0, 1]; read only, never copied
     * @param inputWidths d_in of every layer, first to last
     */
    public MemoryEngine(LayerPasses passes, Matrix data, int[] inputWidths) {
        this.passes = passes;
        this.data = data;
        this.inputWidths = inputWidths.clone();
        this.finished = new Matrix[inputWidths.length];
        startLayer(inputWidths.length - 1);
    }

    /**
     * Allocates both latents buffers of every layer now (2 × N × d_in each), so that training allocates no large
     * arrays: the JVM zeroes a large new array without pausing for safepoints, which stalls every thread, the UI's
     * included. For interactive use; costs the memory up front.
     */
    public void reserveLatents() {
        reserved = new Matrix[inputWidths.length][2];
        for (int i = 0; i < inputWidths.length; i++) {
            reserved[i][0] = new Matrix(data.rows(), inputWidths[i]);
            reserved[i][1] = new Matrix(data.rows(), inputWidths[i]);
        }
    }

    @Override public int rows() { return data.rows(); }

    @Override public int pixels() { return data.cols(); }

    @Override public Matrix images() { return data; }

    @Override public InMemory inMemory() { return this; }

    @Override
    public void startLayer(int index) {
        layer = index;
        targets = index < 0 ? null : index == inputWidths.length - 1 ? data : finished[index + 1];
        latents = null;
        spare = null;
        pending = null;
    }

    @Override public boolean hasLatents() { return latents != null; }

    @Override
    public void randomLatents(long seed) {
        latents = Initializer.randomLatents(data.rows(), inputWidths[layer], seed, layer);
    }

    @Override
    public void prepare() {
        if (targets != null) passes.system().prepareTargets(targets);
    }

    @Override
    public LayerFit solveLatents(Decoder decoder, LatentOperator op, Cancellation cancel) {
        pending = null;
        LayerSystem.LatentSolve ls = passes.solveLatents(decoder, layer, op, targets, images(decoder), freeBuffer(), cancel);
        pending = ls.latents();
        return ls.fit();
    }

    /** A buffer for the next SL's latents that holds nothing still in use. */
    private Matrix freeBuffer() {
        if (spare != null) return spare;
        if (reserved != null) {
            for (Matrix m : reserved[layer]) if (m != latents) return m;
        }
        return new Matrix(data.rows(), inputWidths[layer]);
    }

    @Override
    public void adoptLatents() {
        if (pending == null) throw new IllegalStateException("no latents solved to adopt");
        if (pending != latents) {
            spare = latents; // the previous latents are free now: the next SL overwrites them (no 100 MB allocation per step)
            latents = pending;
        }
        pending = null;
    }

    @Override
    public Matrix[][] normalEquations(Decoder decoder, int[][] rowSets, Cancellation cancel) {
        Layer current = decoder.layers().get(layer);
        if (rowSets == null) return new Matrix[][] {passes.normalEquations(current, latents, targets, cancel)};
        Matrix[][] out = new Matrix[rowSets.length][];
        for (int i = 0; i < rowSets.length; i++) {
            out[i] = passes.normalEquations(current, latents.selectRows(rowSets[i]), targets.selectRows(rowSets[i]), cancel);
        }
        return out;
    }

    @Override
    public LayerFit evaluate(Decoder decoder, Cancellation cancel) {
        return passes.evaluate(decoder, layer, latents, targets, images(decoder), cancel);
    }

    /** The images for the output check: below the last layer only. */
    private Matrix images(Decoder decoder) {
        return layer == decoder.depth() - 1 ? null : data;
    }

    @Override
    public void finishLayer() {
        finished[layer] = latents;
    }

    @Override
    public Matrix imageRows(int[] rows) { return data.selectRows(rows); }

    @Override
    public Matrix latentRows(int index, int[] rows) {
        Matrix h = finished[index] != null ? finished[index] : index == layer ? latents : null;
        return h == null ? null : h.selectRows(rows);
    }

    @Override public Matrix currentLatents() { return latents; }

    @Override public Matrix finishedLatents(int index) { return finished[index]; }

    @Override
    public void restore(int index, Matrix current, Matrix[] finishedLatents) {
        if (finishedLatents.length != finished.length) {
            throw new IllegalArgumentException("saved state has " + finishedLatents.length + " layers of latents, the decoder " + finished.length);
        }
        System.arraycopy(finishedLatents, 0, finished, 0, finished.length);
        startLayer(index);
        if (index >= 0 && targets == null) throw new IllegalArgumentException("saved state lacks the latents of layer " + (index + 2));
        latents = current;
    }

    @Override
    public String describe() {
        return "in memory";
    }

    @Override
    public void close() {
        passes.releaseWorkMemory();
    }
}
