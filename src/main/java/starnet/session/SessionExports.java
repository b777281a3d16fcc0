package starnet.session;

import starnet.io.AtomicFiles;
import starnet.io.Figure;
import starnet.io.ModelExport;
import starnet.io.SessionFigures;
import starnet.io.SessionFile;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** What a session exports — figures, metrics, the model as NumPy files — from its saved image, for the window and the command line. */
public final class SessionExports {
    private SessionExports() {}

    /** Renders figure {@code name} ({@link SessionFigures#NAMES}) to {@code file} as png (at {@code scale}) or svg; returns it. */
    public static Figure figure(SessionFile.Session s, String name, Path file, String format, int scale) throws IOException {
        Figure fig = SessionFigures.make(name, s);
        fig.write(file, format, scale);
        return fig;
    }

    /** Every step's metrics as CSV, written atomically. */
    public static void metrics(SessionFile.Session s, Path file) throws IOException {
        byte[] csv = SessionFigures.metricsCsv(s.training().steps()).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, o -> o.write(csv));
    }

    /** The decoder and codes as .npy files with architecture.json, into folder {@code dir} (staged, then moved in whole). */
    public static void model(SessionFile.Session s, Path dir) throws IOException {
        SessionFile.SavedTraining t = s.training();
        try (starnet.io.StagedFolder folder = starnet.io.StagedFolder.open(dir)) { // a half-written export never mixes with an older one
            ModelExport.write(folder.file(""), t.decoder(), t.codes(), new int[] {s.dataset().channels(), s.dataset().height(), s.dataset().width()});
            folder.commit();
        }
    }
}
