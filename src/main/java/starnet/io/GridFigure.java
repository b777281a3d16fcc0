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
 * A labelled image grid (no display needed): one titled row per matrix, one column per item, optional
 * column labels on top — the paper's Fig. 2 (targets | after layer K | … | after layer 1) and, with
 * steps as columns, its Figs. 4–5 progress strips.
 */
public final class GridFigure implements Figure {
    private static final int TILE = 56, GAP = 4, PAD = 10;
    private static final Font FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    private final List<String> titles;
    private final List<Matrix> rows;
    private final List<String> columnLabels;
    private final int c, h, w, labelWidth, items;

    /**
     * @param rows         each items × (c·h·w), read only, the same number of items (a null row draws empty)
     * @param columnLabels one per column, or empty for none
     */
    public GridFigure(List<String> titles, List<Matrix> rows, List<String> columnLabels, int c, int h, int w) {
        this.titles = List.copyOf(titles);
        this.rows = rows;
        this.columnLabels = columnLabels == null ? List.of() : List.copyOf(columnLabels);
        this.c = c;
        this.h = h;
        this.w = w;
        int n = 0;
        for (Matrix m : rows) if (m != null) n = Math.max(n, m.rows());
        this.items = n;
        BufferedImage probe = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);
        Graphics2D pg = probe.createGraphics();
        FontMetrics fm = pg.getFontMetrics(FONT);
        int lw = 0;
        for (String t : titles) lw = Math.max(lw, fm.stringWidth(t));
        pg.dispose();
        this.labelWidth = lw;
    }

    @Override public int width() { return PAD + labelWidth + PAD + items * (TILE + GAP) - GAP + PAD; }

    @Override public int height() { return PAD + (columnLabels.isEmpty() ? 0 : 18) + rows.size() * (TILE + GAP) - GAP + PAD; }

    @Override
    public void draw(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.setFont(FONT);
        FontMetrics fm = g.getFontMetrics();
        int top = PAD;
        int x0 = PAD + labelWidth + PAD;
        if (!columnLabels.isEmpty()) {
            g.setColor(Color.DARK_GRAY);
            for (int i = 0; i < columnLabels.size() && i < items; i++) {
                String s = columnLabels.get(i);
                g.drawString(s, x0 + i * (TILE + GAP) + (TILE - fm.stringWidth(s)) / 2, top + 12);
            }
            top += 18;
        }
        for (int r = 0; r < rows.size(); r++) {
            int y = top + r * (TILE + GAP);
            g.setColor(Color.DARK_GRAY);
            g.drawString(titles.get(r), PAD, y + TILE / 2 + fm.getAscent() / 2 - 2);
            Matrix m = rows.get(r);
            for (int i = 0; i < items; i++) {
                if (m == null || i >= m.rows()) {
                    g.setColor(new Color(0xeceff3));
                    g.fillRect(x0 + i * (TILE + GAP), y, TILE, TILE);
                    continue;
                }
                BufferedImage tile = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
                tile.setRGB(0, 0, w, h, ImageTiles.argb(m.data(), i, c, h, w), 0, w);
                g.drawImage(tile, x0 + i * (TILE + GAP), y, TILE, TILE, null);
            }
        }
    }

    public static void writePng(BufferedImage img, Path file) throws IOException {
        AtomicFiles.write(file, out -> {
            if (!javax.imageio.ImageIO.write(img, "png", out)) throw new IOException("no PNG writer available");
        });
    }
}
