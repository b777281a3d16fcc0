package starnet.session;

import java.io.IOException;

/** The plain words for what went wrong, for the window and the command line (no Java or library names). */
public final class Messages {
    private Messages() {}

    /** What an I/O failure means, in a few plain words (the file named once). */
    public static String describe(IOException e) {
        return starnet.io.IoMessages.describe(e);
    }
}
