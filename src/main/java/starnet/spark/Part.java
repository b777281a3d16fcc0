package starnet.spark;

import starnet.math.Backends;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.Decoder;
import starnet.model.Layer;
import starnet.model.ResidualSummary;
import starnet.training.Cancellation;
import starnet.training.FitTotals;
import starnet.training.Initializer;
import starnet.training.LayerFit;
import starnet.training.LayerPasses;
import starnet.training.LayerSystem;
import starnet.training.WeightRows;

import java.io.Serializable;

/**
 * One partition of the datapoints: rows [first, first + rows) of the images and, per layer, their latents (the current
 * layer's, or a finished layer's), with the fit of the step that made it. Immutable: a step makes a new one (Spark
 * keeps the lineage); arrays are shared between versions and never written after they are made. Every pass goes
 * through {@link LayerPasses}, as on the other engines.
 */
final class Part implements Serializable {
    private static final long serialVersionUID = 2L;
    private static LinearAlgebra backend;
    private static String backendId;

    /**
     * A pass's sums over the rows of the partition that starts at row {@code first} (see {@link FitTotals#sums}), the
     * summary of its rows' residuals — O(1) in the rows — the nanoseconds the pass took there, and for SL the new latents
     * of the watched rows among its own ({global row, values…} each, see {@link #pick}), else null.
     */
    record Stats(int first, double[] sums, ResidualSummary residuals, long nanos, double[][] watched) implements Serializable {}

    private final int first, rows, pixels;
    private final double[] images;      // rows × pixels
    private final double[][] latents;   // per layer: rows × d_in, or null
    private final Stats stats;

    Part(int first, Matrix images, int layers) {
        this(first, images.rows(), images.cols(), images.data(), new double[layers][], null);
    }

    private Part(int first, int rows, int pixels, double[] images, double[][] latents, Stats stats) {
        this.first = first;
        this.rows = rows;
        this.pixels = pixels;
        this.images = images;
        this.latents = latents;
        this.stats = stats;
    }

    Stats stats() { return stats; }

    int first() { return first; }

    int rows() { return rows; }

    /** One partition of consecutive row slices (in any order), none with latents yet. */
    static Part joined(java.util.List<Part> slices, int layers) {
        java.util.List<Part> sorted = new java.util.ArrayList<>(slices);
        sorted.sort(java.util.Comparator.comparingInt(Part::first));
        int rows = 0, pixels = sorted.get(0).pixels;
        for (Part s : sorted) {
            if (s.first != sorted.get(0).first + rows) throw new IllegalStateException("slices are not consecutive at row " + s.first);
            rows += s.rows;
        }
        double[] images = new double[Math.multiplyExact(rows, pixels)];
        int at = 0;
        for (Part s : sorted) {
            System.arraycopy(s.images, 0, images, at, s.images.length);
            at += s.images.length;
        }
        return new Part(sorted.get(0).first, rows, pixels, images, new double[layers][], null);
    }

    /**
     * Rows [from, to) of the row store or .npy file at {@code file} — a path every executor sees, or an address on a
     * Hadoop file system — read where this runs (an executor): a new partition.
     */
    static Part read(String file, double divisor, int from, int to, int layers) throws java.io.IOException {
        try (starnet.store.RowSource s = starnet.store.RowSource.open(file, divisor)) {
            return new Part(from, s.read(from, to), layers);
        }
    }

    private Part with(int layer, double[] h, Stats s) {
        double[][] next = latents.clone();
        next[layer] = h;
        return new Part(first, rows, pixels, images, next, s);
    }

    /**
     * Writes this partition's rows of the latents of each layer whose folder {@code folders} names (null: not written) as
     * one row store (float64) in that folder under {@code dir} (see {@link starnet.model.LatentFiles}), where this runs (an
     * executor); returns {first row, rows}.
     */
    long[] writeLatents(String dir, String[] folders) throws java.io.IOException {
        for (int l = 0; l < folders.length; l++) {
            if (folders[l] == null) continue;
            if (latents[l] == null) throw new IllegalStateException("layer " + (l + 1) + " has no latents in the partition at row " + first);
            int width = latents[l].length / rows;
            String file = starnet.model.LatentFiles.join(dir, folders[l]) + "/" + starnet.model.LatentFiles.pieceName(first);
            try (starnet.store.WholeFile f = starnet.store.Locations.create(file)) {
                starnet.store.RowStoreStream s = new starnet.store.RowStoreStream(f.stream(), rows, width, starnet.model.StoragePrecision.F64);
                s.write(new Matrix(rows, width, latents[l]));
                s.finish();
                f.commit();
            }
        }
        return new long[] {first, rows};
    }

    /** This partition with its rows of layer {@code layer}'s latents read from {@code files} (each piece that holds some of them). */
    Part withLatentsRead(int layer, starnet.model.LatentFiles files, int width) throws java.io.IOException {
        double[] h = new double[Math.multiplyExact(rows, width)];
        starnet.store.LatentImages.read(files, layer, width, first, (long) first + rows, rows,
                (at, m) -> System.arraycopy(m.data(), 0, h, (int) (at - first) * width, m.data().length));
        return with(layer, h, null);
    }

