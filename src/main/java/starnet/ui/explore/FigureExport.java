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

    /**
     * {@code plot} drawn for a panel {@code width} pixels wide: laid out at that width (336–672 logical pixels, so its
     * text stays legible) and rendered at twice the resolution for a crisp image.
     */
    static javafx.scene.image.Image render(starnet.figures.LinePlot plot, double width) {
        int w = (int) Math.max(336, Math.min(672, width));
        int legendRows = Math.max(0, plot.series().size() - 2); // a narrow plot puts its legend beneath: room for it
        starnet.figures.LinePlot sized = plot.withSize(new starnet.figures.FigureSize(w, (int) Math.round(w * 0.62) + (w < 500 ? 17 * legendRows : 0)));
        return javafx.embed.swing.SwingFXUtils.toFXImage(FigureWriter.toImage(sized, 2), null);
    }

    /** An image view for {@link #render} output inside {@code panel}: at most the panel's width, never wider than drawn. */
    static javafx.scene.image.ImageView view(javafx.scene.layout.Region panel) {
        javafx.scene.image.ImageView v = new javafx.scene.image.ImageView();
        v.setPreserveRatio(true);
        v.setSmooth(true);
        v.fitWidthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(100, Math.min(panel.getWidth() - 20, v.getImage() == null ? 672 : v.getImage().getWidth() / 2)), panel.widthProperty(), v.imageProperty()));
        return v;
    }

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
