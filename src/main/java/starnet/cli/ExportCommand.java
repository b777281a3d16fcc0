package starnet.cli;

import starnet.io.SessionFigures;
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
    static final Set<String> OPTIONS = Set.of("session", "figure", "format", "scale", "out", "metrics", "model-dir");

    private ExportCommand() {}

    static int run(Args a, PrintStream out) throws IOException {
        Path sessionPath = Path.of(a.required("session", "runs/mnist/session.starnet"));
        if (!a.has("figure") && !a.has("metrics") && !a.has("model-dir")) {
            throw new CliException("say what to export: --figure fig2|fig4|fig6|grid|loss --out FILE, --metrics FILE.csv, or --model-dir DIR");
        }
        SessionFile.Session s = SessionFile.read(sessionPath);
        if (a.has("figure")) {
            String name = a.get("figure", "");
            if (!SessionFigures.NAMES.contains(name)) throw new CliException("--figure expects one of " + String.join(", ", SessionFigures.NAMES) + ", got '" + name + "'");
            String format = a.get("format", "png");
            if (!format.equals("png") && !format.equals("svg")) throw new CliException("--format expects png or svg, got '" + format + "'");
            int scale = a.integer("scale", 2, 1);
            if (scale > 4) throw new CliException("--scale expects 1 to 4, got " + scale);
            Path file = Path.of(a.required("out", "fig2." + format));
            var fig = SessionExports.figure(s, name, file, format, scale);
            out.printf("wrote %s (%s, %d×%d)%n", file, format, format.equals("png") ? fig.width() * scale : fig.width(),
                    format.equals("png") ? fig.height() * scale : fig.height());
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
