package starnet.ui.explore;

import javafx.stage.FileChooser;
import javafx.stage.Window;
import starnet.session.Chart;
import starnet.ui.core.SessionModel;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Supplier;

/** "Export figure…": asks where, then writes the figure (PNG at 2×, SVG or PDF by the name's extension) and its CSV beside it. */
final class FigureExport {
    private FigureExport() {}

    /** {@code chart} drawn for a panel {@code width} pixels wide (see {@link Chart#forPanel}). */
    static javafx.scene.image.Image render(Chart chart, double width) {
        return javafx.embed.swing.SwingFXUtils.toFXImage(chart.forPanel(width), null);
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

    static void ask(Window owner, String suggested, Supplier<Chart> chart, SessionModel model) {
        FileChooser fc = new FileChooser();
        fc.setTitle("Export figure");
        fc.setInitialFileName(suggested + ".png");
        fc.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PNG image", "*.png"), new FileChooser.ExtensionFilter("SVG drawing", "*.svg"),
                new FileChooser.ExtensionFilter("PDF document", "*.pdf"));
        var folders = model.folders();
        File f = folders.remember(folders.prepare(fc, starnet.ui.core.LastFolders.Kind.EXPORTS).showSaveDialog(owner), starnet.ui.core.LastFolders.Kind.EXPORTS);
        if (f != null) write(f.toPath(), chart.get(), model);
    }

    /** Writes {@code chart} to {@code file} (its format from the extension, PNG when there is none) off the JavaFX thread, then says so in the notice bar. */
    static void write(Path file, Chart chart, SessionModel model) {
        var unused = java.util.concurrent.CompletableFuture.supplyAsync(() -> chart.writeAndTell(file)) // writeAndTell turns a failure into its notice
                .thenAccept(n -> javafx.application.Platform.runLater(() -> model.notify(n)));
    }
}
