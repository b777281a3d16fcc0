package starnet.model;

import starnet.model.FigureFormat;
/**
 * How to export a figure.
 *
 * @param format  PNG, SVG or PDF
 * @param scale   PNG device pixels per logical pixel, 1–4 (96·scale dpi); ignored by the vector formats
 * @param size    the plot's size (image grids take the size their tiles need)
 * @param caption whether the caption (dataset, architecture, layer) is set beneath the figure
 */
public record FigureOptions(FigureFormat format, int scale, FigureSize size, boolean caption) {
    public FigureOptions {
        if (format == null) format = FigureFormat.PNG;
        if (size == null) size = FigureSize.WIDE;
        if (scale < 1 || scale > 4) throw new IllegalArgumentException("scale must be 1 to 4, got " + scale);
    }

    public static FigureOptions defaults() { return new FigureOptions(FigureFormat.PNG, 2, FigureSize.WIDE, false); }
}
