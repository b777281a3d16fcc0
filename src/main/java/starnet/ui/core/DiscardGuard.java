package starnet.ui.core;

/** Asks the person before an action discards trained steps. */
@FunctionalInterface
public interface DiscardGuard {
    /**
     * @param action what would discard them, e.g. "Reset" or "Loading other data"
     * @param steps  how many trained steps would be lost (more than 0)
     * @return true to go ahead
     */
    boolean allowDiscard(String action, int steps);

    /** Always goes ahead (undo still brings the steps back). */
    DiscardGuard ALLOW = (action, steps) -> true;
}
