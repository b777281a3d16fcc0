package starnet.session;

import starnet.figures.FigureWriter;
import starnet.figures.SessionFigures;
import starnet.io.SessionFile;
import starnet.model.FigureKind;
import starnet.model.FigureOptions;

import java.io.IOException;
import java.nio.file.Path;

/** A session file read for export (the command line's {@code export}): its figures, metrics and model. Immutable. */
public final class SavedSession {
    private final SessionFile.Session image;

    private SavedSession(SessionFile.Session image) {
        this.image = image;
    }

    public static SavedSession read(Path file) throws IOException {
        return new SavedSession(SessionFile.read(file));
    }

    /** Where the model comes from, or null for a file written before that was kept. */
    public starnet.model.Provenance provenance() { return image.provenance(); }

    /** Steps trained. */
    public int steps() { return image.training().steps().size(); }

    /**
     * Why the newest solve of this session cannot be inspected from it, or null when it can: a finished run whose rows
     * an engine read from a file (out of core, on Spark) keeps no latents in the session.
     */
    public String cannotInspect() {
        if (image.stream() == null || image.training().layer() >= 0 || image.training().files() != null) return null;
        return "this run trained " + image.stream().engine().words() + " and its latents stayed with the engine, so its newest solve cannot be "
                + "inspected from the session; inspect the solves while it trains (in the window), or train in memory";
    }

    /** A figure written: its size in logical pixels, its data's CSV, and a note for the reader ("" when none). */
    public record Figure(int width, int height, Path csv, String note) {}

    /** Renders {@code kind} to {@code file} (and its data to the same name with .csv). */
    public Figure figure(FigureKind kind, FigureOptions options, Path file) throws IOException {
        var fig = SessionExports.figure(image, kind, options, file);
        String note = kind == FigureKind.FIG6 && image.baselines() == null ? SessionFigures.missingBaselines() : "";
        return new Figure(fig.width(), fig.height(), FigureWriter.csvBeside(file), note);
    }

    /** Every step's metrics as CSV, written atomically. */
    public void metrics(Path file) throws IOException {
        SessionExports.metrics(image, file);
    }

    /** The decoder and codes as .npy files with architecture.json, into folder {@code dir}. */
    public void model(Path dir) throws IOException {
        SessionExports.model(image, dir);
    }
}
