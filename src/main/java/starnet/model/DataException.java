package starnet.model;

/** A file or folder that cannot be read as a dataset; the message names it and says what was expected. */
public final class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }

    public static DataException of(Object file, String what) {
        return new DataException(file + ": " + what);
    }

    /** A file that the system would not let us read, in plain words (which file and why). */
    public static DataException unreadable(Object file, java.io.IOException e) {
        return new DataException(file + ": cannot be read (" + starnet.model.IoMessages.describe(e, file) + ")", e);
    }
}
