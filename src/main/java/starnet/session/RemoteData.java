package starnet.session;

import starnet.data.NpyLoader;
import starnet.model.DataException;
import starnet.model.Dataset;
import starnet.store.NpyRows;
import starnet.store.RowSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Data on another file system ({@code hdfs://}, {@code s3a://}, {@code file://}): a .npy file or a row store that
 * Spark's executors read where it lies. The driver reads its header, the first rows for the grids, and — for a .npy
 * file of other than bytes — its values once to find their scale; never all of it into the heap.
 */
final class RemoteData {
    private RemoteData() {}

    /** What the file at {@code location} declares (its shape and rows, after {@code limit} when > 0). */
    static DeclaredData declared(String location, int limit) {
        try (RowSource r = RowSource.open(location, 1)) {
            NpyLoader.ImageLayout l = layout(location, r);
            long n = limit > 0 ? Math.min(limit, r.rows()) : r.rows();
            return new DeclaredData(l.channels(), l.height(), l.width(), n, null, location);
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(location, e);
        }
    }

    /** What the values at {@code location} are divided by: 255 for bytes, else as {@link NpyRows#divisor}; 1 for a row store. */
    static double divisor(String location) throws IOException {
        try (RowSource r = RowSource.open(location, 1)) {
            return r instanceof NpyRows npy ? npy.divisorOfValues() : 1;
        }
    }

    /** The first {@code rows} images at {@code location} (values divided by {@code divisor}), for the grids. */
    static Dataset preview(String location, double divisor, int rows) {
        try (RowSource r = RowSource.open(location, divisor)) {
            NpyLoader.ImageLayout l = layout(location, r);
            String name = location.substring(location.lastIndexOf('/') + 1);
            return new Dataset(name, location, l.channels(), l.height(), l.width(), r.read(0, Math.min(rows, r.rows())), null, List.of());
        } catch (IOException | UncheckedIOException e) {
            throw unreadable(location, e);
        }
    }

    private static DataException unreadable(String location, Exception e) {
        return DataException.unreadable(location, e instanceof UncheckedIOException u ? u.getCause() : (IOException) e);
    }

    private static NpyLoader.ImageLayout layout(String location, RowSource r) {
        return r instanceof NpyRows npy ? npy.images() : NpyLoader.imageLayout(location, new int[] {(int) Math.min(Integer.MAX_VALUE, r.rows()), r.cols()});
    }
}
