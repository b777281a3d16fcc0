package starnet.training;

/** Asked between solves and inside long chunked loops; throws {@link CancelledException} when the user stopped. */
@FunctionalInterface
public interface Cancellation {
    Cancellation NEVER = () -> false;

    boolean isCancelled();

    default void check() {
        if (isCancelled()) throw new CancelledException();
    }
}
