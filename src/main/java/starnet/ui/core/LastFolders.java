package starnet.ui.core;

import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;

import java.io.File;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import java.util.Properties;

/**
 * The folder each kind of file dialog last used, so the next one opens there (and, when a file keeps them, after a
 * restart too). JavaFX thread only.
 */
public final class LastFolders {
    /** What a dialog is for: each remembers its own folder. */
    public enum Kind { SESSIONS, DATA, EXPORTS }

    private final Map<Kind, Path> last = new EnumMap<>(Kind.class);
    private Path file;

    /** Keeps the folders in {@code file} (read now, written on every change); unreadable or missing means none yet. */
    public void keepIn(Path file) {
        this.file = file;
        if (!Files.isRegularFile(file)) return;
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file)) {
            p.load(r);
        } catch (IOException | IllegalArgumentException e) {
            starnet.session.AppLog.error("reading the last folders from " + file, e);
            return;
        }
        for (Kind k : Kind.values()) {
            String v = p.getProperty(k.name());
            if (v != null && Files.isDirectory(Path.of(v))) last.put(k, Path.of(v));
        }
    }

    /** Opens {@code fc} in the folder last used for {@code kind}. */
    public FileChooser prepare(FileChooser fc, Kind kind) {
        folder(kind).ifPresent(d -> fc.setInitialDirectory(d.toFile()));
        return fc;
    }

    /** Opens {@code dc} in the folder last used for {@code kind}. */
    public DirectoryChooser prepare(DirectoryChooser dc, Kind kind) {
        folder(kind).ifPresent(d -> dc.setInitialDirectory(d.toFile()));
        return dc;
    }

    /** Remembers where {@code chosen} (a file or a folder; null when the dialog was cancelled) is, and returns it. */
    public File remember(File chosen, Kind kind) {
        if (chosen == null) return null;
        Path dir = chosen.isDirectory() ? chosen.toPath() : chosen.toPath().toAbsolutePath().getParent();
        if (dir != null) {
            last.put(kind, dir);
            save();
        }
        return chosen;
    }

    private java.util.Optional<Path> folder(Kind kind) {
        Path p = last.get(kind);
        return p != null && Files.isDirectory(p) ? java.util.Optional.of(p) : java.util.Optional.empty();
    }

    private void save() {
        if (file == null) return;
        Properties p = new Properties();
        last.forEach((k, v) -> p.setProperty(k.name(), v.toString()));
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp)) {
                p.store(w, "the folder each kind of file dialog last used");
            }
            Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            starnet.session.AppLog.error("writing the last folders to " + file, e);
        }
    }
}
