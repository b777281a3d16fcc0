package starnet.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import starnet.math.Matrix;
import starnet.model.Decoder;
import starnet.model.LatentPath;
import starnet.training.Cancellation;
import starnet.training.FitTotals;
import starnet.training.LatentOperator;
import starnet.training.LayerFit;
import starnet.training.TrainingEngine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The engine whose datapoints are partitions of rows on Apache Spark. SL is a map over the partitions with the model
 * and the latent operator broadcast, each partition solving its rows with its executor's BLAS (paper Lemma 2); SW sums
 * the partitions' normal equations by a tree aggregation and the schedule solves them on the driver (the same system
 * as one machine; per row set for sampled and averaged SW); the fit is summed from the partitions, whose residuals
 * come back as their summaries (O(1) per partition, nothing of size N per step). The partitions are
 * kept (memory, else disk) between steps; a lost one is recomputed from its lineage — the data's source and the
 * driver's broadcasts, which are unpersisted, never destroyed, while the run lasts.
 */
public final class SparkEngine implements TrainingEngine {
    private final JavaSparkContext sc;
    private final LatentPath path;
    private final String backend;
    private final int[] inputWidths;
    private final boolean[] finished;
    private final int n, pixels;
    private final List<Broadcast<?>> broadcasts = new ArrayList<>();
    private final SerialModel.Layers layers = new SerialModel.Layers(this::broadcast);
    private JavaRDD<Part> parts, pending;
    private int[] watched = new int[0];             // sorted, distinct: rows whose latents every SL brings back
    private final List<List<double[]>> watchedRows;  // per layer: the watched rows' latents ({global row, values…}), or null
    private List<double[]> pendingWatched;
    private int layer;
    private boolean latentsReady; // the current layer has latents in the partitions
    private final long[] bounds;                       // the partitions' first rows, then N
    private final starnet.store.LatentImages written;  // the latents written for the run's images

    private SparkEngine(JavaSparkContext sc, JavaRDD<Part> source, List<int[]> ranges, int n, int pixels, LatentPath path, int[] inputWidths, String backend) {
        this.sc = sc;
        this.path = path;
        this.backend = backend;
        this.inputWidths = inputWidths.clone();
        this.finished = new boolean[inputWidths.length];
        this.watchedRows = new ArrayList<>(java.util.Collections.nCopies(inputWidths.length, (List<double[]>) null));
        this.n = n;
        this.pixels = pixels;
        this.bounds = new long[ranges.size() + 1];
        for (int j = 0; j < ranges.size(); j++) bounds[j] = ranges.get(j)[0];
        bounds[ranges.size()] = n;
        this.written = new starnet.store.LatentImages(inputWidths.length);
        this.parts = source.persist(StorageLevel.MEMORY_AND_DISK());
        startLayer(inputWidths.length - 1);
    }

    /** The most bytes of images one task carries when the driver hands its data out (once per run: well under Spark's 128 MB message limit). */
    static final long SLICE_BYTES = 8L << 20;

    /**
     * The images {@code data} (N × D, read only), in {@code partitions} row ranges on the executors. The driver hands
     * them out once, in slices of at most {@link #SLICE_BYTES}, which a shuffle gathers into the partitions: the steps'
     * tasks then carry no data (a partition made by {@code parallelize} would travel inside every task that reads it),
     * and a partition lost with its executor is rebuilt from the shuffle's output, or from the slices.
     */
    public static SparkEngine of(JavaSparkContext sc, Matrix data, int partitions, LatentPath path, int[] inputWidths, String backend) {
        int k = inputWidths.length;
        List<int[]> ranges = ranges(data.rows(), partitions);
        int rowsPerSlice = (int) Math.max(1, SLICE_BYTES / (8L * data.cols()));
        List<scala.Tuple2<Integer, Part>> slices = new ArrayList<>();
        for (int p = 0; p < ranges.size(); p++) {
            for (int from = ranges.get(p)[0]; from < ranges.get(p)[1]; from += rowsPerSlice) {
                int to = Math.min(ranges.get(p)[1], from + rowsPerSlice);
                slices.add(new scala.Tuple2<>(p, new Part(from, data.rowRange(from, to), k)));
            }
        }
        JavaRDD<Part> gathered = sc.parallelizePairs(slices, slices.size())
                .partitionBy(new org.apache.spark.HashPartitioner(ranges.size())) // key p < partitions lands in partition p
                .mapPartitions(it -> {
                    List<Part> pieces = new ArrayList<>();
                    it.forEachRemaining(t -> pieces.add(t._2()));
                    return pieces.isEmpty() ? java.util.Collections.emptyIterator() : List.of(Part.joined(pieces, k)).iterator();
                }, true);
        return new SparkEngine(sc, gathered, ranges, data.rows(), data.cols(), path, inputWidths, backend);
    }

