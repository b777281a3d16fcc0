package starnet.session;

/** A plain-word message for the notification bar. */
public record Notice(String text, Kind kind) {
    public enum Kind { INFO, WARNING, ERROR }

    public static Notice info(String t) { return new Notice(t, Kind.INFO); }
    public static Notice error(String t) { return new Notice(t, Kind.ERROR); }
}
