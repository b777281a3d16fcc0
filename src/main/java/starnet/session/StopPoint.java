package starnet.session;

/** Where a training run stops by itself, so a lecturer can talk about what just happened (Play continues). */
public enum StopPoint {
    /** After the solve that finishes a layer (its latents become the targets of the layer below). */
    LAYER_END("at each layer boundary"),
    /** After the solve that completes an epoch (SL and SW once each). */
    EPOCH_END("after each epoch");

    private final String words;

    StopPoint(String words) {
        this.words = words;
    }

    /** How the stop reads in a sentence ("stops at each layer boundary"). */
    public String words() { return words; }
}
