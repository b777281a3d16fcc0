package starnet.session;

import java.io.IOException;

/** The plain words for what went wrong, for the window and the command line (no Java or library names). */
public final class Messages {
    private Messages() {}

    /**
     * The one line a person sees for {@code e} when it is their input's fault (a {@link UserError}, data that cannot be
     * read as what it claims), else null: an internal error, whose detail goes to the log.
     */
    public static String forUser(Throwable e) {
        if (e instanceof UserError || e instanceof starnet.model.DataException) return e.getMessage();
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof starnet.math.NumericalFailure n) {
                AppLog.error("numerical failure", e);
                return "The solve could not finish: " + n.getMessage() + ". The values it was given are too large, not finite or too "
                        + "ill-conditioned; check the model and data, or try --solver cholesky or a larger --ridge.";
            }
        }
        return null;
    }

    /** The application's version ("dev" when run from classes). */
    public static String version() {
        return starnet.io.Version.get();
    }

    /** What an I/O failure means, in a few plain words (the file named once). */
    public static String describe(IOException e) {
        return starnet.model.IoMessages.describe(e);
    }
}
