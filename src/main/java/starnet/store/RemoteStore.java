package starnet.store;

import starnet.model.DataException;

import java.io.IOException;

/**
 * A store folder at an address on a file system Hadoop reaches (HDFS, S3), for Spark's executors to read where it lies:
 * {@code data.bin} and its {@code store.json}, as in a {@link StoreFolder} on this machine, written front to back and
 * put in place whole. Such file systems have no locks: two runs that write one address at once replace each other's
 * store, each whole.
 */
public final class RemoteStore {
    private RemoteStore() {}

    /** The store's rows, and whether they were there already. */
    public record Found(String data, long rows, boolean reused) {}

    /** What writes a new store's rows at an address. */
    @FunctionalInterface
    public interface Writer {
        StoreData.Written write(String data) throws IOException;
    }

    /**
     * The store of {@code want}'s data at the folder address {@code dir}: reused when it holds that data whole, else
     * written by {@code writer} and recorded.
     *
     * @throws DataException when the folder holds the store of other data
     */
    public static Found open(String dir, StoreFolder.Contents want, Writer writer) throws IOException {
        String data = starnet.model.LatentFiles.join(dir, StoreFolder.DATA), manifest = starnet.model.LatentFiles.join(dir, StoreFolder.MANIFEST);
        StoreFolder.Contents has = holds(manifest);
        if (has != null && !has.sameDataAs(want)) {
            throw DataException.of(dir, "holds the store of other data (" + has.words() + "; this run's is " + want.words()
                    + "); give this run another address for --store, or delete that store");
        }
        if (has != null) {
            try (RowSource s = RowSource.open(data, 1)) {
                if (s instanceof RowStore r && r.rows() == has.rows() && r.cols() == has.cols() && r.precision() == has.precision()) {
                    return new Found(data, r.rows(), true);
                }
            } catch (IOException e) {
                // missing or damaged: written again below
            }
        }
        Locations.deleteTree(manifest); // the rows written next are never taken for an earlier store's
        StoreData.Written w = writer.write(data);
        try (WholeFile f = Locations.create(manifest)) {
            f.stream().write(StoreFolder.JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(new StoreFolder.Contents(want.source(), want.split(),
                    want.limit(), want.shifts(), want.precision(), w.rows(), w.cols(), want.sha256())));
            f.commit();
        }
        return new Found(data, w.rows(), false);
    }

    /** What the store at {@code manifest} records, or null when there is none (or it cannot be read). */
    private static StoreFolder.Contents holds(String manifest) {
        try (ReadableAt in = ReadableAt.open(manifest)) {
            long size = in.size();
            if (size > 1 << 16) return null;
            java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate((int) size);
            in.readFully(b, 0);
            return StoreFolder.JSON.readValue(b.array(), StoreFolder.Contents.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }
}
