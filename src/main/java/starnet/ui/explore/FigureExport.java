package starnet.ui.explore;

import javafx.stage.FileChooser;
import javafx.stage.Window;
import starnet.figures.Figure;
import starnet.figures.FigureFormat;
import starnet.figures.FigureWriter;
import starnet.session.AppLog;
import starnet.ui.core.SessionModel;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Supplier;

/** "Export figure…": asks where, then writes the figure (PNG at 2×, SVG or PDF by the name's extension) and its CSV beside it. */
final class FigureExport {
    private FigureExport() {}

    static void ask(Window owner, String suggested, Supplier<Figure> figure, SessionModel model) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export figure");
        fc.setInitialFileName(suggested + ".png");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PNG image", "*.png"), new FileChooser.ExtensionFilter("SVG drawing", "*.svg"),
                new FileChooser.ExtensionFilter("PDF document", "*.pdf"));
        File f = fc.showSaveDialog(owner);
        if (f != null) write(f.toPath(), figure.get(), model);
    }

    /**
     * Writes {@code fig} to {@code file} (its format from the extension, PNG when there is none) off the JavaFX thread,
     * then says so in the notice bar.
     */
    static void write(Path file, Figure fig, SessionModel model) {
        FigureFormat format = FigureFormat.ofFileName(file).orElse(FigureFormat.PNG);
        java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            try {
                var written = FigureWriter.write(fig, file, format, 2);
                return starnet.session.Notice.info("Wrote " + written.get(0) + " and its data " + written.get(1).getFileName() + ".");
            } catch (IOException | RuntimeException e) {
                AppLog.error("exporting a figure to " + file, e);
                return starnet.session.Notice.error("Could not write " + file + ": "
                        + (e instanceof IOException io ? starnet.io.IoMessages.describe(io) : "an internal error (details are in the log)") + ".");
            }
        }).thenAccept(n -> javafx.application.Platform.runLater(() -> model.notify(n)));
    }
}
