package starnet.store;

import starnet.model.StoragePrecision;
import starnet.math.Matrix;
import starnet.model.Decoder;
import starnet.model.Layer;
import starnet.training.Cancellation;
import starnet.training.FitTotals;
import starnet.training.Initializer;
import starnet.training.LatentOperator;
import starnet.training.LayerFit;
import starnet.training.LayerPasses;
import starnet.training.LayerSystem;
import starnet.training.TrainingEngine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The engine whose datapoints are on disk: the images in a row source (a row store, or a .npy file read in place) and
 * every layer's latents in row stores in one folder, read and written chunk by chunk through the same per-block
 * passes as in memory. SL writes a chunk's latents to a new store (paper Lemma 2: independent per datapoint), adopted
 * once the pass is complete; SW sums the chunks' normal equations (the same system as in memory). The heap holds a
 * few chunks, the layers and one residual per datapoint, whatever N is.
 * <p>
 * Files in its folder: {@code latents-L.g.bin} (layer L's latents, generation g); a finished layer keeps its last one.
 */
public final class StoreEngine implements TrainingEngine {
    private final LayerPasses passes;
    private final RowSource images;
    private final Path dir;
    private final StoragePrecision precision;
    private final int chunk;
    private final int[] inputWidths;
    private final RowStore[] finished;
    private final int n;
    private int layer;
    private RowStore latents, pending;
    private int generation;
    private final LatentImages written;

    /**
     * @param images      the images, N × D (owned: closed with the engine)
     * @param dir         where the latents stores go (created if missing)
     * @param chunk       rows per chunk, ≥ 1
     * @param inputWidths d_in of every layer, first to last
     */
    public StoreEngine(LayerPasses passes, RowSource images, Path dir, StoragePrecision precision, int chunk, int[] inputWidths) throws IOException {
        if (chunk < 1) throw new IllegalArgumentException("chunk rows must be at least 1, got " + chunk);
        if (images.rows() > Integer.MAX_VALUE - 16) throw new IllegalArgumentException(images.rows() + " datapoints: at most " + (Integer.MAX_VALUE - 16));
        this.passes = passes;
        this.images = images;
        this.dir = Files.createDirectories(dir);
        this.precision = precision;
        this.chunk = chunk;
        this.inputWidths = inputWidths.clone();
        this.finished = new RowStore[inputWidths.length];
        this.n = (int) images.rows();
        this.written = new LatentImages(inputWidths.length);
        startLayer(inputWidths.length - 1);
    }

    @Override public int rows() { return n; }

    @Override public int pixels() { return images.cols(); }

    /** The folder of the latents stores. */
    public Path folder() { return dir; }

    @Override
    public void startLayer(int index) {
        dropPending();
        layer = index;
        latents = null;
    }

    @Override public boolean hasLatents() { return latents != null; }

    @Override
    public void randomLatents(long seed) {
        RowStore out = newStore();
        try {
            for (long from = 0; from < n; from += chunk) {
                long to = Math.min(n, from + chunk);
                out.write(from, Initializer.randomLatentRows(from, to, inputWidths[layer], seed, layer));
            }
        } catch (RuntimeException e) {
            discard(out);
            throw e;
        }
        replaceCurrent(out);
    }

    @Override
    public LayerFit solveLatents(Decoder decoder, LatentOperator op, Cancellation cancel) {
        dropPending();
        RowStore out = newStore();
        try {
            FitTotals totals = pass(decoder, cancel, (from, rows, targets, x) -> {
                LayerSystem.LatentSolve ls = passes.solveLatents(decoder, layer, op, targets, x, null, cancel);
                out.write(from, ls.latents());
                return ls.fit();
            });
            pending = out;
            return totals.fit(layer == decoder.depth() - 1);
        } catch (RuntimeException e) {
            discard(out);
            throw e;
        }
    }

    @Override
    public void adoptLatents() {
        if (pending == null) throw new IllegalStateException("no latents solved to adopt");
        replaceCurrent(pending);
        pending = null;
    }

    @Override
    public Matrix[][] normalEquations(Decoder decoder, int[][] rowSets, Cancellation cancel) {
        Layer current = decoder.layers().get(layer);
        Matrix[][] sum = new Matrix[rowSets == null ? 1 : rowSets.length][];
        for (long from = 0; from < n; from += chunk) {
            cancel.check();
            long to = Math.min(n, from + chunk);
            passes.addNormalEquations(sum, current, latents.read(from, to), targets(from, to), rowSets, from, to, cancel);
        }
        return sum;
    }

    @Override
    public LayerFit evaluate(Decoder decoder, Cancellation cancel) {
        return pass(decoder, cancel, (from, rows, targets, x) -> passes.evaluate(decoder, layer, latents.read(from, from + rows), targets, x, cancel))
                .fit(layer == decoder.depth() - 1);
    }

    /** What a pass does with one chunk: rows [from, from + rows), their targets and images (null on the last layer); returns the chunk's fit. */
    @FunctionalInterface
    private interface ChunkFit {
        LayerFit fit(long from, int rows, Matrix targets, Matrix images);
    }

    private FitTotals pass(Decoder decoder, Cancellation cancel, ChunkFit body) {
        boolean last = layer == decoder.depth() - 1;
        FitTotals totals = new FitTotals(n, decoder.layers().get(layer).outputWidth(), images.cols());
        for (long from = 0; from < n; from += chunk) {
            cancel.check();
            long to = Math.min(n, from + chunk);
            totals.add(body.fit(from, (int) (to - from), targets(from, to), last ? null : images.read(from, to)), from, (int) (to - from));
        }
        return totals;
    }

    /** Rows [from, to) of the current layer's targets: the images, or the finished latents of the layer above. */
    private Matrix targets(long from, long to) {
        return layer == inputWidths.length - 1 ? images.read(from, to) : finished[layer + 1].read(from, to);
    }

    @Override
    public void finishLayer() {
        dropPending();
        finished[layer] = latents;
        latents = null;
    }

    @Override
    public Matrix imageRows(int[] rows) {
        return gather(images, rows);
    }

    @Override
    public Matrix latentRows(int index, int[] rows) {
        RowSource s = finished[index] != null ? finished[index] : index == layer ? latents : null;
        return s == null ? null : gather(s, rows);
    }

    private static Matrix gather(RowSource s, int[] rows) {
        Matrix m = new Matrix(rows.length, s.cols());
        for (int i = 0; i < rows.length; i++) m.setRows(i, s.read(rows[i], rows[i] + 1));
        return m;
    }

    @Override
    public Matrix currentLatents() {
        return latents == null ? null : latents.read(0, n);
    }

    @Override
    public Matrix finishedLatents(int index) {
        return finished[index] == null ? null : finished[index].read(0, n);
    }

    /** A chunk at a time, read from the layer's store. */
    @Override
    public starnet.math.RowBlocks finishedLatentBlocks(int index) {
        RowStore s = finished[index];
        if (s == null) return null;
        return new starnet.math.RowBlocks() {
            @Override public long rows() { return n; }

            @Override public int cols() { return s.cols(); }

            @Override
            public void forEach(Each each) throws IOException {
                for (long from = 0; from < n; from += chunk) each.accept(s.read(from, Math.min(n, from + chunk)));
            }
        };
    }

    @Override
    public void restore(int index, Matrix current, Matrix[] finishedLatents) {
        if (finishedLatents.length != finished.length) {
            throw new IllegalArgumentException("saved state has " + finishedLatents.length + " layers of latents, the decoder " + finished.length);
        }
        for (int i = 0; i < finished.length; i++) {
            if (finishedLatents[i] == null) continue;
            layer = i;
            RowStore s = newStore();
            s.write(0, finishedLatents[i]);
            finished[i] = s;
        }
        startLayer(index);
        requireTargets(index);
        if (index >= 0 && current != null) {
            RowStore s = newStore();
            s.write(0, current);
            latents = s;
        }
    }

    /**
     * Its latents' stores for an image, put into folders under {@code dir} (a folder on this machine): a store is never
     * written again once adopted, so it is linked there (no copy; copied where the file system cannot link), a finished
     * layer's once. An address elsewhere is not written: null.
     */
    @Override
    public starnet.model.LatentFiles writeLatents(String dir, boolean current) {
        if (starnet.model.DataSpec.isAddress(dir)) return null;
        boolean[] done = new boolean[finished.length];
        for (int i = 0; i < done.length; i++) done[i] = finished[i] != null;
        RowStore now = current && latents != null && !isFinished(latents) ? latents : null;
        LatentImages.Plan plan = written.plan(dir, done, layer, now);
        try {
            for (int i = 0; i < done.length; i++) {
                if (plan.write()[i] != null) place(i == plan.current() ? now : finished[i], dir, plan.write()[i]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return written.wrote(plan, new long[] {0, n}, now);
    }

    /** {@code store} as the one piece of the folder {@code name} under {@code dir}: linked, or copied where it cannot be. */
    private static void place(RowStore store, String dir, String name) throws IOException {
        Path to = Files.createDirectories(Path.of(dir, name)).resolve(starnet.model.LatentFiles.pieceName(0));
        Path from = Path.of(store.file());
        store.force();
        Files.deleteIfExists(to);
        try {
            Files.createLink(to, from);
        } catch (IOException | UnsupportedOperationException e) { // another file system, or none that links
            Files.copy(from, to);
        }
    }

    @Override
    public void imageWritten(starnet.model.LatentFiles kept) {
        try {
            written.written(kept);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Continues from latents written for an image ({@link #writeLatents}, or another engine's pieces): copied into its own stores. */
    @Override
    public void restore(int index, starnet.model.LatentFiles files) {
        files.requireFits(n, finished.length);
        RowStore current = null;
        for (int i = 0; i < finished.length; i++) {
            if (!files.has(i)) continue;
            layer = i;
            RowStore s = copied(files, i);
            if (i == index) current = s;
            else finished[i] = s;
        }
        written.restored(files, index, new long[] {0, n});
        startLayer(index);
        requireTargets(index);
        latents = current;
    }

    /** That layer {@code index} (−1: none) has its targets: the images, or the finished latents of the layer above. */
    private void requireTargets(int index) {
        if (index >= 0 && index < finished.length - 1 && finished[index + 1] == null) {
            throw new IllegalArgumentException("saved state lacks the latents of layer " + (index + 2));
        }
    }

    /** Layer {@code layer}'s latents in {@code files} as a new store of the current layer's generation (chunk by chunk). */
    private RowStore copied(starnet.model.LatentFiles files, int layer) {
        RowStore s = newStore();
        try {
            LatentImages.read(files, layer, inputWidths[layer], 0, n, chunk, s::write);
            return s;
        } catch (IOException | RuntimeException e) {
            discard(s);
            if (e instanceof IOException x) throw new UncheckedIOException(x);
            throw (RuntimeException) e;
        }
    }

    @Override
    public String describe() {
        return "out of core (" + precision.id() + " row stores in " + dir + ", " + chunk + " rows a chunk)";
    }

    /** A new empty store for the current layer's latents, under the next generation's name. */
    private RowStore newStore() {
        try {
            return RowStore.create(dir.resolve("latents-" + (layer + 1) + "." + ++generation + ".bin"), n, inputWidths[layer], precision);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void replaceCurrent(RowStore next) {
        RowStore old = latents;
        latents = next;
        if (old != null && !isFinished(old)) discard(old);
    }

    private boolean isFinished(RowStore s) {
        for (RowStore f : finished) if (f == s) return true;
        return false;
    }

    private void dropPending() {
        if (pending != null) discard(pending);
        pending = null;
    }

    private static void discard(RowStore s) {
        try {
            s.close();
            Files.deleteIfExists(Path.of(s.file()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        dropPending();
        try {
            if (latents != null && !isFinished(latents)) latents.close();
            for (RowStore f : finished) if (f != null) f.close();
            images.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            passes.releaseWorkMemory();
        }
    }
}
