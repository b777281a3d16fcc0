package starnet.ui.core;

/** What each of the paper's results says, in plain words with its section: the help behind conditions, metrics and systems. */
public final class PaperNotes {
    private PaperNotes() {}

    /** The explanation of a condition's source ("Theorem 1", "Lemma 5", …), or a general line for others. */
    public static String explain(String source) {
        return switch (source) {
            case "Theorem 1" -> "Paper §3, Theorem 1: the latents of a dense layer are determined when the layer has at least as many outputs as "
                    + "inputs (dᵢ₋₁ ≤ dᵢ — widths grow toward the image, an inverse funnel). Then every datapoint's system W [h; 1] = a⁻¹(t) "
                    + "has at least as many equations as unknowns and SL has one least-squares answer.";
            case "Theorem 2" -> "Paper §3, Theorem 2: the weights of a layer are determined when there are at least as many datapoints as "
                    + "inputs plus the bias (N ≥ dᵢ₋₁ + 1): each row of weights is then one system with N equations in dᵢ₋₁ + 1 unknowns.";
            case "Lemma 5" -> "Paper §3, Lemma 5: a layer with as many inputs as outputs (dᵢ₋₁ = dᵢ) is exactly determined and can "
                    + "always fit its targets perfectly: it behaves like an identity and teaches the layers below nothing.";
            case "Lemma 6" -> "Paper §3, Lemma 6: in an inverse funnel the widest input is the last hidden layer's, so N ≥ d(K−1) + 1 is "
                    + "the one weight condition that matters.";
            case "Theorem 3" -> "Paper §4, Theorem 3: the latent grid of a conv-unpool layer is determined when the layer has at least as many "
                    + "outputs as latent values and its linear operator A has full column rank (its smallest singular value is not zero).";
            case "Theorem 4" -> "Paper §4, Theorem 4: each kernel of a conv-unpool layer is one system; it is determined when the datapoints' "
                    + "patches give at least as many equations (N × positions) as the kernel has weights plus its bias (k²·c_in + 1).";
            case "Lemma 7" -> "Paper §4, Lemma 7: with full padding every latent pixel's whole k × k footprint lies inside the output, so no "
                    + "latent value goes unconstrained at the border.";
            case "Error amplification" -> "Layer-wise training fits each layer to the latents of the layer above. An error left in a lower "
                    + "layer's latents passes back through each leaky ReLU above it, where a negative value is divided by α: it can grow by "
                    + "1/α per layer. With a small slope and many layers the decoded images can be poor although every layer fits well.";
            default -> "A condition from the paper's analysis of when the linear systems are determined.";
        };
    }

}
