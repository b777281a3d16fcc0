package starnet.figures;

import java.awt.Graphics2D;

/**
 * A figure drawn with Java2D in logical pixels (1/96 inch) onto a white page of {@link #width()} ×
 * {@link #height()}; {@link FigureWriter} turns it into PNG, SVG or PDF.
 */
public interface Figure {
    int width();

    int height();

    /** Draws onto {@code g} in logical pixels; the background is already white. */
    void draw(Graphics2D g);

    /** The numbers the figure shows, as CSV with a header line. */
    String dataCsv();

    /** This figure with {@code caption} set in wrapped lines beneath it (blank = unchanged). */
    default Figure withCaption(String caption) {
        return caption == null || caption.isBlank() ? this : new CaptionedFigure(this, caption.strip());
    }
}
