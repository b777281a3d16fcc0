package starnet.model;

import java.util.List;

/** The datasets that ship with the workbench (real images, a few thousand of each), by name. */
public final class SampleCatalog {
    /** How a data source names a bundled sample: "sample:mnist". */
    public static final String PREFIX = "sample:";

    /** One bundled dataset. */
    public record Sample(String id, String title, List<String> classNames) {
        public String source() { return PREFIX + id; }
    }

    public static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");
    public static final List<String> FASHION = List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
            "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    public static final List<Sample> ALL = List.of(
            new Sample("mnist", "MNIST digits", DIGITS),
            new Sample("fashion-mnist", "Fashion-MNIST", FASHION));

    private SampleCatalog() {}

    public static boolean isSample(String source) { return source.startsWith(PREFIX); }
}