    /**
     * The images in {@code file} — a row store, or a .npy file whose values are divided by {@code divisor} — of
     * {@code n} rows of {@code pixels} values, each partition reading its own rows on its executor.
     */
    public static SparkEngine reading(JavaSparkContext sc, String file, double divisor, int n, int pixels, int partitions, LatentPath path,
                                      int[] inputWidths, String backend) {
        int k = inputWidths.length;
        List<int[]> ranges = ranges(n, partitions);
        JavaRDD<Part> source = sc.parallelize(ranges, ranges.size()).map(r -> Part.read(file, divisor, r[0], r[1], k));
        return new SparkEngine(sc, source, ranges, n, pixels, path, inputWidths, backend);
    }

    /** {@code parts} row ranges [from, to) splitting n rows into at most {@code parts} pieces. */
    static List<int[]> ranges(int n, int parts) {
        List<int[]> out = new ArrayList<>();
        for (int p = 0; p < parts; p++) {
            int from = (int) ((long) n * p / parts), to = (int) ((long) n * (p + 1) / parts);
            if (to > from) out.add(new int[] {from, to});
        }
        return out;
    }

    @Override public int rows() { return n; }

    @Override public int pixels() { return pixels; }

    @Override
    public void startLayer(int index) {
        dropPending();
        layer = index;
        latentsReady = false;
        if (index >= 0) watchedRows.set(index, null);
    }

    /** From now on every SL brings back the new latents of {@code rows}, so that reading theirs takes no job of its own. */
    @Override
    public void watch(int[] rows) {
        int[] sorted = Arrays.stream(rows).sorted().distinct().toArray();
        if (Arrays.equals(sorted, watched)) return;
        watched = sorted;
        java.util.Collections.fill(watchedRows, null);
    }

    @Override
    public boolean hasLatents() {
        return latentsReady;
    }

    @Override
    public void randomLatents(long seed) {
        int l = layer, width = inputWidths[layer];
        replace(parts.map(p -> p.randomLatents(l, width, seed)));
        latentsReady = true;
        watchedRows.set(l, null);
    }

    @Override
    public LayerFit solveLatents(Decoder decoder, LatentOperator op, Cancellation cancel) {
        dropPending();
        cancel.check();
        List<Part.Stats> stats = solve(model(decoder, op), next -> next.map(Part::stats).collect(), s -> s);
        return total(stats, decoder);
    }

    /** SL and, as the same job, the normal equations of the SW that follows on the new latents (see {@link SolvedAhead}). */
    @Override
    public Ahead solveLatentsAhead(Decoder decoder, LatentOperator op, int[][] rowSets, Cancellation cancel) {
        dropPending();
        cancel.check();
        long t0 = System.nanoTime();
        SerialModel m = model(decoder, op);
        Broadcast<int[][]> sets = rowSets == null ? null : broadcast(rowSets);
        int l = layer;
        SolvedAhead solved = solve(m, next -> next.treeAggregate(SolvedAhead.none(), (sum, q) -> {
            long e0 = System.nanoTime();
            NormalEquations eq = q.normalEquations(l, m, sets == null ? null : sets.value());
            return sum.with(q.stats(), eq, System.nanoTime() - e0);
        }, SolvedAhead::merge), SolvedAhead::stats);
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new Ahead(total(solved.inRowOrder(), decoder), solved.equations().matrices(), seconds * solved.equationShare());
    }

