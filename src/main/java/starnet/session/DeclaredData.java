package starnet.session;

import starnet.model.DataException;
import starnet.data.Datasets;
import starnet.model.Dataset;
import starnet.data.IdxLoader;
import starnet.model.DataSpec;
import starnet.store.NpyRows;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What a data source declares — its images' shape and count, after the limit — read from its header without loading
 * the images: IDX files and .npy arrays. Lets a run be planned and refused before any data is read or written.
 *
 * @param npy    the .npy file when the data is one on this machine (an engine may read it in place), else null
 * @param remote the address of a .npy file or row store on another file system (Spark's executors read it in place),
 *               else null
 */
record DeclaredData(int channels, int height, int width, long images, Path npy, String remote) {
    long values() { return images * channels * height * width; }

    /** Bytes the images take in the heap when loaded whole: IDX pixels are kept as bytes when many ({@link Dataset#BYTES_ABOVE}), else doubles. */
    long heapBytes() {
        boolean bytes = npy == null && remote == null && values() > Dataset.BYTES_ABOVE;
        return bytes ? values() : values() * 8;
    }

    int[] shape() { return new int[] {channels, height, width}; }

    /** The declaration of {@code spec}'s data, or null when only loading it tells (samples, CSV, folders of images, …). */
    static DeclaredData of(DataSpec spec) {
        if (starnet.model.DataSpec.isAddress(spec.source())) return RemoteData.declared(spec.source(), spec.limit());
        Path idx = Datasets.idxImages(spec);
        if (idx != null) {
            try (InputStream in = Files.newInputStream(idx)) {
                int[] h = IdxLoader.imagesHeader(in, idx);
                return new DeclaredData(1, h[1], h[2], limited(spec, h[0]), null, null);
            } catch (IOException e) {
                throw DataException.unreadable(idx, e);
            }
        }
        if (spec.source().toLowerCase(java.util.Locale.ROOT).endsWith(".npy") && Files.isRegularFile(Path.of(spec.source()))) {
            Path npy = Path.of(spec.source());
            try (NpyRows r = NpyRows.open(npy, 1)) {
                return new DeclaredData(r.images().channels(), r.images().height(), r.images().width(), limited(spec, r.rows()), npy, null);
            } catch (IOException e) {
                throw DataException.unreadable(npy, e);
            }
        }
        return null;
    }

    private static long limited(DataSpec spec, long n) {
        return spec.limit() > 0 ? Math.min(spec.limit(), n) : n;
    }
}
