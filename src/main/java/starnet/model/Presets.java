package starnet.model;

import java.util.List;

/** The paper's architectures, by name, for the CLI's --preset and the UI's preset list. */
public final class Presets {
    /**
     * One named architecture.
     *
     * @param channels the image channels it is made for (1 grey, 3 colour), or 0 when it suits any images
     */
    public record Preset(String id, String title, ArchitectureConfig architecture, int channels) {
        Preset(String id, String title, ArchitectureConfig architecture) {
            this(id, title, architecture, 0);
        }

        @Override public String toString() { return title; }

        /**
         * Why this preset does not suit images of {@code channels} channels (a colour decoder on grey digits trains to
         * nonsense), or "" when it does.
         */
        public String mismatch(int channels) {
            if (this.channels == 0 || this.channels == channels) return "";
            String made = this.channels == 3 ? "colour (3-channel) images like CIFAR-10 and SVHN" : "grey (1-channel) images like MNIST";
            return "preset " + id + " is made for " + made + ", but the data has " + channels + " channel" + (channels == 1 ? "" : "s");
        }

        /** The preset of the same kind made for images of {@code channels} channels, if there is one. */
        public java.util.Optional<Preset> insteadFor(int channels) {
            return ALL.stream().filter(p -> p.channels == channels && p.architecture.kind() == architecture.kind()).findFirst();
        }
    }

    public static final List<Preset> ALL = List.of(
            new Preset("paper-ff", "Paper feedforward: 128 → 256 → image", new ArchitectureConfig(List.of(128, 256), 0.5)),
            new Preset("mnist-conv", "Paper conv, MNIST: 7×7×6 → 14×14×2 → 28×28×1 (k 7, u 2, same)",
                    ArchitectureConfig.conv(List.of(6, 2), List.of(7), List.of(2), Padding.SAME, 0.5), 1),
            new Preset("mnist-conv-full", "Conv, MNIST, full padding: 4×4×6 → 12×12×2 → 28×28×1 (k 3, u 2)",
                    ArchitectureConfig.conv(List.of(6, 2), List.of(3), List.of(2), Padding.FULL, 0.5), 1),
            new Preset("cifar-conv", "Paper conv, CIFAR/SVHN: 8×8×10 → 16×16×4 → 32×32×3 (k 7, u 2, same)",
                    ArchitectureConfig.conv(List.of(10, 4), List.of(7), List.of(2), Padding.SAME, 0.5), 3),
            new Preset("cifar-conv-full", "Conv, CIFAR/SVHN, full padding: 5×5×10 → 14×14×4 → 32×32×3 (k 3, u 2)",
                    ArchitectureConfig.conv(List.of(10, 4), List.of(3), List.of(2), Padding.FULL, 0.5), 3),
            new Preset("small-ff", "Small and fast: 32 → 96 → image", new ArchitectureConfig(List.of(32, 96), 0.5)),
            new Preset("deep-ff", "Deeper: 64 → 128 → 256 → image", new ArchitectureConfig(List.of(64, 128, 256), 0.5)));

    private Presets() {}

    /** Every preset's name, in list order. */
    public static List<String> names() {
        return ALL.stream().map(Preset::id).toList();
    }

    public static Preset find(String id) {
        for (Preset p : ALL) if (p.id().equals(id)) return p;
        StringBuilder names = new StringBuilder();
        for (Preset p : ALL) names.append(names.length() == 0 ? "" : ", ").append(p.id());
        throw new IllegalArgumentException("unknown preset '" + id + "': expected one of " + names);
    }
}
