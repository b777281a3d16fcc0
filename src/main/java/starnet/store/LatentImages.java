package starnet.store;

import starnet.model.LatentFiles;

import java.io.IOException;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The bookkeeping of an engine that writes its latents as files for a run's images ({@link LatentFiles}): the folders of
 * current latents written for each image, and which of them an image that is safely written no longer needs. A finished
 * layer's folder is written once and kept with the run. Driven by the engine's thread.
 */
public final class LatentImages {
    private final Map<String, Integer> currentFolders = new LinkedHashMap<>(); // folder of current latents → the image it was written for
    private final Map<LatentFiles, Integer> images = new HashMap<>();         // files handed out → image number
    private final String[] finalFolders;
    private final String token = Long.toString(System.currentTimeMillis(), 36); // this process's names differ from an earlier one's
    private int count;
    private Object lastLatents;
    private String lastFolder;

    /** For an engine of {@code layers} layers. */
    public LatentImages(int layers) {
        this.finalFolders = new String[layers];
    }

    /** The number of the next image. */
    public int next() { return ++count; }

    /** The folder name for layer {@code layer}'s (0-based) finished latents. */
    public String finalName(int layer) { return "layer" + (layer + 1) + "-final-" + token; }

    /** The folder name for layer {@code layer}'s current latents written for image {@code image}. */
    public String imageName(int layer, int image) { return "layer" + (layer + 1) + "-image" + image + "-" + token; }

    /** The folder layer {@code layer}'s finished latents were written to, or null while they have not been. */
    public String finalFolder(int layer) { return finalFolders[layer]; }

    /** Layer {@code layer}'s finished latents are in {@code folder} (null: written anew by the next image). */
    public void finalIn(int layer, String folder) { finalFolders[layer] = folder; }

    /** {@code folder} holds current latents written for image {@code image} (0: those a continued run started from). */
    public void currentIn(String folder, int image) { currentIn(folder, image, null); }

    /**
     * {@code folder} holds the current latents {@code latents} (the engine's object holding them, never changed once
     * adopted; null when unknown), written for image {@code image}.
     */
    public void currentIn(String folder, int image, Object latents) {
        currentFolders.put(folder, image);
        lastLatents = latents;
        lastFolder = folder;
    }

    /**
     * The folder that holds {@code latents} already (SW leaves the latents as they were), marked as image {@code image}'s;
     * null when they have not been written (or their folder is gone).
     */
    public String alreadyIn(Object latents, int image) {
        if (latents == null || latents != lastLatents || !currentFolders.containsKey(lastFolder)) return null;
        currentFolders.put(lastFolder, image);
        return lastFolder;
    }

    /** {@code files} were handed out for image {@code image}. */
    public void handedOut(LatentFiles files, int image) { images.put(files, image); }

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
}
