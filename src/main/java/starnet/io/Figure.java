package starnet.io;

import org.jfree.graphics2d.svg.SVGGraphics2D;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A publication figure drawn with Java2D at a logical size, so the same drawing goes to PNG (at 1×–4×)
 * or SVG (through JFreeSVG) without any display or JavaFX.
 */
public interface Figure {
    int width();

    int height();

    /** Draws onto {@code g} in logical units (0..width × 0..height); the background is already white. */
    void draw(Graphics2D g);

    /** The figure as an image at {@code scale} (1–4) device pixels per logical unit. */
    default BufferedImage toImage(int scale) {
        if (scale < 1 || scale > 4) throw new IllegalArgumentException("scale must be 1 to 4, got " + scale);
        BufferedImage img = new BufferedImage(width() * scale, height() * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.scale(scale, scale);
        draw(g);
        g.dispose();
        return img;
    }

    /** The figure as an SVG document. */
    default String toSvg() {
        SVGGraphics2D g = new SVGGraphics2D(width(), height());
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width(), height());
        draw(g);
        return g.getSVGDocument();
    }

    /** Writes PNG or SVG (by {@code format}: "png" or "svg") atomically. */
    default void write(Path file, String format, int scale) throws IOException {
        switch (format) {
            case "png" -> GridFigure.writePng(toImage(scale), file);
            case "svg" -> {
                byte[] svg = toSvg().getBytes(StandardCharsets.UTF_8);
                AtomicFiles.write(file, out -> out.write(svg));
            }
            default -> throw new IllegalArgumentException("unknown figure format '" + format + "': expected png or svg");
        }
    }
}
