package starnet.training;

import starnet.math.Matrix;
import starnet.math.PixelBytes;
import starnet.math.Rows;
import starnet.model.ConvUnpoolLayer;
import starnet.model.Decoder;
import starnet.model.Layer;

import java.util.function.Supplier;

/**
 * The engine whose arrays are matrices in the heap: the images X (N × D, read only, never copied), every finished
 * layer's latents and the current layer's. SL writes into a spare buffer of the latents' shape, so steps allocate no
 * large arrays; the current targets' a⁻¹(T) is prepared once per layer in native memory ({@link LayerSystem#prepareTargets}).
 * <p>
 * Images may be held as 8-bit pixels ({@link PixelBytes}, an eighth of the doubles): dense layers' solves widen the
 * rows they load, a chunk at a time; a convolutional layer's passes, whose solvers read doubles, go over the rows in
 * blocks of at most {@link ChunkedRows#CHUNK_DOUBLES} values per matrix widened into work buffers kept for the run —
 * the same solves on the same values, summed by blocks.
 */
public final class MemoryEngine implements TrainingEngine, TrainingEngine.InMemory {
    private final LayerPasses passes;
    private final Rows data;             // X: doubles, or 8-bit pixels
    private final Supplier<Matrix> widened; // X as doubles on demand, for readers of the whole (held as bytes)
    private final Blocks blocks;         // work buffers of the convolutional passes by blocks (held as bytes), else null
    private final int[] inputWidths;
    private final Matrix[] finished;
    private Matrix[][] reserved;  // optional: two latents buffers per layer, allocated up front (see reserveLatents)
    private int layer;
    private Rows targets;         // T: N × d_out of the current layer (X itself for the last layer)
    private Matrix latents;       // H: N × d_in of the current layer, or null
    private Matrix spare;         // a free buffer of H's shape: the next SL writes here, then the two swap
    private Matrix pending;       // the last SL's latents, not yet adopted
    /** Latents an image being written shares (by identity): no SL writes into them until released (any thread). */
    private final java.util.Map<Matrix, Integer> held = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * @param data        X, N × D with pixels in [0, 1]; read only, never copied
     * @param inputWidths d_in of every layer, first to last
     */
    public MemoryEngine(LayerPasses passes, Matrix data, int[] inputWidths) {
        this(passes, data, () -> data, inputWidths);
    }

    /**
     * The images as 8-bit pixels, widened where they are read.
     *
     * @param pixels      X, N × D, read only, never copied
     * @param widened     X as doubles, for readers of the whole (the inspector, latent maps): made when first asked
     * @param inputWidths d_in of every layer, first to last
     */
    public MemoryEngine(LayerPasses passes, PixelBytes pixels, Supplier<Matrix> widened, int[] inputWidths) {
        this(passes, (Rows) pixels, widened, inputWidths);
    }

    private MemoryEngine(LayerPasses passes, Rows data, Supplier<Matrix> widened, int[] inputWidths) {
        this.passes = passes;
        this.data = data;
        this.widened = widened;
        this.blocks = data instanceof PixelBytes ? new Blocks() : null;
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

    /** X as doubles: for images held as bytes, widened when first asked (by the supplier given). */
    @Override public Matrix images() { return data instanceof Matrix m ? m : widened.get(); }

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
        if (targets instanceof Matrix t) passes.system().prepareTargets(t);
    }

    @Override
    public LayerFit solveLatents(Decoder decoder, LatentOperator op, Cancellation cancel) {
        pending = null;
        if (byBlocks(decoder)) return solveByBlocks(decoder, op, null, null, cancel).fit();
        LayerSystem.LatentSolve ls = passes.solveLatents(decoder, layer, op, targets, images(decoder), freeBuffer(), cancel);
        pending = ls.latents();
        return ls.fit();
    }

    /**
     * Over images held as bytes, SL and — in the same pass over the blocks, on each block's new latents and the targets
     * widened for it already — the normal equations of the SW that follows; as doubles, SL only.
     */
    @Override
    public Ahead solveLatentsAhead(Decoder decoder, LatentOperator op, int[][] rowSets, Cancellation cancel) {
        if (!byBlocks(decoder)) return TrainingEngine.super.solveLatentsAhead(decoder, op, rowSets, cancel);
        pending = null;
        return solveByBlocks(decoder, op, new Matrix[rowSets == null ? 1 : rowSets.length][], rowSets, cancel);
    }

    /**
     * SL by blocks of widened pixels into a free buffer, kept pending; with each block's SW normal equations added to
     * {@code equations} when given (null: SL only), and the seconds they took.
     */
    private Ahead solveByBlocks(Decoder decoder, LatentOperator op, Matrix[][] equations, int[][] rowSets, Cancellation cancel) {
        Layer current = decoder.layers().get(layer);
        Matrix out = freeBuffer();
        long[] nanos = {0};
        LayerFit fit = blocks.pass(decoder, cancel, (from, to, t, x) -> {
            LayerSystem.LatentSolve ls = passes.solveLatents(decoder, layer, op, t, x, blocks.buffer(Blocks.OUT, to - from, out.cols()), cancel);
            out.setRows(from, ls.latents());
            if (equations != null) {
                long e0 = System.nanoTime();
                passes.addNormalEquations(equations, current, ls.latents(), t, rowSets, from, to, cancel);
                nanos[0] += System.nanoTime() - e0;
            }
            return ls.fit();
        });
        pending = out;
        return new Ahead(fit, equations, nanos[0] / 1e9);
    }

