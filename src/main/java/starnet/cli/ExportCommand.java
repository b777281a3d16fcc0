package starnet.cli;

import starnet.figures.FigureFormat;
import starnet.figures.FigureKind;
import starnet.figures.FigureOptions;
import starnet.figures.FigureSize;
import starnet.figures.FigureWriter;
import starnet.figures.SessionFigures;
import starnet.io.SessionFile;
import starnet.session.SessionExports;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;

/**
 * {@code export}: from a saved session, renders a figure (PNG at 1×–4× or SVG) without a display, writes
 * the metrics as CSV, or writes the model as NumPy files.
 */
final class ExportCommand {
    static final Set<String> FLAGS = Set.of("caption");
    static final Set<String> OPTIONS = Set.of("session", "figure", "format", "scale", "size", "out", "metrics", "model-dir");

    private ExportCommand() {}

    static int run(Args a, PrintStream out) throws IOException {
        Path sessionPath = Path.of(a.required("session", "runs/mnist/session.starnet"));
        if (!a.has("figure") && !a.has("metrics") && !a.has("model-dir")) {
            throw new CliException("say what to export: --figure fig2|fig4|fig6|grid|loss --out FILE, --metrics FILE.csv, or --model-dir DIR");
        }
        SessionFile.Session s = SessionFile.read(sessionPath);
        if (a.has("figure")) {
            FigureKind kind;
            try {
                kind = FigureKind.parse(a.get("figure", ""));
            } catch (IllegalArgumentException e) {
                throw new CliException("--figure: " + e.getMessage());
            }
            Path file = Path.of(a.required("out", kind.id() + ".png"));
            FigureFormat format;
            try {
                format = a.has("format") ? FigureFormat.parse(a.get("format", "")) : FigureFormat.ofFileName(file).orElse(FigureFormat.PNG);
            } catch (IllegalArgumentException e) {
                throw new CliException("--format: " + e.getMessage());
            }
            FigureFormat named = FigureFormat.ofFileName(file).orElse(null);
            if (named != null && named != format) {
                throw new CliException("--out " + file + " ends in ." + named.id() + " but --format is " + format.id() + "; name the file " + format.withExtension(file).getFileName());
            }
            int scale = a.integer("scale", 2, 1);
            if (scale > 4) throw new CliException("--scale expects 1 to 4, got " + scale);
            FigureSize size;
            try {
                size = a.has("size") ? FigureSize.parse(a.get("size", "")) : FigureSize.WIDE;
            } catch (IllegalArgumentException e) {
                throw new CliException("--size: " + e.getMessage());
            }
            var fig = SessionExports.figure(s, kind, new FigureOptions(format, scale, size, a.has("caption")), file);
            out.printf("wrote %s (%s, %d×%d) and %s%n", file, format.id(), format == FigureFormat.PNG ? fig.width() * scale : fig.width(),
                    format == FigureFormat.PNG ? fig.height() * scale : fig.height(), FigureWriter.csvBeside(file).getFileName());
            if (kind == FigureKind.FIG6 && s.baselines() == null) out.println("note: " + SessionFigures.missingBaselines());
        }
        if (a.has("metrics")) {
            Path file = Path.of(a.get("metrics", ""));
            SessionExports.metrics(s, file);
            out.println("wrote " + file + " (" + s.training().steps().size() + " steps)");
        }
        if (a.has("model-dir")) {
            Path dir = Path.of(a.get("model-dir", ""));
            SessionExports.model(s, dir);
            out.println("wrote the model to " + dir + " (architecture.json and .npy files)");
        }
        return 0;
    }
}
