package starnet.model;

import java.util.Arrays;
import java.util.List;

/**
 * A run's latents kept as files, instead of inside a session image: where the machines that hold them wrote them (a
 * cluster's executors, in float64), or the out-of-core engine's own stores linked (in their precision). For each layer
 * that has latents, a folder under {@code dir} with one row store per piece of rows, the pieces being rows
 * [bounds[j], bounds[j + 1]).
 *
 * @param dir    a folder every node sees, or an address on a file system Hadoop reaches ({@code hdfs://…})
 * @param bounds the pieces' first rows, then N: 0 = bounds[0] < bounds[1] < … < bounds[m] = N
 * @param layers per layer (0-based), the name of the folder under {@code dir} holding its latents, or null when it has none
 */
public record LatentFiles(String dir, long[] bounds, List<String> layers) implements java.io.Serializable {
    public LatentFiles {
        if (dir == null || dir.isEmpty()) throw new IllegalArgumentException("latent files need a folder");
        if (bounds == null || bounds.length < 2 || bounds[0] != 0) throw new IllegalArgumentException("latent files need row bounds from 0 to N");
        for (int j = 1; j < bounds.length; j++) {
            if (bounds[j] <= bounds[j - 1]) throw new IllegalArgumentException("latent files' row bounds must increase, got " + Arrays.toString(bounds));
        }
        if (layers == null || layers.isEmpty()) throw new IllegalArgumentException("latent files name a folder (or none) per layer");
        for (String l : layers) {
            if (l != null && (l.isEmpty() || l.contains("/") || l.startsWith("."))) throw new IllegalArgumentException("not a folder name: '" + l + "'");
        }
        bounds = bounds.clone();
        layers = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(layers)); // keeps nulls, which List.copyOf refuses
    }

    @Override
    public long[] bounds() { return bounds.clone(); }

    /** Datapoints N. */
    public long rows() { return bounds[bounds.length - 1]; }

    /** Pieces of rows. */
    public int pieces() { return bounds.length - 1; }

    /** Whether these are latents of {@code rows} datapoints through a decoder of {@code depth} layers. */
    public boolean fits(long rows, int depth) { return rows() == rows && layers.size() == depth; }

    /** That these are latents of {@code rows} datapoints through a decoder of {@code depth} layers. */
    public void requireFits(long rows, int depth) {
        if (!fits(rows, depth)) {
            throw new IllegalArgumentException("the latent files hold " + rows() + " rows of " + layers.size() + " layers; the run has " + rows + " rows of "
                    + depth);
        }
    }

    /** Whether layer {@code layer} has latents in these files. */
    public boolean has(int layer) { return layers.get(layer) != null; }

    /** The file of piece {@code piece} of layer {@code layer}'s latents. */
    public String file(int layer, int piece) {
        return folder(layers.get(layer)) + "/" + pieceName(bounds[piece]);
    }

    /** The folder {@code name} under {@link #dir}. */
    public String folder(String name) {
        return join(dir, name);
    }

    /** The folder {@code name} under the folder or address {@code dir}. */
    public static String join(String dir, String name) {
        return (dir.endsWith("/") ? dir.substring(0, dir.length() - 1) : dir) + "/" + name;
    }

    /** The name of the file of the piece whose first row is {@code first}. */
    public static String pieceName(long first) {
        return String.format("rows-%012d.store", first);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LatentFiles f && dir.equals(f.dir) && Arrays.equals(bounds, f.bounds) && layers.equals(f.layers);
    }

    @Override
    public int hashCode() { return 31 * (31 * dir.hashCode() + Arrays.hashCode(bounds)) + layers.hashCode(); }

    @Override
    public String toString() { return "LatentFiles[" + dir + ", " + pieces() + " pieces, " + layers + "]"; }
}
