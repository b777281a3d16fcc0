package starnet.model;

/**
 * One line of the determinedness report.
 *
 * @param status  ✓ satisfied, ⚠ warning, ✗ violated
 * @param source  the theorem or lemma it comes from, e.g. "Theorem 1"
 * @param layer   1-based layer the line is about, or 0 for the whole network
 * @param message plain words with the numbers
 */
public record Condition(Status status, String source, int layer, String message) {
    public enum Status {
        OK("✓"), WARNING("⚠"), ERROR("✗");
        private final String symbol;
        Status(String symbol) { this.symbol = symbol; }
        public String symbol() { return symbol; }
    }

    /** "✓ Theorem 1 — layer 2: …" */
    public String line() {
        return status.symbol() + " " + source + (layer > 0 ? " — layer " + layer : "") + ": " + message;
    }
}
