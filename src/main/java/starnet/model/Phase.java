package starnet.model;

/** One half of an epoch: solve latents (SL) or solve weights (SW). */
public enum Phase {
    SL, SW;

    public String label() { return name(); }
}
