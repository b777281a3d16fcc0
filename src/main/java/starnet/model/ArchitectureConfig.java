package starnet.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * The decoder's shape. {@code widths} are the hidden widths first to last (d_0 … d_{K-1}); the
 * output width d_K is the image size and comes from the dataset.
 *
 * @param widths code width first, e.g. [128, 256] for MNIST means 128 → 256 → 784
 * @param slope  leaky-ReLU slope α in (0, 1]
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArchitectureConfig(List<Integer> widths, double slope) {
    public ArchitectureConfig {
        if (widths == null || widths.isEmpty()) throw new IllegalArgumentException("widths must list at least one layer width, e.g. 128,256");
        for (Integer w : widths) {
            if (w == null || w < 1) throw new IllegalArgumentException("every width must be a whole number ≥ 1, got " + widths);
        }
        widths = List.copyOf(widths);
        new LeakyRelu(slope); // validates
    }

    public static ArchitectureConfig defaults() { return new ArchitectureConfig(List.of(128, 256), 0.5); }

    /** d_0 … d_K for images of {@code outputWidth} values. */
    public int[] allWidths(int outputWidth) {
        int[] d = new int[widths.size() + 1];
        for (int i = 0; i < widths.size(); i++) d[i] = widths.get(i);
        d[widths.size()] = outputWidth;
        return d;
    }

    /** Parses "128,256" (spaces allowed). */
    public static List<Integer> parseWidths(String text) {
        String[] parts = text.trim().split("\\s*,\\s*");
        Integer[] w = new Integer[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                w[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("widths must be whole numbers separated by commas, e.g. 128,256; got '" + text + "'");
            }
        }
        return List.of(w);
    }
}
