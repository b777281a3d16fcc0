package starnet.session;

import java.nio.file.Path;

/**
 * The file a session's work belongs to and the revision it was saved or opened at.
 *
 * @param file          the session file, or null when untitled
 * @param savedRevision the work's revision when last saved or opened (−1: never)
 * @param stamp         what the file held then, as the session's stamp for it (see {@code SessionCore#fileStamps})
 */
record FileIdentity(Path file, long savedRevision, long stamp) {
    static final FileIdentity UNTITLED = new FileIdentity(null, -1, -1);

    FileIdentity {
        if (file != null) file = file.toAbsolutePath().normalize();
    }
}
