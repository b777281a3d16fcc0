package starnet.training;

/** Thrown out of a step that was cancelled; the trainer's state is as before that step. */
public final class CancelledException extends RuntimeException {
    public CancelledException() {
        super("cancelled", null, false, false);
    }
}
