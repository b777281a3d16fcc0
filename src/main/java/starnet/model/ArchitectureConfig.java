package starnet.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * The decoder's shape, feedforward or convolutional.
 * <p>
 * Feedforward: {@code widths} are the hidden widths first to last (d_0 … d_{K-1}); the output width
 * d_K is the image size. Convolutional: {@code kernels} are the channels of the latent grid entering
 * each layer, first to last (the paper's "kernels", e.g. 6,2 for 7×7×6 → 14×14×2 → 28×28×1); the last
 * layer outputs the image's channels; grid sizes follow from the image size backwards.
 *
 * @param kind        feedforward or conv
 * @param widths      feedforward widths, code first, e.g. [128, 256]
 * @param slope       leaky-ReLU slope α in [10⁻⁶, 1]
 * @param kernels     conv: latent channels per layer, first to last
 * @param kernelSizes conv: odd kernel size per layer (one value = every layer)
 * @param unpools     conv: unpool factor per layer (one value = every layer)
 * @param padding     conv: same or full
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ArchitectureConfig(ArchitectureKind kind, List<Integer> widths, double slope, List<Integer> kernels,
                                 List<Integer> kernelSizes, List<Integer> unpools, Padding padding) {
    /** Bounds that keep every count in range and one layer's arrays in memory. */
    public static final int MAX_WIDTH = 1_000_000, MAX_KERNEL = 63, MAX_UNPOOL = 16, MAX_CHANNELS = 4096;

    public ArchitectureConfig {
        if (kind == null) kind = ArchitectureKind.FEEDFORWARD;
        widths = widths == null ? List.of(128, 256) : List.copyOf(widths);
        kernels = kernels == null ? List.of(6, 2) : List.copyOf(kernels);
        kernelSizes = kernelSizes == null ? List.of(7) : List.copyOf(kernelSizes);
        unpools = unpools == null ? List.of(2) : List.copyOf(unpools);
        if (padding == null) padding = Padding.SAME;
        new LeakyRelu(slope); // validates
        if (kind == ArchitectureKind.FEEDFORWARD) {
            if (widths.isEmpty()) throw new IllegalArgumentException("widths must list at least one layer width, e.g. 128,256");
            for (Integer w : widths) if (w == null || w < 1) throw new IllegalArgumentException("every width must be a whole number ≥ 1, got " + widths);
            for (Integer w : widths) {
                if (w > MAX_WIDTH) throw new IllegalArgumentException("every width must be at most " + MAX_WIDTH + " (one layer's weights must fit in memory), got " + w);
            }
        } else {
            if (kernels.isEmpty()) throw new IllegalArgumentException("kernels must list the channels of each layer's latent grid, e.g. 6,2");
            for (Integer c : kernels) if (c == null || c < 1) throw new IllegalArgumentException("every kernel count must be ≥ 1, got " + kernels);
            perLayer(kernelSizes, kernels.size(), "kernel sizes");
            perLayer(unpools, kernels.size(), "unpool sizes");
            for (Integer k : kernelSizes) {
                if (k == null || k < 1 || k % 2 == 0 || k > MAX_KERNEL) {
                    throw new IllegalArgumentException("kernel sizes must be odd numbers from 1 to " + MAX_KERNEL + ", got " + kernelSizes);
                }
            }
            for (Integer u : unpools) if (u == null || u < 1 || u > MAX_UNPOOL) throw new IllegalArgumentException("unpool sizes must be from 1 to " + MAX_UNPOOL + ", got " + unpools);
            for (Integer c : kernels) if (c > MAX_CHANNELS) throw new IllegalArgumentException("kernel counts must be at most " + MAX_CHANNELS + ", got " + kernels);
        }
    }

    private static void perLayer(List<Integer> values, int layers, String what) {
        if (values.size() != 1 && values.size() != layers) {
            throw new IllegalArgumentException(what + " must give one value or one per layer (" + layers + "), got " + values);
        }
    }

    /** A feedforward architecture. */
    public ArchitectureConfig(List<Integer> widths, double slope) {
        this(ArchitectureKind.FEEDFORWARD, widths, slope, null, null, null, null);
    }

    /** A convolutional architecture. */
    public static ArchitectureConfig conv(List<Integer> kernels, List<Integer> kernelSizes, List<Integer> unpools, Padding padding, double slope) {
        return new ArchitectureConfig(ArchitectureKind.CONV, null, slope, kernels, kernelSizes, unpools, padding);
    }

    public static ArchitectureConfig defaults() { return new ArchitectureConfig(List.of(128, 256), 0.5); }

    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isConv() { return kind == ArchitectureKind.CONV; }

    public int depth() { return isConv() ? kernels.size() : widths.size(); }

    public ArchitectureConfig withSlope(double s) { return new ArchitectureConfig(kind, widths, s, kernels, kernelSizes, unpools, padding); }
    public ArchitectureConfig withWidths(List<Integer> w) { return new ArchitectureConfig(kind, w, slope, kernels, kernelSizes, unpools, padding); }
    public ArchitectureConfig withKernels(List<Integer> k) { return new ArchitectureConfig(kind, widths, slope, k, kernelSizes, unpools, padding); }

    /**
     * Resolves the layers for images of (channels, height, width).
     *
     * @throws IllegalArgumentException in plain words when conv sizes do not divide
     */
    public List<LayerPlan> plan(int channels, int height, int width) {
        List<LayerPlan> plans = new ArrayList<>();
        if (!isConv()) {
            int[] d = allWidths(channels * height * width);
            for (int i = 0; i + 1 < d.length; i++) plans.add(new LayerPlan(i, d[i], d[i + 1], null));
            return plans;
        }
        int k = kernels.size();
        ConvShape[] shapes = new ConvShape[k];
        int outC = channels, outH = height, outW = width;
        for (int i = k - 1; i >= 0; i--) {
            int ks = kernelSizes.get(kernelSizes.size() == 1 ? 0 : i), u = unpools.get(unpools.size() == 1 ? 0 : i);
            shapes[i] = ConvShape.forTarget(kernels.get(i), outC, ks, u, padding, outH, outW, i + 1);
            outC = shapes[i].cIn();
            outH = shapes[i].h();
            outW = shapes[i].w();
        }
        for (int i = 0; i < k; i++) plans.add(new LayerPlan(i, shapes[i].inputWidth(), shapes[i].outputWidth(), shapes[i]));
        return plans;
    }

    /** d_0 … d_K for images of (channels, height, width), either kind. */
    public int[] widths(int channels, int height, int width) {
        List<LayerPlan> p = plan(channels, height, width);
        int[] d = new int[p.size() + 1];
        for (int i = 0; i < p.size(); i++) d[i] = p.get(i).inputWidth();
        d[p.size()] = p.get(p.size() - 1).outputWidth();
        return d;
    }

    /** Feedforward only: d_0 … d_K for images of {@code outputWidth} values. */
    public int[] allWidths(int outputWidth) {
        int[] d = new int[widths.size() + 1];
        for (int i = 0; i < widths.size(); i++) d[i] = widths.get(i);
        d[widths.size()] = outputWidth;
        return d;
    }

    /** Parses "128,256" (spaces allowed). */
    public static List<Integer> parseWidths(String text) {
        return parseList(text, "widths", "128,256");
    }

    /** Parses a comma-separated list of whole numbers; {@code what} and {@code example} go into the message. */
    public static List<Integer> parseList(String text, String what, String example) {
        String[] parts = text.trim().split("\\s*,\\s*");
        Integer[] w = new Integer[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                w[i] = Integer.parseInt(parts[i]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " must be whole numbers separated by commas, e.g. " + example + "; got '" + text + "'");
            }
        }
        return List.of(w);
    }
}
