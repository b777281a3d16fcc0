package starnet.io;

import starnet.math.Matrix;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A labelled image grid drawn with Java2D (no display needed): one titled row per matrix, one column
 * per item, e.g. the paper's Fig. 2 (targets | after layer K | … | after layer 1).
 */
public final class GridFigure {
    private GridFigure() {}

    /**
     * @param titles one per row
     * @param rows   each items × (c·h·w), read only; all with the same number of items
     * @param scale  screen pixels per image pixel (≥ 1)
     */
    public static BufferedImage render(List<String> titles, List<Matrix> rows, int c, int h, int w, int scale) {
        int items = rows.get(0).rows();
        int gap = Math.max(2, scale), pad = 8 * Math.max(1, scale / 2);
        Font font = new Font(Font.SANS_SERIF, Font.PLAIN, 11 + 2 * scale);
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics fm = pg.getFontMetrics(font);
        int labelW = 0;
        for (String t : titles) labelW = Math.max(labelW, fm.stringWidth(t));
        pg.dispose();
        int tw = w * scale, th = h * scale;
        int width = pad + labelW + pad + items * (tw + gap) - gap + pad;
        int height = pad + rows.size() * (th + gap) - gap + pad;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        g.setFont(font);
        for (int r = 0; r < rows.size(); r++) {
            int y = pad + r * (th + gap);
            g.setColor(Color.DARK_GRAY);
            g.drawString(titles.get(r), pad, y + th / 2 + fm.getAscent() / 2 - 2);
            Matrix m = rows.get(r);
            for (int i = 0; i < items; i++) {
                BufferedImage tile = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
                tile.setRGB(0, 0, w, h, ImageTiles.argb(m.data(), i, c, h, w), 0, w);
                g.drawImage(tile, pad + labelW + pad + i * (tw + gap), y, tw, th, null);
            }
        }
        g.dispose();
        return img;
    }

    public static void writePng(BufferedImage img, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!javax.imageio.ImageIO.write(img, "png", out)) throw new IOException("no PNG writer available");
        });
    }
}
