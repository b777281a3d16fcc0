package starnet.model;

import starnet.model.ArchitectureConfig;
import starnet.model.SolveOrder;
import starnet.model.StarNetConfig;

import java.util.List;

/** A setting a sweep varies, with how its values are written and applied. */
public enum SweepParam {
    SLOPE("slope", "leaky-ReLU slope α", true, false),
    RIDGE("ridge", "ridge λ", true, true),
    SW_SAMPLE("sw-sample", "SW sample size (all, or a number of datapoints)", true, false),
    SW_PARTITIONS("sw-partitions", "SW partitions averaged", true, false),
    EPOCHS("epochs", "epochs per layer", true, false),
    SEED("seed", "seed", true, false),
    WIDTHS("widths", "layer widths", false, false),
    KERNELS("kernels", "kernel counts", false, false),
    ORDER("order", "solve order", false, false);

    private final String id, label;
    private final boolean numeric, logScale;

    SweepParam(String id, String label, boolean numeric, boolean logScale) {
        this.id = id;
        this.label = label;
        this.numeric = numeric;
        this.logScale = logScale;
    }

    /** The name on the command line ({@code --param slope=…}). */
    public String id() { return id; }

    public String label() { return label; }

    /** Whether the values are numbers (else: lists or choices, plotted by position). */
    public boolean numeric() { return numeric; }

    /** Whether a chart shows this setting on a log scale (ridge). */
    public boolean logScale() { return logScale; }

    @Override public String toString() { return label; }

    /** The parameter named {@code id}. */
    public static SweepParam parse(String id) {
        for (SweepParam p : values()) if (p.id.equals(id.trim())) return p;
        throw new IllegalArgumentException("cannot sweep '" + id.trim() + "': expected one of " + ids());
    }

    public static String ids() {
        return String.join(", ", java.util.Arrays.stream(values()).map(SweepParam::id).toList());
    }

    /**
     * {@code c} with this setting at {@code value} (lists such as widths written with "/" between layers, e.g. 32/64).
     *
     * @throws IllegalArgumentException for a value this setting cannot take, in plain words
     */
    public StarNetConfig apply(StarNetConfig c, String value) {
        String v = value.trim();
        var a = c.architecture();
        var t = c.training();
        try {
            return switch (this) {
                case SLOPE -> c.withArchitecture(a.withSlope(number(v)));
                case RIDGE -> c.withTraining(t.withRidge(number(v)));
                case SW_SAMPLE -> c.withTraining(t.withSwSampling(v.equals("all") ? 0 : whole(v), t.swPartitions()));
                case SW_PARTITIONS -> c.withTraining(t.withSwSampling(t.swSample(), whole(v)));
                case EPOCHS -> c.withTraining(t.withMaxEpochs(whole(v)));
                case SEED -> c.withTraining(t.withSeed(Long.parseLong(v)));
                case WIDTHS -> c.withArchitecture(a.withWidths(ArchitectureConfig.parseWidths(v.replace('/', ','))));
                case KERNELS -> c.withArchitecture(a.withKernels(ArchitectureConfig.parseList(v.replace('/', ','), "kernels", "6/2")));
                case ORDER -> c.withTraining(t.withOrder(SolveOrder.parse(v)));
            };
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(id + " = '" + v + "': expected " + (this == SEED || this == EPOCHS || this == SW_SAMPLE || this == SW_PARTITIONS
                    ? "a whole number" : "a number"));
        }
    }

    /** The value as people read it ("all" for an SW sample of 0). */
    public String display(String value) {
        return this == SW_SAMPLE && (value.trim().equals("0") || value.trim().equals("all")) ? "all" : value;
    }

    /**
     * Whether {@code values} are drawn at their own numbers: numbers are, except an SW sample with "all" among them
     * (all of the datapoints is no point on the same axis as 300 of them): then every value is drawn at its position.
     */
    public boolean numericFor(List<String> values) {
        return numeric && !(this == SW_SAMPLE && values.stream().anyMatch(v -> v.trim().equals("all") || v.trim().equals("0")));
    }

    /** The value as a number for a chart: itself (log₁₀ of it on a log scale) for numbers, else its position. */
    public double plotted(String value, List<String> all) {
        if (!numericFor(all)) return all.indexOf(value) + 1;
        double d = Double.parseDouble(value.trim());
        return logScale ? Math.log10(d) : d;
    }

    private static double number(String v) {
        double d = Double.parseDouble(v);
        if (!Double.isFinite(d)) throw new NumberFormatException(v);
        return d;
    }

    private static int whole(String v) { return Integer.parseInt(v); }
}