    /**
     * SL's new partitions for the current layer of {@code m}, computed by {@code job} — the one job that also brings back
     * what the caller needs — and kept as the pending latents, with the watched rows' latents that their statistics
     * ({@code statsOf} the job's result) carry; dropped when the job fails.
     */
    private <T> T solve(SerialModel m, java.util.function.Function<JavaRDD<Part>, T> job, java.util.function.Function<T, List<Part.Stats>> statsOf) {
        int l = layer;
        int[] w = watched;
        JavaRDD<Part> next = parts.map(p -> p.solveLatents(l, m, w)).persist(StorageLevel.MEMORY_AND_DISK());
        T result;
        try {
            result = job.apply(next);
        } catch (RuntimeException e) {
            next.unpersist(false);
            throw e;
        }
        pending = next;
        pendingWatched = watchedOf(statsOf.apply(result));
        return result;
    }

    @Override
    public void adoptLatents() {
        if (pending == null) throw new IllegalStateException("no latents solved to adopt");
        JavaRDD<Part> old = parts; // the pending partitions are kept and computed already (the solve's statistics computed them): no job to adopt
        parts = pending;
        pending = null;
        old.unpersist(false);
        latentsReady = true;
        watchedRows.set(layer, pendingWatched);
        pendingWatched = null;
    }

    @Override
    public Matrix[][] normalEquations(Decoder decoder, int[][] rowSets, Cancellation cancel) {
        cancel.check();
        SerialModel m = model(decoder, null);
        Broadcast<int[][]> sets = rowSets == null ? null : broadcast(rowSets);
        int l = layer;
        NormalEquations sum = parts.map(p -> p.normalEquations(l, m, sets == null ? null : sets.value()))
                .treeAggregate(null, NormalEquations::add, NormalEquations::add);
        return sum.matrices();
    }

    @Override
    public LayerFit evaluate(Decoder decoder, Cancellation cancel) {
        cancel.check();
        SerialModel m = model(decoder, null);
        int l = layer;
        return total(parts.map(p -> p.evaluate(l, m)).collect(), decoder);
    }

    /** {@code decoder} for the executors: its layers broadcast once per version, and {@code op} (SL's operator, or null) with them. */
    private SerialModel model(Decoder decoder, LatentOperator op) {
        Matrix x = op == null || op.matrixFree() ? null : op.solution().x();
        return new SerialModel(decoder.activation().slope(), path, layers.of(decoder), x == null ? null : broadcast(x.data()), x == null ? 0 : x.rows(),
                x == null ? 0 : x.cols(), backend);
    }

    /** Layer versions broadcast so far (each once, however many passes used it). */
    int layersSent() { return layers.count(); }

    /** The watched rows' latents the partitions' statistics carry, in one list. */
    private static List<double[]> watchedOf(List<Part.Stats> stats) {
        List<double[]> out = new ArrayList<>();
        for (Part.Stats s : stats) out.addAll(Arrays.asList(s.watched()));
        return out;
    }

    private LayerFit total(List<Part.Stats> stats, Decoder decoder) {
        FitTotals t = FitTotals.summarizing(n, decoder.layers().get(layer).outputWidth(), pixels);
        for (Part.Stats s : stats) t.add(s.sums(), s.residuals());
        return t.fit(layer == decoder.depth() - 1);
    }

    @Override
    public void finishLayer() {
        dropPending();
        finished[layer] = true;
        latentsReady = false;
    }

    @Override
    public Matrix imageRows(int[] rows) {
        return pick(-1, rows, pixels);
    }

    @Override
    public Matrix latentRows(int index, int[] rows) {
        if (!finished[index] && !(index == layer && latentsReady)) return null;
        return pick(index, rows, inputWidths[index]);
    }

