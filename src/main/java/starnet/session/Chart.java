package starnet.session;

import starnet.figures.ExploreFigures;
import starnet.figures.Figure;
import starnet.figures.FigureWriter;
import starnet.figures.LinePlot;
import starnet.model.FigureFormat;
import starnet.model.FigureSize;
import starnet.model.LatentMap;
import starnet.model.SystemInspection;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A figure the session made — a chart of the exploration tools, a ROC curve, a comparison — drawn without a display:
 * as an image for a panel, or written to PNG, SVG or PDF with its data as CSV beside it. Immutable.
 */
public final class Chart {
    private final Figure figure;

    Chart(Figure figure) {
        this.figure = figure;
    }

    /** A latent map as a scatter chart: a series per class, the held-out items as one more. */
    public static Chart latentMap(LatentMap map, String title) {
        return new Chart(ExploreFigures.latentMap(map, title));
    }

    /** A solve's singular values on a log scale, with the ridge's floor. */
    public static Chart spectrum(SystemInspection inspection) {
        return new Chart(ExploreFigures.spectrum(inspection));
    }

    /** A sweep's chart of {@code rows} (the first setting along x): what {@code chart} names. */
    public static Chart sweep(starnet.model.SweepPlan plan, List<starnet.model.SweepRow> rows, starnet.model.SweepChart chart) {
        return new Chart(new starnet.explore.Sweep(plan).figure(rows, chart));
    }

    /** The charts' ten colour-blind-safe scatter tones as 0xRRGGBB, so a panel and an exported chart agree. */
    public static int[] scatterColours() {
        return LinePlot.scatterColours();
    }

    /** The charts' colour-blind-safe line colours (Okabe–Ito) as 0xRRGGBB: layer i of a live chart takes the i-th. */
    public static int[] lineColours() {
        return LinePlot.lineColours();
    }

    /**
     * The chart drawn for a panel {@code width} pixels wide: a line chart is laid out at that width (336–672 logical
     * pixels, so its text stays legible, with room beneath for a legend when narrow) and rendered at twice the resolution.
     */
    public BufferedImage forPanel(double width) {
        if (!(figure instanceof LinePlot plot)) return FigureWriter.toImage(figure, 2);
        int w = (int) Math.max(336, Math.min(672, width));
        int legendRows = Math.max(0, plot.series().size() - 2);
        return FigureWriter.toImage(plot.withSize(new FigureSize(w, (int) Math.round(w * 0.62) + (w < 500 ? 17 * legendRows : 0))), 2);
    }

    /** The chart at its own size, {@code scale} times the resolution. */
    public BufferedImage image(int scale) {
        return FigureWriter.toImage(figure, scale);
    }

    /** Writes the chart to {@code file} in {@code format} at {@code scale} (PNG), and its data beside it; returns both paths. */
    public List<Path> write(Path file, FigureFormat format, int scale) throws IOException {
        return FigureWriter.write(figure, file, format, scale);
    }

    /** Writes the chart as {@link #write} does, then says so — or why not — in one notice (any thread; a failure is logged). */
    public Notice writeAndTell(Path file) {
        FigureFormat format = FigureFormat.ofFileName(file).orElse(FigureFormat.PNG);
        try {
            List<Path> written = write(file, format, 2);
            return Notice.info("Wrote " + written.get(0) + " and its data " + written.get(1).getFileName() + ".");
        } catch (IOException | RuntimeException e) {
            AppLog.error("exporting a figure to " + file, e);
            return Notice.error("Could not write " + file + ": " + (e instanceof IOException io ? starnet.model.IoMessages.describe(io, file)
                    : "an internal error (details are in the log)") + ".");
        }
    }

    Figure figure() { return figure; }
}
