package starnet.model;

import java.util.List;
import java.util.Map;

/**
 * A setting on which compared runs disagree, and each run's value ("—" where a run does not have it).
 *
 * @param setting the setting's dotted path in the configuration file (e.g. architecture.slope)
 * @param values  one value per run, in the runs' order
 */
public record RunDifference(String setting, List<String> values) {
    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("data.source", "Dataset"), Map.entry("data.split", "Split"), Map.entry("data.limit", "Items used"),
            Map.entry("data.csv.label", "CSV label column"), Map.entry("data.csv.shape", "CSV image shape"), Map.entry("data.csv.maxValue", "CSV pixel maximum"),
            Map.entry("architecture.kind", "Decoder"), Map.entry("architecture.widths", "Layer widths"),
            Map.entry("architecture.slope", "Leaky-ReLU slope α"), Map.entry("architecture.kernels", "Channels per layer"),
            Map.entry("architecture.kernelSizes", "Kernel sizes"), Map.entry("architecture.unpools", "Unpool factors"),
            Map.entry("architecture.padding", "Padding"), Map.entry("training.maxEpochs", "Epochs per layer (at most)"),
            Map.entry("training.tolerance", "Tolerance"), Map.entry("training.seed", "Seed"), Map.entry("training.solver", "Solver"),
            Map.entry("training.ridge", "Ridge λ"), Map.entry("training.order", "Order (SL or SW first)"), Map.entry("training.init", "Init"),
            Map.entry("training.swSample", "SW sample (datapoints)"), Map.entry("training.swPartitions", "SW partitions"),
            Map.entry("training.latentPath", "Latent solve path"));

    /** The setting as the window names it ("Leaky-ReLU slope α"); an unknown path in words ("training.fooBar" → "Foo bar"). */
    public String title() {
        String known = NAMES.get(setting);
        if (known != null) return known;
        String last = setting.substring(setting.lastIndexOf('.') + 1);
        String words = last.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return words.isEmpty() ? setting : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