    /** This partition with the seeded random start of layer {@code layer} (the same rows as on every engine). */
    Part randomLatents(int layer, int width, long seed) {
        return with(layer, Initializer.randomLatentRows(first, first + rows, width, seed, layer).data(), null);
    }

    /** This partition with its rows of {@code all} (N × {@code width}, row-major, read only) as layer {@code layer}'s latents. */
    Part withLatentsFrom(int layer, double[] all, int width) {
        return with(layer, java.util.Arrays.copyOfRange(all, first * width, (first + rows) * width), null);
    }

    /** SL on these rows for layer {@code layer} of the model in {@code m}; its statistics carry the new latents of the {@code watched} rows (sorted) among these. */
    Part solveLatents(int layer, SerialModel m, int[] watched) {
        long t0 = System.nanoTime();
        Decoder d = m.decoder();
        LayerPasses passes = m.passes();
        try {
            LayerSystem.LatentSolve ls = passes.solveLatents(d, layer, m.latentOperator(), targets(layer, d), images(layer, d), null, Cancellation.NEVER);
            double[] h = ls.latents().data();
            return with(layer, h, stats(ls.fit(), d, layer, t0, watched == null ? null : rowsOf(h, watched)));
        } finally {
            passes.releaseWorkMemory();
        }
    }

    /** The fit of layer {@code layer} of the model in {@code m} on these rows' current latents. */
    Stats evaluate(int layer, SerialModel m) {
        long t0 = System.nanoTime();
        Decoder d = m.decoder();
        LayerPasses passes = m.passes();
        try {
            return stats(passes.evaluate(d, layer, current(layer), targets(layer, d), images(layer, d), Cancellation.NEVER), d, layer, t0, null);
        } finally {
            passes.releaseWorkMemory();
        }
    }

    /**
     * SW's normal equations on these rows for layer {@code layer} of {@code m}: one pair per row set (null = all rows),
     * as {@link NormalEquations} that add up across partitions.
     */
    NormalEquations normalEquations(int layer, SerialModel m, int[][] rowSets) {
        Decoder d = m.decoder();
        Layer current = d.layers().get(layer);
        LayerPasses passes = m.passes();
        try {
            Matrix h = current(layer), t = targets(layer, d);
            int sets = rowSets == null ? 1 : rowSets.length;
            Matrix[][] eq = new Matrix[sets][];
            for (int s = 0; s < sets; s++) {
                if (rowSets == null) {
                    eq[s] = passes.normalEquations(current, h, t, Cancellation.NEVER);
                } else {
                    int[] local = WeightRows.within(rowSets[s], first, first + rows);
                    if (local.length > 0) eq[s] = passes.normalEquations(current, h.selectRows(local), t.selectRows(local), Cancellation.NEVER);
                }
            }
            return NormalEquations.of(eq);
        } finally {
            passes.releaseWorkMemory();
        }
    }

    /** These rows' share of {@code wanted} (sorted): {global row, values} of the images (layer −1) or of layer {@code layer}'s latents. */
    double[][] pick(int layer, int[] wanted) {
        return rowsOf(layer < 0 ? images : latents[layer], wanted);
    }

    /** These rows' share of {@code wanted} (sorted) in {@code src} (rows × width, row-major): {global row, values} each. */
    private double[][] rowsOf(double[] src, int[] wanted) {
        int[] local = WeightRows.within(wanted, first, first + rows);
        double[][] out = new double[local.length][];
        for (int i = 0; i < local.length; i++) {
            int r = local[i];
            int width = src.length / rows;
            double[] row = new double[width + 1];
            row[0] = first + r;
            System.arraycopy(src, r * width, row, 1, width);
            out[i] = row;
        }
        return out;
    }

    /** Whether layer {@code layer} has latents here. */
    boolean hasLatents(int layer) { return latents[layer] != null; }

    /** This partition's rows of layer {@code layer}'s latents, row-major. */
    double[] latentsOf(int layer) { return latents[layer]; }

    private Matrix current(int layer) {
        int width = latents[layer].length / rows;
        return new Matrix(rows, width, latents[layer]);
    }

    /** The layer's targets: the images for the last layer, else the finished latents of the layer above. */
    private Matrix targets(int layer, Decoder d) {
        if (layer == d.depth() - 1) return new Matrix(rows, pixels, images);
        double[] t = latents[layer + 1];
        return new Matrix(rows, t.length / rows, t);
    }

    /** The images for the output check: below the last layer only. */
    private Matrix images(int layer, Decoder d) {
        return layer == d.depth() - 1 ? null : new Matrix(rows, pixels, images);
    }

    /** {@code fit}'s statistics, of a pass that started at {@code start} ({@link System#nanoTime()}). */
    private Stats stats(LayerFit fit, Decoder d, int layer, long start, double[][] watched) {
        return new Stats(first, FitTotals.sums(fit, rows, d.layers().get(layer).outputWidth(), pixels), fit.summary().from(first), System.nanoTime() - start,
                watched);
    }

    /** One backend per executor JVM ({@code id}: auto or ejml), one thread: the executor runs its partitions in parallel. */
    static synchronized LinearAlgebra backend(String id) {
        if (backend == null || !id.equals(backendId)) {
            backend = Backends.create(id, 1);
            backendId = id;
        }
        return backend;
    }
}