    /** Rows {@code rows} of the images (index −1) or of layer {@code index}'s latents: the watched rows' as kept, else by a job. */
    private Matrix pick(int index, int[] rows, int width) {
        int[] sorted = Arrays.stream(rows).sorted().distinct().toArray();
        boolean isWatched = index >= 0 && Arrays.equals(sorted, watched);
        List<double[]> found = isWatched ? watchedRows.get(index) : null;
        if (found == null) {
            found = new ArrayList<>();
            for (double[][] block : parts.map(p -> p.pick(index, sorted)).collect()) found.addAll(Arrays.asList(block));
            if (isWatched) watchedRows.set(index, found);
        }
        Matrix m = new Matrix(rows.length, width);
        for (double[] row : found) {
            int global = (int) row[0];
            for (int i = 0; i < rows.length; i++) if (rows[i] == global) System.arraycopy(row, 1, m.data(), i * width, width);
        }
        return m;
    }

    @Override
    public Matrix currentLatents() {
        return layer >= 0 && latentsReady ? gather(layer) : null;
    }

    @Override
    public Matrix finishedLatents(int index) {
        return finished[index] ? gather(index) : null;
    }

    /** Layer {@code index}'s latents of every partition in one matrix, fetched a partition at a time (see {@link #blocks}). */
    private Matrix gather(int index) {
        Matrix m = new Matrix(n, inputWidths[index]);
        int[] at = {0};
        try {
            blocks(index).forEach(b -> {
                System.arraycopy(b.data(), 0, m.data(), at[0], b.data().length);
                at[0] += b.data().length;
            });
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a block handed to a copy raises none
        }
        return m;
    }

    @Override
    public starnet.math.RowBlocks finishedLatentBlocks(int index) {
        return finished[index] ? blocks(index) : null;
    }

    /** Layer {@code index}'s latents a partition at a time, in row order: the driver holds one partition's rows, never all of them. */
    private starnet.math.RowBlocks blocks(int index) {
        int width = inputWidths[index];
        JavaRDD<Object[]> pieces = parts.map(p -> new Object[] {p.first(), p.latentsOf(index)});
        int partitions = parts.getNumPartitions();
        return new starnet.math.RowBlocks() {
            @Override public long rows() { return n; }

            @Override public int cols() { return width; }

            @Override
            public void forEach(Each each) throws java.io.IOException {
                int next = 0;
                for (int p = 0; p < partitions; p++) {
                    for (Object[] piece : pieces.collectPartitions(new int[] {p})[0]) {
                        double[] v = (double[]) piece[1];
                        if ((int) piece[0] != next) throw new IllegalStateException("partition " + p + " starts at row " + piece[0] + ", expected " + next);
                        each.accept(new Matrix(v.length / width, width, v));
                        next += v.length / width;
                    }
                }
            }
        };
    }

    @Override
    public void restore(int index, Matrix current, Matrix[] finishedLatents) {
        if (finishedLatents.length != finished.length) {
            throw new IllegalArgumentException("saved state has " + finishedLatents.length + " layers of latents, the decoder " + finished.length);
        }
        JavaRDD<Part> next = parts;
        for (int i = 0; i < finished.length; i++) {
            if (finishedLatents[i] == null) continue;
            Broadcast<double[]> b = broadcast(finishedLatents[i].data());
            int l = i, width = finishedLatents[i].cols();
            next = next.map(p -> p.withLatentsFrom(l, b.value(), width));
            finished[i] = true;
        }
        java.util.Collections.fill(watchedRows, null);
        startLayer(index);
        latentsReady = false;
        if (index >= 0 && current != null) {
            Broadcast<double[]> b = broadcast(current.data());
            int width = current.cols();
            next = next.map(p -> p.withLatentsFrom(index, b.value(), width));
            latentsReady = true;
        }
        if (next != parts) replace(next);
    }

