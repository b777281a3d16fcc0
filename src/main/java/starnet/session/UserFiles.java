package starnet.session;

import starnet.session.AppLog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The workbench's own files under {@code ~/.starnet}: the recent-sessions list, the autosave and a
 * marker that says a window is open (left behind by a crash, which is how recovery is offered).
 */
public final class UserFiles {
    private final Path dir;

    UserFiles(Path dir) {
        this.dir = dir;
    }

    public static UserFiles inHome() {
        return new UserFiles(Path.of(System.getProperty("user.home"), ".starnet"));
    }

    public Path autosave() { return dir.resolve("autosave.starnet"); }
    public Path marker() { return dir.resolve("window-open.marker"); }
    public Path recentList() { return dir.resolve("recent.txt"); }

    /** True when the last window did not close cleanly and left an autosave behind. */
    public boolean crashedWithAutosave() {
        return Files.exists(marker()) && Files.isRegularFile(autosave());
    }

    /** True the first time it is asked on this machine (a marker file remembers it). */
    public boolean firstRun() {
        Path m = dir.resolve("welcomed");
        if (Files.exists(m)) return false;
        try {
            Files.createDirectories(dir);
            Files.writeString(m, "shown\n");
        } catch (IOException e) {
            AppLog.error("writing the first-run marker", e);
        }
        return true;
    }

    public void markOpen() {
        try {
            Files.createDirectories(dir);
            Files.writeString(marker(), Long.toString(ProcessHandle.current().pid()));
        } catch (IOException e) {
            AppLog.error("writing the window marker", e);
        }
    }

    /** A clean exit: no recovery will be offered next time. */
    public void markClosed() {
        try {
            Files.deleteIfExists(marker());
            Files.deleteIfExists(autosave());
        } catch (IOException e) {
            AppLog.error("removing the window marker", e);
        }
    }

    public List<Path> readRecent() {
        List<Path> out = new ArrayList<>();
        try {
            if (Files.isRegularFile(recentList())) {
                for (String line : Files.readAllLines(recentList())) if (!line.isBlank() && Files.isRegularFile(Path.of(line))) out.add(Path.of(line));
            }
        } catch (IOException | RuntimeException e) {
            AppLog.error("reading the recent files", e);
        }
        return out;
    }

    public void writeRecent(List<Path> paths) {
        try {
            Files.createDirectories(dir);
            StringBuilder sb = new StringBuilder();
            for (Path p : paths) sb.append(p.toAbsolutePath()).append('\n');
            starnet.io.AtomicFiles.write(recentList(), o -> o.write(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (IOException e) {
            AppLog.error("writing the recent files", e);
        }
    }
}
