package starnet.store;

import starnet.model.StoragePrecision;
import starnet.model.DataException;
import starnet.model.Dataset;
import starnet.data.Datasets;
import starnet.data.IdxLoader;
import starnet.math.Matrix;
import starnet.model.DataSpec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fills a row store with a dataset's images, optionally each also shifted by a few pixels (augmentation that turns
 * 60,000 images into a million). IDX files stream one image at a time, so the heap never holds the dataset; other
 * formats are loaded, then written. Rows are variant-major: rows [v·n, (v+1)·n) hold every image shifted by offset v,
 * the originals first.
 */
public final class StoreData {
    /** Offsets (dx, dy), nearest first: the original, the four neighbours, the diagonals, then two pixels away. */
    static final int[][] OFFSETS = {{0, 0}, {1, 0}, {-1, 0}, {0, 1}, {0, -1}, {1, 1}, {1, -1}, {-1, 1}, {-1, -1},
            {2, 0}, {-2, 0}, {0, 2}, {0, -2}, {2, 1}, {2, -1}, {-2, 1}, {-2, -1}, {1, 2}, {-1, 2}, {1, -2}, {-1, -2},
            {2, 2}, {2, -2}, {-2, 2}, {-2, -2}};

    static {
        if (OFFSETS.length != starnet.model.EngineSpec.MAX_SHIFTS) throw new AssertionError("one offset per variant that --shifts allows");
    }
    private static final int BATCH = 512;

    private StoreData() {}

    /** A filled store and what it holds. */
    public record Filled(RowStore store, int channels, int height, int width, long images, String name) {}

    /**
     * The values {@code spec} declares (images × pixels, after its limit) read from an IDX header without reading
     * the images, or −1 when the data is not IDX (its size is known only once loaded).
     */
    public static long declaredValues(DataSpec spec) {
        Path idx = Datasets.idxImages(spec);
        if (idx == null) return -1;
        try (InputStream in = Files.newInputStream(idx)) {
            int[] h = IdxLoader.imagesHeader(in, idx);
            long n = spec.limit() > 0 ? Math.min(spec.limit(), h[0]) : h[0];
            return n * h[1] * h[2];
        } catch (IOException e) {
            throw DataException.unreadable(idx, e);
        }
    }

    /**
     * Writes the images of {@code spec}, each in {@code shifts} variants (1 = the images as they are), into a new
     * store at {@code file}.
     */
    public static Filled fill(DataSpec spec, int shifts, StoreFolder file, StoragePrecision precision, starnet.model.WorkProgress progress) throws IOException {
        requireShifts(shifts);
        Path idx = Datasets.idxImages(spec);
        if (idx == null) return fromDataset(Datasets.load(spec), shifts, file, precision, progress);
        RowStore[] store = new RowStore[1];
        int[] shape = new int[3];
        Batches[] batches = new Batches[1];
        double[][] img = new double[1][]; // one image's values, reused: the batches copy them
        try (InputStream in = Files.newInputStream(idx)) {
            IdxLoader.streamImages(in, idx, spec.limit(), (h, n) -> {
                shape[0] = n;
                shape[1] = h[1];
                shape[2] = h[2];
                if (n == 0) throw DataException.of(idx, "holds no images; expected at least one");
                store[0] = file.create((long) n * shifts, h[1] * h[2], precision);
                batches[0] = new Batches(store[0], shifts, n, h[1] * h[2], progress);
                img[0] = new double[h[1] * h[2]];
                progress.note(String.format("writing %,d images × %d shift%s (%,d rows of %d values, %s) to %s", n, shifts, shifts == 1 ? "" : "s",
                        (long) n * shifts, h[1] * h[2], precision.id(), file.dir()));
            }, (i, bytes) -> {
                pixels(bytes, img[0]);
                batches[0].add(img[0], 1, shape[1], shape[2]);
            });
        } catch (RuntimeException e) {
            if (store[0] != null) store[0].close();
            throw e;
        } catch (IOException e) {
            if (store[0] != null) store[0].close();
            throw DataException.unreadable(idx, e);
        }
        try {
            batches[0].flush();
        } catch (RuntimeException e) {
            store[0].close();
            throw e;
        }
        return new Filled(store[0], 1, shape[1], shape[2], (long) shape[0] * shifts, idx.getFileName().toString());
    }

