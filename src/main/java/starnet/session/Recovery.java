package starnet.session;

import starnet.io.SessionFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** What an autosave offers back after a crash, in words, for the recovery question. */
public final class Recovery {
    private Recovery() {}

    /** "The autosave holds 18 trained steps of MNIST digits (sample, train), saved at 11:32 (4 minutes ago)." */
    public static String describe(Path autosave) {
        try {
            SessionFile.Session s = SessionFile.read(autosave);
            Instant when = Files.getLastModifiedTime(autosave).toInstant();
            long minutes = Duration.between(when, Instant.now()).toMinutes();
            String ago = minutes < 1 ? "less than a minute ago" : minutes < 120 ? minutes + " minute" + (minutes == 1 ? "" : "s") + " ago"
                    : (minutes / 60) + " hours ago";
            int steps = s.training().steps().size();
            return String.format("The autosave holds %d trained step%s of %s (%s), %,d items, saved at %s (%s).", steps, steps == 1 ? "" : "s",
                    s.dataset().source(), s.dataset().split(), s.dataset().count(),
                    DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneId.systemDefault()).format(when), ago);
        } catch (IOException | RuntimeException e) {
            return "An autosave is at " + autosave + ", but it cannot be read (" + (e instanceof IOException io ? Messages.describe(io) : "damaged") + ").";
        }
    }
}
