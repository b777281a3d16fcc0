package starnet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import starnet.model.FigureFormat;
import starnet.model.FigureKind;
import starnet.model.FigureOptions;
import starnet.model.FigureSize;
import starnet.session.SavedSession;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/**
 * {@code export}: from a saved session, a figure (PNG, SVG or PDF, its data as CSV beside it), the metrics as
 * CSV, or the model as NumPy files — without a display.
 */
@Command(name = "export", sortOptions = false, mixinStandardHelpOptions = true, abbreviateSynopsis = true, description = "From a saved session (train writes DIR/session.starnet; the window saves them "
        + "too): a figure as PNG, SVG or PDF with its data as CSV beside it, the metrics as CSV, or the model as NumPy .npy files.")
final class ExportCommand implements Callable<Integer> {
    @ParentCommand Cli cli;

    @Option(names = "--session", paramLabel = "FILE", required = true, description = "a session.starnet")
    String session;

    @Option(names = "--figure", paramLabel = "NAME", completionCandidates = Candidates.Figures.class,
            description = "fig2 (after each layer), fig4 (progress strip), fig6 (loss per epoch with autoencoder and PCA), grid (with error map), loss")
    String figure;

    @Option(names = "--out", paramLabel = "FILE", description = "the figure's file; its extension names the format (default: NAME.png)")
    String out;

    @Option(names = "--format", paramLabel = "png|svg|pdf", completionCandidates = Candidates.Formats.class,
            description = "the figure's format (default: from --out's extension, else png)")
    String format;

    @Option(names = "--scale", paramLabel = "1-4", defaultValue = "2", description = "PNG: device pixels per logical pixel (96 dpi each)")
    int scale;

    @Option(names = "--size", paramLabel = "column|wide|slide|WxH", defaultValue = "wide", completionCandidates = Candidates.Sizes.class,
            description = "plots: 3.5 in (one paper column), 7 in (text width), 10 in (a slide), or W×H pixels at 96 dpi")
    String size;

    @Option(names = "--caption", description = "set a caption under the figure: the dataset, architecture and layer")
    boolean caption;

    @Option(names = "--metrics", paramLabel = "FILE.csv", description = "write every step's metrics as CSV")
    String metrics;

    @Option(names = "--model-dir", paramLabel = "DIR", description = "write the model as NumPy .npy files with architecture.json")
    String modelDir;

    @Override
    public Integer call() throws IOException {
        PrintStream out = cli.out;
        Path sessionPath = Path.of(session);
        if (figure == null && metrics == null && modelDir == null) {
            throw new CliException("say what to export: --figure fig2|fig4|fig6|grid|loss [--out FILE], --metrics FILE.csv, or --model-dir DIR");
        }
        SavedSession s = SavedSession.read(sessionPath);
        if (figure != null) {
            FigureKind kind;
            try {
                kind = FigureKind.parse(figure);
            } catch (IllegalArgumentException e) {
                throw new CliException("--figure: " + e.getMessage());
            }
            FigureFormat named;
            try {
                named = this.out != null ? FigureFormat.requireKnown(Cli.outputPath("--out", this.out)) : FigureFormat.PNG;
            } catch (IllegalArgumentException e) {
                throw new CliException("--out: " + e.getMessage());
            }
            FigureFormat format;
            try {
                format = this.format != null ? FigureFormat.parse(this.format) : named;
            } catch (IllegalArgumentException e) {
                throw new CliException("--format: " + e.getMessage());
            }
            Path file = this.out != null ? Cli.outputPath("--out", this.out) : Path.of(kind.id() + "." + format.id());
            if (FigureFormat.ofFileName(file).isPresent() && named != format) {
                throw new CliException("--out " + file + " ends in ." + named.id() + " but --format is " + format.id() + "; name the file " + format.withExtension(file).getFileName());
            }
            if (scale < 1 || scale > 4) throw new CliException("--scale expects 1 to 4, got " + scale);
            FigureSize size;
            try {
                size = FigureSize.parse(this.size);
            } catch (IllegalArgumentException e) {
                throw new CliException("--size: " + e.getMessage());
            }
            var fig = s.figure(kind, new FigureOptions(format, scale, size, caption), file);
            out.printf("wrote %s (%s, %d×%d) and %s%n", file, format.id(), format == FigureFormat.PNG ? fig.width() * scale : fig.width(),
                    format == FigureFormat.PNG ? fig.height() * scale : fig.height(), fig.csv().getFileName());
            if (!fig.note().isEmpty()) out.println("note: " + fig.note());
        }
        if (metrics != null) {
            Path file = Cli.outputPath("--metrics", metrics);
            s.metrics(file);
            out.println("wrote " + file + " (" + s.steps() + " steps)");
        }
        if (modelDir != null) {
            Path dir = Cli.outputPath("--model-dir", modelDir);
            s.model(dir);
            out.println("wrote the model to " + dir + " (architecture.json and .npy files)");
        }
        return 0;
    }
}
