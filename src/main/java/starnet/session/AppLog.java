package starnet.session;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/** Detail for developers goes to {@code ~/.starnet/starnet.log}; users see plain messages only. */
public final class AppLog {
    private static Path file;
    /**
     * The workbench's own logger, holding the file handler itself: Spark, as it starts, takes every handler off the root
     * logger (to route java.util.logging into its own logging), which would leave the workbench's failures unwritten.
     * Kept here so that it is never collected with its handler.
     */
    private static final Logger OWN = Logger.getLogger("starnet");

    private AppLog() {}

    /** Installs the file handler once; returns the log file (or null when it cannot be created). */
    public static synchronized Path init() {
        if (file != null) return file;
        try {
            Path dir = Path.of(System.getProperty("user.home"), ".starnet");
            Files.createDirectories(dir);
            Path f = dir.resolve("starnet.log");
            FileHandler h = new FileHandler(f.toString(), 2_000_000, 1, true);
            h.setFormatter(new SimpleFormatter());
            OWN.addHandler(h);
            OWN.setUseParentHandlers(false);
            Logger root = Logger.getLogger(""); // other libraries' messages (JavaFX's), for as long as nothing takes the handler off
            root.addHandler(h);
            for (var handler : root.getHandlers()) {
                if (handler instanceof java.util.logging.ConsoleHandler) handler.setLevel(Level.SEVERE);
            }
            file = f;
        } catch (IOException | RuntimeException e) {
            file = null;
        }
        return file;
    }

    /** An internal failure: logged with its whole stack, for whoever fixes it. */
    public static void error(String what, Throwable t) {
        init();
        OWN.log(Level.WARNING, what, t);
    }

    /** Bad input a person was told about in plain words: one INFO line, no stack (it is not a fault of the program). */
    public static void userError(String what, Throwable t) {
        init();
        OWN.info(what + ": " + t.getMessage());
    }
}
