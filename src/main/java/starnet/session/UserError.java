package starnet.session;

/** Something the person asked for that cannot be done as asked; the message says why in plain words. */
public final class UserError extends RuntimeException {
    public UserError(String message) {
        super(message);
    }
}
