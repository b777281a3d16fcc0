package starnet.store;

import starnet.model.LatentFiles;
import starnet.math.Matrix;

import java.io.IOException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bookkeeping of an engine that keeps its latents as files for a run's images ({@link LatentFiles}): which folders a
 * new image needs written (a finished layer's once, the current layer's when its latents changed), the folders of
 * current latents written for each image, and which of them an image that is safely written no longer needs. Driven by
 * the engine's thread.
 */
public final class LatentImages {
    private final Map<String, Integer> currentFolders = new LinkedHashMap<>(); // folder of current latents → the newest image naming it
    private final Map<LatentFiles, Integer> images = new HashMap<>();         // files handed out → image number
    private final String[] finalFolders;
    private final String token = Long.toString(System.currentTimeMillis(), 36); // this process's names differ from an earlier one's
    private String dir;           // where the folders recorded here are
    private int count;
    private Object lastLatents;   // the engine's object holding the current latents last written, and their folder
    private String lastFolder;

    /** For an engine of {@code layers} layers. */
    public LatentImages(int layers) {
        this.finalFolders = new String[layers];
    }

    /**
     * What the next image under {@code dir} names, per layer ({@code names}), and which of those folders the engine writes
     * for it ({@code write}, null where a folder holds them already); {@code current} is the layer whose current latents
     * it writes, or −1.
     */
    public record Plan(String dir, int image, String[] names, String[] write, int current) {
        /** Whether the engine has anything to write for this image. */
        public boolean writes() { return Arrays.stream(write).anyMatch(java.util.Objects::nonNull); }
    }

    /**
     * The next image under {@code dir}: the layers {@code finished} with their finished latents, and layer {@code layer}'s
     * current latents held by the engine's object {@code latents} (never changed once made; null when the image names none:
     * no current layer, no latents yet, or the seeded start).
     */
    public Plan plan(String dir, boolean[] finished, int layer, Object latents) {
        if (!dir.equals(this.dir)) { // folders recorded elsewhere are not under this one: written anew here
            Arrays.fill(finalFolders, null);
            currentFolders.clear();
            lastLatents = null;
            this.dir = dir;
        }
        int image = ++count, k = finished.length;
        String[] names = new String[k], write = new String[k];
        for (int i = 0; i < k; i++) {
            if (!finished[i]) continue;
            if (finalFolders[i] == null) write[i] = "layer" + (i + 1) + "-final-" + token;
            names[i] = finalFolders[i] != null ? finalFolders[i] : write[i];
        }
        int current = -1;
        if (latents != null && layer >= 0 && !finished[layer]) {
            if (latents == lastLatents && currentFolders.containsKey(lastFolder)) { // SW left the latents as they were
                names[layer] = lastFolder;
                currentFolders.put(lastFolder, image);
            } else {
                names[layer] = write[layer] = "layer" + (layer + 1) + "-image" + image + "-" + token;
                current = layer;
            }
        }
        return new Plan(dir, image, names, write, current);
    }

    /** {@code plan}'s folders are written, the current latents' held by {@code latents}: the image's files, in pieces of rows {@code bounds}. */
    public LatentFiles wrote(Plan plan, long[] bounds, Object latents) {
        for (int i = 0; i < plan.write().length; i++) {
            if (plan.write()[i] == null) continue;
            if (i != plan.current()) {
                finalFolders[i] = plan.write()[i];
                continue;
            }
            currentFolders.put(plan.write()[i], plan.image());
            lastLatents = latents;
            lastFolder = plan.write()[i];
        }
        LatentFiles files = new LatentFiles(plan.dir(), bounds, Arrays.asList(plan.names()));
        images.put(files, plan.image());
        return files;
    }

    /**
     * A run continues from {@code files}, layer {@code current} its current one: their folders serve this engine's next
     * images as they are when its pieces of rows are {@code bounds}, else its next image writes them anew in its own.
     */
    public void restored(LatentFiles files, int current, long[] bounds) {
        boolean samePieces = Arrays.equals(files.bounds(), bounds);
        dir = files.dir();
        for (int i = 0; i < finalFolders.length; i++) {
            if (!files.has(i) || !samePieces) continue;
            if (i == current) currentFolders.put(files.layers().get(i), 0);
            else finalFolders[i] = files.layers().get(i);
        }
    }

    /**
     * An image that refers to {@code kept} is safely written: the folders of current latents written for earlier images
     * that it does not refer to are removed, and earlier images forgotten.
     */
    public void written(LatentFiles kept) throws IOException {
        Integer at = kept == null ? null : images.get(kept);
        if (at == null) return;
        images.values().removeIf(v -> v < at);
        for (Iterator<Map.Entry<String, Integer>> it = currentFolders.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Integer> e = it.next();
            if (e.getValue() >= at || kept.layers().contains(e.getKey())) continue;
            Locations.deleteTree(kept.folder(e.getKey()));
            it.remove();
        }
    }

    /** What receives rows read from latent files: rows [at, at + rows.rows()) of the layer. */
    @FunctionalInterface
    public interface Rows {
        void accept(long at, Matrix rows) throws IOException;
    }

    /**
     * Rows [from, to) of layer {@code layer}'s latents ({@code width} wide) in {@code files}, read from each piece that holds
     * some of them, at most {@code chunk} rows at a time, each piece's shape checked first.
     */
    public static void read(LatentFiles files, int layer, int width, long from, long to, int chunk, Rows into) throws IOException {
        long[] bounds = files.bounds();
        for (int j = 0; j < files.pieces(); j++) {
            long a = Math.max(from, bounds[j]), b = Math.min(to, bounds[j + 1]);
            if (a >= b) continue;
            try (RowSource s = RowSource.open(files.file(layer, j), 1)) {
                long rows = bounds[j + 1] - bounds[j];
                if (s.cols() != width || s.rows() != rows) {
                    throw new IOException(files.file(layer, j) + ": expected " + rows + " rows of " + width + " latents, found " + s.rows() + " of " + s.cols());
                }
                for (long at = a; at < b; at += chunk) into.accept(at, s.read(at - bounds[j], Math.min(b, at + chunk) - bounds[j]));
            }
        }
    }
}
