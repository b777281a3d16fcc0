package starnet.data;

/** A file or folder that cannot be read as a dataset; the message names it and says what was expected. */
public final class DataException extends RuntimeException {
    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }

    static DataException of(Object file, String what) {
        return new DataException(file + ": " + what);
    }
}
