package starnet.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A sweep's plan: a base configuration and one or two settings to vary, each over its values; one training per
 * combination.
 *
 * @param base the configuration every run starts from
 * @param axes one or two different settings with their values
 */
public record SweepPlan(StarNetConfig base, List<SweepAxis> axes) {
    public SweepPlan {
        if (axes.isEmpty() || axes.size() > 2) throw new IllegalArgumentException("a sweep varies one or two settings, got " + axes.size());
        if (axes.size() == 2 && axes.get(0).param() == axes.get(1).param()) throw new IllegalArgumentException("the two swept settings must differ");
        axes = List.copyOf(axes);
    }

    /** Every combination, the first axis varying slowest. */
    public List<List<String>> combinations() {
        List<List<String>> out = new ArrayList<>();
        for (String a : axes.get(0).values()) {
            if (axes.size() == 1) out.add(List.of(a));
            else for (String b : axes.get(1).values()) out.add(List.of(a, b));
        }
        return out;
    }

    /** The configuration of one combination. */
    public StarNetConfig config(List<String> values) {
        StarNetConfig c = base;
        for (int i = 0; i < axes.size(); i++) c = axes.get(i).param().apply(c, values.get(i));
        return c;
    }

    /** "slope = 0.2, ridge = 1e-6". */
    public String describe(List<String> values) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < axes.size(); i++) parts.add(axes.get(i).param().id() + " = " + axes.get(i).param().display(values.get(i)));
        return String.join(", ", parts);
    }
}
