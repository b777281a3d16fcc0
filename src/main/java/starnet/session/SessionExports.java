package starnet.session;

import starnet.figures.Figure;
import starnet.model.FigureKind;
import starnet.model.FigureOptions;
import starnet.figures.FigureWriter;
import starnet.figures.SessionFigures;
import starnet.io.AtomicFiles;
import starnet.io.ModelExport;
import starnet.io.SessionFile;

import java.io.IOException;
import java.nio.file.Path;

/** What a session exports — figures, metrics, the model as NumPy files — from its saved image, for the window and the command line. */
public final class SessionExports {
    private SessionExports() {}

    /** Renders {@code kind} to {@code file} (and its data to the same name with .csv); returns the figure drawn. */
    public static Figure figure(SessionFile.Session s, FigureKind kind, FigureOptions options, Path file) throws IOException {
        Figure fig = SessionFigures.make(kind, s, options);
        FigureWriter.write(fig, file, options.format(), options.scale());
        return fig;
    }

    /** Where a figure written to {@code file} puts its data. */
    public static Path csvBeside(Path file) {
        return FigureWriter.csvBeside(file);
    }

    /** Figure {@code kind} of {@code s} as it would be exported, drawn at 1× (for a preview). */
    public static java.awt.image.BufferedImage preview(SessionFile.Session s, FigureKind kind, FigureOptions options) {
        return FigureWriter.toImage(SessionFigures.make(kind, s, options), 1);
    }

    /** Every step's metrics as CSV, written atomically. */
    public static void metrics(SessionFile.Session s, Path file) throws IOException {
        AtomicFiles.writeText(file, SessionFigures.metricsCsv(s.training().steps()));
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
