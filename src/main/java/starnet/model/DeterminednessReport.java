package starnet.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether every linear system StarNet will solve is determined, in plain words (paper §3.1):
 * Theorem 1 (latents, inverse funnel), Lemma 5 (square layers), Theorem 2 and Lemma 6 (weights).
 */
public record DeterminednessReport(List<Condition> conditions) {
    public DeterminednessReport {
        conditions = List.copyOf(conditions);
    }

    /**
     * @param widths d_0 … d_K (code width first, image size last)
     * @param datapoints N, the number of datapoints used for SW
     */
    public static DeterminednessReport feedforward(int[] widths, int datapoints) {
        List<Condition> out = new ArrayList<>();
        int k = widths.length - 1;
        for (int i = 1; i <= k; i++) {
            int in = widths[i - 1], outW = widths[i];
            String shape = " (" + in + " → " + outW + ")";
            if (in < outW) {
                out.add(new Condition(Condition.Status.OK, "Theorem 1", i, "latents are determined" + shape + ": "
                        + outW + " equations per datapoint for " + in + " unknowns, solved by least squares."));
            } else if (in == outW) {
                out.add(new Condition(Condition.Status.OK, "Theorem 1", i, "latents are exactly determined" + shape + ": "
                        + outW + " equations for " + in + " unknowns."));
                out.add(new Condition(Condition.Status.WARNING, "Lemma 5", i, "a square layer" + shape
                        + " collapses to a degenerate identity-like map and adds nothing; make it wider than " + in + "."));
            } else {
                out.add(new Condition(Condition.Status.ERROR, "Theorem 1", i, "latents are under-determined" + shape + ": only "
                        + outW + " equations per datapoint for " + in + " unknowns. Widths must not shrink toward the image"
                        + " (inverse funnel): make this layer's input at most " + outW + " wide."));
            }
        }
        for (int i = 1; i <= k; i++) {
            int unknowns = widths[i - 1] + 1;
            if (unknowns <= datapoints) {
                out.add(new Condition(Condition.Status.OK, "Theorem 2", i, "weights are determined: " + datapoints
                        + " datapoints (equations) for " + unknowns + " unknowns per weight row (" + widths[i - 1] + " inputs + bias)."));
            } else {
                out.add(new Condition(Condition.Status.ERROR, "Theorem 2", i, "weights are under-determined: " + datapoints
                        + " datapoints for " + unknowns + " unknowns per weight row (" + widths[i - 1] + " inputs + bias). Use at least "
                        + unknowns + " datapoints or a narrower input."));
            }
        }
        int widest = 0;
        for (int i = 0; i < k; i++) widest = Math.max(widest, widths[i]);
        boolean funnel = out.stream().noneMatch(c -> c.source().equals("Theorem 1") && c.status() == Condition.Status.ERROR);
        if (funnel) {
            boolean ok = widths[k - 1] + 1 <= datapoints;
            out.add(new Condition(ok ? Condition.Status.OK : Condition.Status.ERROR, "Lemma 6", 0,
                    "in an inverse funnel the last hidden width d_{K-1} = " + widths[k - 1] + " is the widest input, so d_{K-1} + 1 = "
                            + (widths[k - 1] + 1) + (ok ? " ≤ " : " > ") + "N = " + datapoints + " is the only weight condition to check"
                            + (ok ? "." : ": use more datapoints.")));
        }
        return new DeterminednessReport(out);
    }

    public boolean hasErrors() { return conditions.stream().anyMatch(c -> c.status() == Condition.Status.ERROR); }

    public boolean hasWarnings() { return conditions.stream().anyMatch(c -> c.status() == Condition.Status.WARNING); }

    /** The first ✗ line, for a tooltip on disabled train buttons; empty when none. */
    public String firstError() {
        return conditions.stream().filter(c -> c.status() == Condition.Status.ERROR).map(Condition::line).findFirst().orElse("");
    }

    public String text() {
        StringBuilder sb = new StringBuilder();
        for (Condition c : conditions) sb.append(c.line()).append('\n');
        return sb.toString();
    }
}