    /** Writes the images of {@code ds} (loaded already), each in {@code shifts} variants, into a new store at {@code file}. */
    public static Filled fromDataset(Dataset ds, int shifts, StoreFolder file, StoragePrecision precision, starnet.model.WorkProgress progress) throws IOException {
        requireShifts(shifts);
        int n = ds.size(), d = ds.pixels();
        progress.note(String.format("writing %,d images × %d shift%s to %s", n, shifts, shifts == 1 ? "" : "s", file.dir()));
        RowStore store = file.create((long) n * shifts, d, precision);
        try {
            Batches b = new Batches(store, shifts, n, d, progress);
            for (int i = 0; i < n; i++) b.add(ds.row(i), ds.channels(), ds.height(), ds.width());
            b.flush();
        } catch (RuntimeException e) {
            store.close();
            throw e;
        }
        return new Filled(store, ds.channels(), ds.height(), ds.width(), (long) n * shifts, ds.name());
    }

    /** A store written to a file: where, its rows × values and precision, and its size in bytes. */
    public record Written(String location, long rows, int cols, StoragePrecision precision, long bytes) {}

    /**
     * Writes the images of {@code spec}, each in {@code shifts} variants (1 = as they are), as a row store at
     * {@code location} — a path here, or an address on a file system Hadoop reaches (HDFS, S3) for Spark's executors to
     * read where it lies — front to back, put in place only once whole (a failure leaves nothing). IDX files are read
     * once per variant, an image at a time, so the heap never holds the dataset; other formats are loaded, then written.
     * Rows are variant-major, as {@link #fill} writes them.
     */
    public static Written writeTo(DataSpec spec, int shifts, StoragePrecision precision, String location, starnet.model.WorkProgress progress)
            throws IOException {
        requireShifts(shifts);
        Path idx = Datasets.idxImages(spec);
        Dataset ds = null;
        int c = 1, h, w;
        long n;
        if (idx != null) {
            try (InputStream in = Files.newInputStream(idx)) {
                int[] head = IdxLoader.imagesHeader(in, idx);
                n = spec.limit() > 0 ? Math.min(spec.limit(), head[0]) : head[0];
                h = head[1];
                w = head[2];
            } catch (IOException e) {
                throw DataException.unreadable(idx, e);
            }
            if (n == 0) throw DataException.of(idx, "holds no images; expected at least one");
        } else {
            ds = Datasets.load(spec);
            n = ds.size();
            c = ds.channels();
            h = ds.height();
            w = ds.width();
        }
        int d = c * h * w;
        long total = n * shifts;
        try (WholeFile file = WholeFile.create(location)) {
            RowStoreStream out = new RowStoreStream(file.stream(), total, d, precision);
            progress.note(String.format("writing %,d images × %d shift%s (%,d rows of %d values, %s) to %s", n, shifts, shifts == 1 ? "" : "s", total, d,
                    precision.id(), location));
            InOrder rows = new InOrder(out, d, (int) Math.min(BATCH, n), total, progress);
            for (int v = 0; v < shifts; v++) {
                int[] at = OFFSETS[v];
                int channels = c, height = h, width = w;
                boolean original = v == 0;
                if (ds != null) {
                    for (int i = 0; i < n; i++) rows.add(original ? ds.row(i) : shifted(ds.row(i), channels, height, width, at[0], at[1]));
                    continue;
                }
                double[] img = new double[d];
                try (InputStream in = Files.newInputStream(idx)) {
                    IdxLoader.streamImages(in, idx, spec.limit(), (head, count) -> {}, (i, bytes) -> {
                        pixels(bytes, img);
                        rows.add(original ? img : shifted(img, channels, height, width, at[0], at[1]));
                    });
                } catch (java.io.UncheckedIOException e) {
                    throw e.getCause();
                } catch (IOException e) {
                    throw DataException.unreadable(idx, e);
                }
            }
            rows.flush();
            out.finish();
            file.commit();
            return new Written(location, total, d, precision, out.bytes());
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Rows written in order in batches; each batch written tells {@code progress} the fraction done. */
    private static final class InOrder {
        private final RowStoreStream out;
        private final Matrix batch;
        private final long total;
        private final starnet.model.WorkProgress progress;
        private int filled;
        private long written;

        InOrder(RowStoreStream out, int d, int batchRows, long total, starnet.model.WorkProgress progress) {
            this.out = out;
            this.batch = new Matrix(batchRows, d);
            this.total = total;
            this.progress = progress;
        }

        /** The next row (copied). */
        void add(double[] row) {
            System.arraycopy(row, 0, batch.data(), filled * batch.cols(), batch.cols());
            if (++filled == batch.rows()) flush();
        }

        void flush() {
            if (filled == 0) return;
            try {
                out.write(filled == batch.rows() ? batch : batch.rowRange(0, filled));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            written += filled;
            filled = 0;
            progress.done((double) written / total);
        }
    }

    private static void requireShifts(int shifts) {
        if (shifts < 1 || shifts > OFFSETS.length) throw new IllegalArgumentException("shifts must be 1 to " + OFFSETS.length + ", got " + shifts);
    }

    /** An IDX image's bytes as values in [0, 1], into {@code into} (written). */
    private static void pixels(byte[] bytes, double[] into) {
        for (int j = 0; j < bytes.length; j++) into[j] = (bytes[j] & 0xff) / 255.0;
    }

    /** {@code img} (c × h × w) moved by (dx, dy), zeros where nothing moves in: a new array. */
    static double[] shifted(double[] img, int c, int h, int w, int dx, int dy) {
        double[] out = new double[img.length];
        for (int ch = 0; ch < c; ch++) {
            for (int y = 0; y < h; y++) {
                int sy = y - dy;
                if (sy < 0 || sy >= h) continue;
                for (int x = 0; x < w; x++) {
                    int sx = x - dx;
                    if (sx >= 0 && sx < w) out[(ch * h + y) * w + x] = img[(ch * h + sy) * w + sx];
                }
            }
        }
        return out;
    }

    /** One buffer of rows per variant, written to the store when full; each write tells {@code progress} the fraction written. */
    private static final class Batches {
        private final RowStore store;
        private final int shifts, n, d;
        private final starnet.model.WorkProgress progress;
        private final Matrix[] buffers;
        private int filled, next;

        Batches(RowStore store, int shifts, int n, int d, starnet.model.WorkProgress progress) {
            this.store = store;
            this.progress = progress;
            this.shifts = shifts;
            this.n = n;
            this.d = d;
            buffers = new Matrix[shifts];
            for (int v = 0; v < shifts; v++) buffers[v] = new Matrix(Math.min(BATCH, n), d);
        }

        void add(double[] img, int c, int h, int w) {
            for (int v = 0; v < shifts; v++) {
                double[] row = v == 0 ? img : shifted(img, c, h, w, OFFSETS[v][0], OFFSETS[v][1]);
                System.arraycopy(row, 0, buffers[v].data(), filled * d, d);
            }
            if (++filled == buffers[0].rows()) flush();
        }

        void flush() {
            if (filled == 0) return;
            for (int v = 0; v < shifts; v++) {
                store.write((long) v * n + next, filled == buffers[v].rows() ? buffers[v] : buffers[v].rowRange(0, filled));
            }
            next += filled;
            filled = 0;
            progress.done((double) next / n);
        }
    }
}
