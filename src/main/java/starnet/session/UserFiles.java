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

    /** The files kept in {@code dir} (tests, or a second profile). */
    public static UserFiles in(Path dir) {
        return new UserFiles(dir);
    }

    /** Files in a new temporary folder, removed when the process ends (a window without a user's folder: the tests). */
    public static UserFiles temporary() {
        try {
            return new UserFiles(Cleanup.temporary(java.nio.file.Files.createTempDirectory("starnet-explore")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static UserFiles inHome() {
        return new UserFiles(Path.of(System.getProperty("user.home"), ".starnet"));
    }

    public Path autosave() { return dir.resolve("autosave.starnet"); }
    /** Where the window's sweeps write their tables and figures, one folder per sweep. */
    public Path sweeps() { return dir.resolve("sweeps"); }
    /** Where runs kept for comparison live, one session file each. */
    public Path keptRuns() { return dir.resolve("runs"); }
    public Path marker() { return dir.resolve("window-open.marker"); }
    public Path recentList() { return dir.resolve("recent.txt"); }
    public Path placementFile() { return dir.resolve("window.properties"); }
    /** The folder each kind of file dialog last used. */
    public Path foldersFile() { return dir.resolve("folders.properties"); }

    /**
     * Where the window was and its zoom, in screen pixels.
     *
     * @param zoom the view's zoom factor (1 = 100 %)
     */
    public record WindowPlacement(double x, double y, double width, double height, double zoom) {
        /**
         * This placement moved and shrunk to lie inside the visible area (sx, sy, sw, sh) of a screen, at least
         * 640 × 400 where the screen allows; a window left on a screen that is gone comes back onto this one.
         */
        public WindowPlacement fitTo(double sx, double sy, double sw, double sh) {
            double w = Math.min(sw, Math.max(Math.min(640, sw), width)), h = Math.min(sh, Math.max(Math.min(400, sh), height));
            double nx = Math.max(sx, Math.min(x, sx + sw - w)), ny = Math.max(sy, Math.min(y, sy + sh - h));
            return new WindowPlacement(nx, ny, w, h, zoom);
        }
    }

    /** The last window placement, if one was written and reads back whole. */
    public java.util.Optional<WindowPlacement> readPlacement() {
        try {
            if (!Files.isRegularFile(placementFile())) return java.util.Optional.empty();
            java.util.Properties p = new java.util.Properties();
            try (var in = Files.newBufferedReader(placementFile())) {
                p.load(in);
            }
            WindowPlacement w = new WindowPlacement(Double.parseDouble(p.getProperty("x")), Double.parseDouble(p.getProperty("y")),
                    Double.parseDouble(p.getProperty("width")), Double.parseDouble(p.getProperty("height")), Double.parseDouble(p.getProperty("zoom", "1")));
            boolean sane = Double.isFinite(w.x() + w.y() + w.width() + w.height() + w.zoom()) && w.width() > 0 && w.height() > 0 && w.zoom() > 0;
            return sane ? java.util.Optional.of(w) : java.util.Optional.empty();
        } catch (IOException | RuntimeException e) {
            AppLog.error("reading the window placement", e);
            return java.util.Optional.empty();
        }
    }

    public void writePlacement(WindowPlacement w) {
        String text = "x=" + w.x() + "\ny=" + w.y() + "\nwidth=" + w.width() + "\nheight=" + w.height() + "\nzoom=" + w.zoom() + "\n";
        try {
            Files.createDirectories(dir);
            starnet.io.AtomicFiles.write(placementFile(), o -> o.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (IOException e) {
            AppLog.error("writing the window placement", e);
        }
    }

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
