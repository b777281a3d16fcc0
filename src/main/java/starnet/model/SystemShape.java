package starnet.model;

/**
 * The linear systems one solve works on, in the paper's terms: how many independent systems, how many
 * equations and unknowns each has, what is unknown and what is known, and the theorem that says when
 * they are determined. One place for these counts: the window shows them, it does not recompute them.
 *
 * @param phase     SL (solve latents) or SW (solve weights)
 * @param layer     1-based layer
 * @param systems   independent systems solved together (they share one left-hand side)
 * @param equations equations per system
 * @param unknowns  unknowns per system
 * @param unknown   what is solved for, in the paper's symbols
 * @param known     what is held fixed
 * @param equation  the system, e.g. "W₂ [h; 1] = a⁻¹(t)"
 * @param theorem   the paper's result on when it is determined, e.g. "Theorem 1"
 */
public record SystemShape(Phase phase, int layer, long systems, long equations, long unknowns, String unknown, String known,
                          String equation, String theorem) {

    /**
     * The systems of {@code phase} on layer {@code p} with {@code datapoints} datapoints ({@code swRows}: the
     * datapoints SW uses, fewer when it samples).
     */
    public static SystemShape of(LayerPlan p, Phase phase, int datapoints, int swRows) {
        int layer = p.index() + 1;
        String w = "W" + subscript(layer);
        if (p.conv() == null) {
            return phase == Phase.SL
                    ? new SystemShape(phase, layer, datapoints, p.outputWidth(), p.inputWidth(), "the latents h (one " + p.inputWidth() + "-vector per datapoint)",
                    "the weights " + w + " (" + p.outputWidth() + " × " + (p.inputWidth() + 1) + ")", w + " [h; 1] = a⁻¹(t)", "Theorem 1")
                    : new SystemShape(phase, layer, p.outputWidth(), swRows, p.inputWidth() + 1L, "one row of " + w + " (with its bias) per system",
                    String.format("the latents H of all %,d datapoints", swRows), "[H, 1] wᵣᵀ = a⁻¹(tᵣ)", "Theorem 2");
        }
        ConvShape c = p.conv();
        return phase == Phase.SL
                ? new SystemShape(phase, layer, datapoints, p.outputWidth(), p.inputWidth(),
                "the latent grid h (" + c.cIn() + "×" + c.h() + "×" + c.w() + " per datapoint)",
                "the conv-unpool operator A of " + w + " (" + p.outputWidth() + " × " + p.inputWidth() + ")", "A h = a⁻¹(t) − b", "Theorem 3")
                : new SystemShape(phase, layer, c.kernels(), (long) swRows * c.positions(), c.patchSize() + 1L,
                "one kernel (" + c.cIn() + "×" + c.k() + "×" + c.k() + ") and its bias per system",
                String.format("the latent patches of all %,d datapoints at %,d positions", swRows, c.positions()), "[P, 1] kᵣᵀ = a⁻¹(tᵣ)", "Theorem 4");
    }

    /** Determined (or over-determined): at least as many equations as unknowns. */
    public boolean determined() { return equations >= unknowns; }

    /** "8,000 systems of 784 equations in 256 unknowns". */
    public String counts() {
        return String.format("%,d system%s of %,d equations in %,d unknowns", systems, systems == 1 ? "" : "s", equations, unknowns);
    }

    /** n in subscript digits: 12 → "₁₂". */
    public static String subscript(int n) {
        StringBuilder sb = new StringBuilder();
        for (char ch : Integer.toString(n).toCharArray()) sb.append((char) ('₀' + (ch - '0')));
        return sb.toString();
    }
}
