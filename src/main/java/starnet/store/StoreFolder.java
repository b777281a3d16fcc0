package starnet.store;

import com.fasterxml.jackson.databind.json.JsonMapper;
import starnet.model.DataException;
import starnet.model.Split;
import starnet.model.StoragePrecision;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A {@code --store} folder that belongs to one dataset: {@code data.bin} (the rows), {@code store.json} (what they are:
 * source, split, limit, shifts, precision, shape and a SHA-256 of the data they were made from), the engine's
 * {@code work/} folder, and a {@code .lock} held while a run uses it. A folder holding anything else and no
 * {@code store.json} is refused (it is someone's folder, not a store); a store of other data is refused rather than
 * overwritten or trained on; a store of this very data is reused. The rows are written to {@code data.bin.partial} and
 * renamed when complete, so a kill or a full disk never leaves a {@code data.bin} that looks whole; the partial file is
 * removed on failure.
 */
public final class StoreFolder implements AutoCloseable {
    public static final String DATA = "data.bin", PARTIAL = "data.bin.partial", MANIFEST = "store.json", LOCK = ".lock", WORK = "work";
    private static final Set<String> OURS = Set.of(DATA, PARTIAL, MANIFEST, LOCK, WORK);
    static final JsonMapper JSON = JsonMapper.builder().build();

    /**
     * What a store holds.
     *
     * @param source    the data's path (absolute) or sample name
     * @param limit     the first images used (0 = all)
     * @param shifts    variants per image (1 = the images as they are)
     * @param rows      images × shifts
     * @param cols      values per image
     * @param sha256    SHA-256 of the data the rows were made from (the source file's bytes, or the loaded images' values)
     */
    public record Contents(String source, Split split, int limit, int shifts, StoragePrecision precision, long rows, int cols, String sha256) {
        /** The same data, whatever the shape recorded: what decides whether a store can be reused. */
        boolean sameDataAs(Contents o) {
            return source.equals(o.source) && split == o.split && limit == o.limit && shifts == o.shifts && precision == o.precision
                    && sha256.equals(o.sha256);
        }

        String words() {
            return String.format("%s (%s%s), %,d rows of %d values, %s%s", source, split.id(), limit > 0 ? ", first " + limit : "", rows, cols,
                    precision.id(), shifts > 1 ? ", " + shifts + " shifts" : "");
        }
    }

    private final Path dir;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private StoreFolder(Path dir, FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /**
     * Takes {@code dir} for one run: creates it if needed, refuses a folder that is not a store, and locks it.
     *
     * @throws DataException when the folder is someone else's or another run holds it
     */
    public static StoreFolder take(Path dir) throws IOException {
        if (Files.exists(dir) && !Files.isDirectory(dir)) throw DataException.of(dir, "exists and is not a folder; --store expects a folder for the row store");
        Files.createDirectories(dir);
        List<String> foreign = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                if (!OURS.contains(name)) foreign.add(name);
            }
        }
        boolean store = Files.isRegularFile(dir.resolve(MANIFEST));
        if (!store && (Files.exists(dir.resolve(DATA)) || !foreign.isEmpty())) {
            List<String> shown = new ArrayList<>(foreign);
            if (Files.exists(dir.resolve(DATA))) shown.add(0, DATA);
            throw DataException.of(dir, "is not an empty folder or a StarNet store (it holds " + String.join(", ", shown.subList(0, Math.min(3, shown.size())))
                    + (shown.size() > 3 ? ", …" : "") + "); nothing in it was changed. Give --store a new or empty folder");
        }
        FileChannel ch = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = ch.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            ch.close();
            throw DataException.of(dir, "another run is using this store right now; wait for it to end, or give another folder for --store");
        }
        StoreFolder taken = new StoreFolder(dir, ch, lock);
        taken.clearWork();
        return taken;
    }

    /** The work arrays of earlier runs (a run's latents are kept in its session, not here): they would only fill the disk. */
    private void clearWork() throws IOException {
        if (!Files.isDirectory(work())) return;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(work(), "latents-*.bin")) {
            for (Path f : files) Files.deleteIfExists(f);
        }
    }

    public Path dir() { return dir; }

    /** Where the engine keeps its work arrays. */
    public Path work() { return dir.resolve(WORK); }

    /** The finished rows' file. */
    public Path data() { return dir.resolve(DATA); }

    /** What the folder's store holds, or null when it holds none (or its record is unreadable). */
    public Contents holds() {
        Path m = dir.resolve(MANIFEST);
        if (!Files.isRegularFile(m)) return null;
        try (InputStream in = Files.newInputStream(m)) {
            return JSON.readValue(in.readNBytes(1 << 16), Contents.class);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /**
     * The store of {@code want}'s data when the folder holds it whole, else null (the rows must be written).
     *
     * @throws DataException when the folder holds the store of other data
     */
    private RowStore reuse(Contents want) throws IOException {
        Contents has = holds();
        if (has == null) {
            if (Files.exists(dir.resolve(MANIFEST))) throw DataException.of(dir, "its " + MANIFEST + " is damaged; delete the folder to write the store again");
            return null;
        }
        if (!has.sameDataAs(want)) {
            throw DataException.of(dir, "holds the store of other data (" + has.words() + "; this run's is " + want.words()
                    + "); give this run another folder for --store, or delete that store");
        }
        if (!Files.isRegularFile(data())) return null;
        try {
            RowStore s = RowStore.open(data());
            if (s.rows() == has.rows() && s.cols() == has.cols() && s.precision() == has.precision()) return s;
            s.close();
        } catch (IOException e) {
            // damaged: written again below
        }
        return null;
    }

    /** Writes the rows of a new store made by {@link #create}, closing it when it fails. */
    @FunctionalInterface
    public interface Filler {
        RowStore fill() throws IOException;
    }

    /** The folder's store, open, and whether it was reused rather than written. */
    public record Opened(RowStore store, boolean reused) {}

    /**
     * The store of {@code want}'s data: reused when the folder holds it whole, else filled by {@code filler} into the
     * partial file and committed (recorded with the shape it was filled with); a failed fill removes the partial file.
     *
     * @throws DataException when the folder holds the store of other data
     */
    public Opened open(Contents want, Filler filler) throws IOException {
        RowStore reused = reuse(want);
        if (reused != null) return new Opened(reused, true);
        RowStore filled;
        try {
            filled = filler.fill();
        } catch (IOException | RuntimeException e) {
            discardPartial();
            throw e;
        }
        return new Opened(commit(filled, new Contents(want.source(), want.split(), want.limit(), want.shifts(), want.precision(), filled.rows(),
                filled.cols(), want.sha256())), false);
    }

    /** A new store file to fill (any earlier store of this folder is forgotten first, so it never passes for this data's). */
    public RowStore create(long rows, int cols, StoragePrecision precision) throws IOException {
        Files.deleteIfExists(dir.resolve(MANIFEST));
        Files.deleteIfExists(data());
        return RowStore.create(dir.resolve(PARTIAL), rows, cols, precision);
    }

    /** The filled {@code written} store becomes the folder's, recorded as {@code contents}; returns it open at its final name. */
    private RowStore commit(RowStore written, Contents contents) throws IOException {
        written.force();
        written.close();
        try {
            Files.move(dir.resolve(PARTIAL), data(), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(dir.resolve(PARTIAL), data(), StandardCopyOption.REPLACE_EXISTING);
        }
        Path tmp = dir.resolve(MANIFEST + ".tmp");
        Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(contents));
        Files.move(tmp, dir.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        return RowStore.open(data());
    }

    /** After a failed write (a full disk, a damaged source): the partial rows go, so they do not keep the disk full. */
    private void discardPartial() {
        try {
            Files.deleteIfExists(dir.resolve(PARTIAL));
        } catch (IOException e) {
            // nothing more to do: the next run replaces it
        }
    }

    /** Ends the run's hold on the folder. */
    @Override
    public void close() throws IOException {
        try {
            if (lock.isValid()) lock.release();
        } finally {
            lockChannel.close();
        }
    }

    /** SHA-256 (hex) of a file's bytes: what a store made from it records. */
    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int r;
            while ((r = in.read(buf)) > 0) md.update(buf, 0, r);
            return java.util.HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
