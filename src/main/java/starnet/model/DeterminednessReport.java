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
                        + " is a degenerate, identity-like map that adds nothing: give it an input narrower than " + outW
                        + " (keeping dᵢ₋₁ < dᵢ, Theorem 1), or remove the layer."));
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
                        + (datapoints == 1 ? " datapoint for " : " datapoints for ") + unknowns + " unknowns per weight row (" + widths[i - 1] + " inputs + bias). Use at least "
                        + unknowns + " datapoints or a narrower input."));
            }
        }
        int widest = 0;
        for (int i = 0; i < k; i++) widest = Math.max(widest, widths[i]);
        boolean funnel = out.stream().noneMatch(c -> c.source().equals("Theorem 1") && c.status() == Condition.Status.ERROR);
        if (funnel) {
            boolean ok = widths[k - 1] + 1 <= datapoints;
            out.add(new Condition(ok ? Condition.Status.OK : Condition.Status.ERROR, "Lemma 6", 0,
                    "in an inverse funnel the last hidden width d(K−1) = " + widths[k - 1] + " is the widest input, so d(K−1) + 1 = "
                            + (widths[k - 1] + 1) + (ok ? " ≤ " : " > ") + "N = " + datapoints + " is the only weight condition to check"
                            + (ok ? "." : ": use more datapoints.")));
        }
        return new DeterminednessReport(out);
    }

    /** The whole report for a decoder: {@link #of} and, for its slope and depth, {@link #withAmplification}. */
    public static DeterminednessReport forDecoder(List<LayerPlan> plans, int datapoints, double slope) {
        return of(plans, datapoints).withAmplification(slope, plans.size());
    }

    /**
     * The whole report for a decoder trained with {@code training}: when SW solves on a sample or on partitions
     * (paper Lemma 8), the weight conditions are checked with the datapoints of its smallest system.
     */
    public static DeterminednessReport forDecoder(List<LayerPlan> plans, int datapoints, double slope, TrainingConfig training) {
        int rows = training.swDatapoints(datapoints);
        if (rows == datapoints) return forDecoder(plans, datapoints, slope);
        List<Condition> out = new ArrayList<>();
        int sample = training.swSample() == 0 || training.swSample() >= datapoints ? datapoints : training.swSample();
        int parts = Math.max(1, Math.min(training.swPartitions(), sample));
        out.add(new Condition(Condition.Status.OK, "Lemma 8", 0, "SW solves on " + (sample < datapoints ? "a random " + sample + " of the " + datapoints
                + " datapoints each epoch" : "all " + datapoints + " datapoints") + (parts > 1 ? ", split into " + parts + " partitions whose solutions are averaged" : "")
                + ", so each weight system has " + rows + " datapoints: the weight conditions below count those."));
        out.addAll(of(plans, rows).conditions());
        return new DeterminednessReport(out).withAmplification(slope, plans.size());
    }

    /** The report for resolved layer plans (feedforward or conv-unpool) and N datapoints used for SW. */
    public static DeterminednessReport of(List<LayerPlan> plans, int datapoints) {
        if (plans.stream().noneMatch(LayerPlan::isConv)) {
            int[] w = new int[plans.size() + 1];
            for (int i = 0; i < plans.size(); i++) w[i] = plans.get(i).inputWidth();
            w[plans.size()] = plans.get(plans.size() - 1).outputWidth();
            return feedforward(w, datapoints);
        }
        List<Condition> out = new ArrayList<>();
        for (LayerPlan p : plans) {
            ConvShape s = p.conv();
            int layer = p.index() + 1;
            int eq = s.outputWidth(), unknowns = s.inputWidth();
            if (eq >= unknowns) {
                out.add(new Condition(Condition.Status.OK, "Theorem 3", layer, "latents are determined (" + s.describe() + "): "
                        + eq + " equations per datapoint for " + unknowns + " unknown latents (" + s.cIn() + "×" + s.h() + "×" + s.w()
                        + "), if the operator has full column rank (checked with the weights)."));
            } else {
                out.add(new Condition(Condition.Status.ERROR, "Theorem 3", layer, "latents are under-determined (" + s.describe() + "): only "
                        + eq + " equations per datapoint for " + unknowns + " unknown latents; use fewer latent channels (now " + s.cIn()
                        + "), a larger unpool or full padding."));
            }
        }
        for (LayerPlan p : plans) {
            ConvShape s = p.conv();
            int layer = p.index() + 1;
            long equations = (long) datapoints * s.positions();
            int unknowns = s.patchSize() + 1;
            boolean ok = unknowns <= equations;
            out.add(new Condition(ok ? Condition.Status.OK : Condition.Status.ERROR, "Theorem 4", layer, (ok ? "kernels are determined: " : "kernels are under-determined: ")
                    + equations + " equations (" + datapoints + " datapoints × " + s.positions() + " positions) for " + unknowns
                    + " unknowns per kernel (" + s.cIn() + "×" + s.k() + "×" + s.k() + " + bias)" + (ok ? "." : "; use more datapoints.")));
        }
        for (LayerPlan p : plans) {
            ConvShape s = p.conv();
            if (s.padding() == Padding.SAME && s.k() > 1) {
                out.add(new Condition(Condition.Status.WARNING, "Lemma 7", p.index() + 1, "with same padding the border latents appear in fewer"
                        + " equations (part of their " + s.k() + "×" + s.k() + " footprint falls outside the output); full padding keeps every latent fully determined."));
            }
        }
        return new DeterminednessReport(out);
    }

    /**
     * This report plus, for each conv-unpool layer, Theorem 3's rank condition for the given weights:
     * the smallest singular value of the layer's operator A (from AᵀA's smallest eigenvalue).
     */
    public DeterminednessReport withRank(Decoder decoder, starnet.math.LinearAlgebra la) {
        List<Condition> out = new ArrayList<>(conditions);
        for (int i = 0; i < decoder.depth(); i++) {
            if (!(decoder.layers().get(i) instanceof ConvUnpoolLayer c) || !c.denseFits()) continue;
            double[] sv = OperatorRank.extremeSingularValues(c.affine().weights(), la);
            boolean full = sv[0] > 1e-10 * sv[1];
            out.add(new Condition(full ? Condition.Status.OK : Condition.Status.ERROR, "Theorem 3", i + 1, full
                    ? String.format("the operator A (%d×%d) has full column rank for the current weights: smallest singular value %.3g (largest %.3g).",
                    c.outputWidth(), c.inputWidth(), sv[0], sv[1])
                    : String.format("the operator A (%d×%d) is rank deficient for the current weights (smallest singular value %.3g): some latents are not determined; try another seed or init.",
                    c.outputWidth(), c.inputWidth(), sv[0])));
        }
        return new DeterminednessReport(out);
    }

    /**
     * This report with a warning when the decoder's depth and slope can amplify errors: an error in the latents
     * of layer i grows by up to 1/α through each leaky ReLU above it, so by up to (1/α)^(K−1) from the codes to
     * the image. Every system can be determined and the decoded images still be poor; the warning gives the estimate.
     *
     * @param slope α in (0, 1]
     * @param depth K, the number of layers
     */
    public DeterminednessReport withAmplification(double slope, int depth) {
        double factor = Math.pow(1 / slope, depth - 1);
        if (depth < 2 || factor < AMPLIFICATION_WARNING) return this;
        List<Condition> out = new ArrayList<>(conditions);
        out.add(new Condition(Condition.Status.WARNING, "Error amplification", 0, "an error in a lower layer's latents can grow by up to 1/α = "
                + plain(1 / slope) + "× through each leaky ReLU above it, so by up to " + plain(factor) + "× from the codes to the image (α = "
                + plain(slope) + ", " + depth + " layers). Every layer may fit well and the decoded images still be poor; "
                + "a slope nearer 1 or fewer layers keep this small."));
        return new DeterminednessReport(out);
    }

    /** Three significant digits, no trailing zeros: 5, 25, 0.2, 1.56. */
    private static String plain(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** The amplification (1/α)^(K−1) from which {@link #withAmplification} warns. */
    public static final double AMPLIFICATION_WARNING = 4;

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