    /** A buffer for the next SL's latents that holds nothing still in use (by the run, or by an image being written). */
    private Matrix freeBuffer() {
        if (spare != null && !held.containsKey(spare)) return spare;
        if (reserved != null) {
            for (Matrix m : reserved[layer]) if (m != latents && !held.containsKey(m)) return m;
        }
        return new Matrix(data.rows(), inputWidths[layer]);
    }

    @Override
    public Runnable hold(Matrix m) {
        held.merge(m, 1, Integer::sum);
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        return () -> {
            if (done.compareAndSet(false, true)) held.computeIfPresent(m, (k, c) -> c == 1 ? null : c - 1);
        };
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
        if (byBlocks(decoder)) return blocks.normalEquations(current, rowSets, cancel);
        Matrix[][] sum = new Matrix[rowSets == null ? 1 : rowSets.length][];
        passes.addNormalEquations(sum, current, latents, targets, rowSets, 0, data.rows(), cancel); // one block: every row
        return sum;
    }

    @Override
    public LayerFit evaluate(Decoder decoder, Cancellation cancel) {
        if (byBlocks(decoder)) {
            return blocks.pass(decoder, cancel, (from, to, t, x) -> passes.evaluate(decoder, layer, blocks.rows(Blocks.LATENTS, latents, from, to), t, x, cancel));
        }
        return passes.evaluate(decoder, layer, latents, targets, images(decoder), cancel);
    }

    /** The images for the output check: below the last layer only. */
    private Rows images(Decoder decoder) {
        return layer == decoder.depth() - 1 ? null : data;
    }

    /** Whether the current layer's passes go by blocks of widened pixels: a convolutional layer over images held as bytes. */
    private boolean byBlocks(Decoder decoder) {
        return blocks != null && decoder.layers().get(layer) instanceof ConvUnpoolLayer;
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
        if (index >= 0 && index < finished.length - 1 && targets == null) {
            throw new IllegalArgumentException("saved state lacks the latents of layer " + (index + 2));
        }
        latents = current;
    }

    @Override
    public String describe() {
        return data instanceof PixelBytes ? "in memory (8-bit images)" : "in memory";
    }

    @Override
    public void close() {
        passes.releaseWorkMemory();
    }

    /**
     * A convolutional layer's passes by blocks of rows over images held as bytes, and their work buffers (kept for the run:
     * one per role and block height, so the balanced blocks of a pass reuse the same few arrays).
     */
    private final class Blocks {
        static final int IMAGES = 0, TARGETS = 1, LATENTS = 2, OUT = 3;
        private final java.util.Map<Long, Matrix> buffers = new java.util.HashMap<>();

        /** What a pass does with rows [from, to): their targets and images (null on the last layer); returns their fit. */
        interface BlockFit {
            LayerFit fit(int from, int to, Matrix targets, Matrix images);
        }

        /** The work buffer of {@code role}, {@code rows} × {@code cols} (its contents are the last ones written). */
        Matrix buffer(int role, int rows, int cols) {
            return buffers.compute(((long) role << 32) | rows, (k, m) -> m != null && m.cols() == cols ? m : new Matrix(rows, cols));
        }

        /** Rows [from, to) of {@code m}, copied into the buffer of {@code role}. */
        Matrix rows(int role, Matrix m, int from, int to) {
            Matrix b = buffer(role, to - from, m.cols());
            System.arraycopy(m.data(), from * m.cols(), b.data(), 0, b.data().length);
            return b;
        }

        /** Images [from, to) widened into the buffer of {@code role}. */
        Matrix images(int role, int from, int to) {
            PixelBytes pixels = (PixelBytes) data;
            Matrix b = buffer(role, to - from, pixels.cols());
            pixels.widen(from, to, b.data(), 0);
            return b;
        }

        /**
         * Rows [from, to) of the current layer's targets: the images widened, or the finished latents of the layer above;
         * their sign told to the solves (pixels are ≥ 0; latents are inverted through the activation without a scan).
         */
        Matrix targets(int from, int to) {
            boolean pixels = targets == data;
            Matrix t = pixels ? images(IMAGES, from, to) : rows(TARGETS, (Matrix) targets, from, to);
            passes.system().knownSign(t, pixels);
            return t;
        }

        /** Rows per block: at most {@link ChunkedRows#CHUNK_DOUBLES} values in the widest matrix of the layer, balanced. */
        int height() {
            int width = Math.max(Math.max(data.cols(), inputWidths[layer]), targets.cols());
            return ChunkedRows.balancedRows(data.rows(), width);
        }

        LayerFit pass(Decoder decoder, Cancellation cancel, BlockFit body) {
            boolean last = layer == decoder.depth() - 1;
            int n = data.rows(), step = height();
            FitTotals totals = new FitTotals(n, decoder.layers().get(layer).outputWidth(), data.cols());
            for (int from = 0; from < n; from += step) {
                cancel.check();
                int to = Math.min(n, from + step);
                totals.add(body.fit(from, to, targets(from, to), last ? null : images(IMAGES, from, to)), from, to - from);
            }
            return totals.fit(last);
        }

        Matrix[][] normalEquations(Layer current, int[][] rowSets, Cancellation cancel) {
            Matrix[][] sum = new Matrix[rowSets == null ? 1 : rowSets.length][];
            int n = data.rows(), step = height();
            for (int from = 0; from < n; from += step) {
                cancel.check();
                int to = Math.min(n, from + step);
                passes.addNormalEquations(sum, current, rows(LATENTS, latents, from, to), targets(from, to), rowSets, from, to, cancel);
            }
            return sum;
        }
    }
}
