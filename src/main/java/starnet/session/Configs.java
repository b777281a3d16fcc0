package starnet.session;

import starnet.io.ConfigJson;
import starnet.model.StarNetConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/** Configuration files (config.json): read whole, and only when they are what they claim to be. */
public final class Configs {
    /** A configuration is a few hundred bytes; anything past this is not one. */
    static final long MAX_BYTES = 1 << 20;

    private Configs() {}

    /**
     * The configuration in {@code file}: a regular file of at most 1 MB holding a StarNet configuration.
     *
     * @throws UserError in plain words otherwise (a folder, a pipe or device, too large, unreadable, not a configuration)
     */
    public static StarNetConfig read(Path file) {
        if (!Files.exists(file)) throw new UserError(file + ": no such file; expected a config.json written by train or the window");
        if (!Files.isRegularFile(file)) {
            throw new UserError(file + ": not a regular file (" + (Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS) ? "a folder" : "a pipe, device or socket")
                    + "); expected a config.json");
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) throw new UserError(file + ": " + size + " bytes; a configuration is a small JSON file (at most 1 MB)");
            return ConfigJson.read(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UserError(file + ": cannot be read (" + Messages.describe(e) + ")");
        } catch (ConfigJson.ConfigException e) {
            throw new UserError(file + ": not a valid StarNet configuration: " + e.getMessage());
        }
    }
}