    /**
     * Each executor writes its partitions' latents under {@code dir}: a finished layer's once (its folder is reused by
     * later images), the current layer's into a new folder per image; the driver then checks that every file is there,
     * whole, as it will read them to continue (a folder that is not the same on every node is not).
     *
     * @throws java.io.UncheckedIOException when a file cannot be read back from here (said with the folder)
     */
    @Override
    public starnet.model.LatentFiles writeLatents(String dir, boolean current) {
        // the partitions are new whenever the latents change: they stand for the current latents
        starnet.store.LatentImages.Plan plan = written.plan(dir, finished, layer, current && latentsReady ? parts : null);
        if (plan.writes()) { // else the image needs no job
            String[] write = plan.write();
            List<long[]> pieces = parts.map(p -> p.writeLatents(dir, write)).collect();
            for (int j = 0; j < pieces.size(); j++) {
                if (pieces.get(j)[0] != bounds[j] || pieces.get(j)[0] + pieces.get(j)[1] != bounds[j + 1]) {
                    throw new IllegalStateException("partition " + j + " holds rows from " + pieces.get(j)[0] + ", expected " + bounds[j]);
                }
            }
            starnet.model.LatentFiles check = new starnet.model.LatentFiles(dir, bounds, Arrays.asList(write));
            for (int i = 0; i < write.length; i++) {
                if (write[i] == null) continue;
                for (int j = 0; j < check.pieces(); j++) {
                    long expected = starnet.store.RowStore.bytesOf(bounds[j + 1] - bounds[j], inputWidths[i], starnet.model.StoragePrecision.F64);
                    long found = starnet.store.Locations.size(check.file(i, j));
                    if (found != expected) {
                        throw new java.io.UncheckedIOException(new java.io.IOException("the executors wrote the latents into " + check.folder(write[i])
                                + ", which is not readable from here (" + (found < 0 ? "no file " : found + " bytes in ") + starnet.model.LatentFiles.pieceName(bounds[j])
                                + (found < 0 ? "" : ", expected " + expected) + ")"));
                    }
                }
            }
        }
        return written.wrote(plan, bounds, parts);
    }

    /** Removes the folders of current latents written for images before {@code kept} that it does not refer to. */
    @Override
    public void imageWritten(starnet.model.LatentFiles kept) {
        try {
            written.written(kept);
        } catch (java.io.IOException x) {
            throw new java.io.UncheckedIOException(x);
        }
    }

    /** Continues from latents that executors wrote ({@link #writeLatents}): each partition reads its own rows of them. */
    @Override
    public void restore(int index, starnet.model.LatentFiles files) {
        files.requireFits(n, finished.length);
        JavaRDD<Part> next = parts;
        for (int i = 0; i < finished.length; i++) {
            if (!files.has(i)) continue;
            int l = i, width = inputWidths[i];
            next = next.map(p -> p.withLatentsRead(l, files, width));
            if (i != index) finished[i] = true;
        }
        written.restored(files, index, bounds);
        java.util.Collections.fill(watchedRows, null);
        startLayer(index);
        latentsReady = index >= 0 && files.has(index);
        if (next != parts) replace(next);
    }

    /** Makes {@code next} the partitions, computed and kept now; the previous ones are released. */
    private void replace(JavaRDD<Part> next) {
        next.persist(StorageLevel.MEMORY_AND_DISK());
        next.count();
        JavaRDD<Part> old = parts;
        parts = next;
        if (old != next) old.unpersist(false);
    }

    private void dropPending() {
        if (pending != null) pending.unpersist(false);
        pending = null;
        pendingWatched = null;
    }

    private <T> Broadcast<T> broadcast(T value) {
        Broadcast<T> b = sc.broadcast(value);
        broadcasts.add(b);
        return b;
    }

    /** Each distinct backend the executors solve with (OpenBLAS, or the EJML fallback where it did not load), gathered by one small job. */
    @Override
    public List<String> remoteBackends() {
        String id = backend;
        return parts.map(p -> Part.backend(id).description()).distinct().collect();
    }

    @Override
    public String describe() {
        return "Spark " + sc.version() + " (" + sc.master() + ", " + parts.getNumPartitions() + " partitions)";
    }

    @Override
    public void close() {
        dropPending();
        parts.unpersist(true); // waits for the executors' answers: a context stopped right after would otherwise abandon them mid-reply
        for (Broadcast<?> b : broadcasts) b.destroy();
        broadcasts.clear();
    }
}
