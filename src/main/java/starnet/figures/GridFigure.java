package starnet.figures;

import starnet.model.ImageTiles;
import starnet.math.Matrix;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;

/**
 * A labelled image grid: one titled row per matrix, one column per item, optional column labels on top and
 * an optional title — the paper's Fig. 2 (targets | after layer K | … | after layer 1) and, with steps as
 * columns, its Figs. 4–5 progress strips. A row may be an error heat map (|row − reference| per pixel).
 * Pixels stay square and sharp in every format: each tile is enlarged by a whole factor before it is placed.
 */
public final class GridFigure implements Figure {
    /** One row: a title, items × (c·h·w) values (null = empty tiles), and for a heat map the reference it differs from. */
    public record Row(String title, Matrix images, Matrix heatAgainst) {
        public Row(String title, Matrix images) { this(title, images, null); }
    }

    private static final int TILE = 56, GAP = 4, PAD = 10, BAR = 9;
    /** The top label of a heat map's colour scale (the colour holds for larger errors too). */
    private static final String SCALE_TOP = "≥ 0.5";
    /** Full colour of the heat map: a mean absolute error of 0.5 per pixel. */
    static final double HEAT_MAX = 0.5;
    private static final Font FONT = FigureFonts.of(12f), TITLE = FigureFonts.of(14f);
    private final String title;
    private final List<Row> rows;
    private final List<String> columnLabels;
    private final int c, h, w, labelWidth, items, titleHeight;

    /**
     * @param title        drawn above the grid ("" = none)
     * @param rows         the rows; their matrices are read only and hold the same number of items
     * @param columnLabels one per column, or empty for none
     */
    public GridFigure(String title, List<Row> rows, List<String> columnLabels, int c, int h, int w) {
        this.title = title == null ? "" : title;
        this.rows = List.copyOf(rows);
        this.columnLabels = columnLabels == null ? List.of() : List.copyOf(columnLabels);
        this.c = c;
        this.h = h;
        this.w = w;
        int n = 0;
        for (Row r : rows) if (r.images() != null) n = Math.max(n, r.images().rows());
        this.items = n;
        FontMetrics fm = Text.metrics(FONT);
        int lw = 0;
        for (Row r : rows) lw = Math.max(lw, fm.stringWidth(r.title()));
        this.labelWidth = lw;
        this.titleHeight = this.title.isEmpty() ? 0 : Text.metrics(TITLE).getHeight() + 4;
    }

    @Override public int width() { return Math.max(PAD + labelWidth + PAD + items * (TILE + GAP) - GAP + scaleWidth() + PAD, titleWidth()); }

    /** Room for the heat map's colour scale beside its row, when there is one. */
    private int scaleWidth() {
        return rows.stream().anyMatch(r -> r.heatAgainst() != null) ? GAP + 2 * BAR + Text.metrics(FONT).stringWidth(SCALE_TOP) : 0;
    }

    /** The colour scale of a heat-map row: 0 at the bottom, {@link #HEAT_MAX} (and more) at the top, labelled. */
    private static void drawScale(Graphics2D g, int x, int y) {
        for (int k = 0; k < TILE; k++) {
            g.setColor(new Color(starnet.model.ImageTiles.heat(1 - k / (double) (TILE - 1))));
            g.fillRect(x, y + k, BAR, 1);
        }
        g.setColor(new Color(0x888888));
        g.drawRect(x, y, BAR, TILE - 1);
        g.setColor(new Color(0x222222));
        FontMetrics fm = g.getFontMetrics();
        g.drawString(SCALE_TOP, x + BAR + 4, y + fm.getAscent() - 2);
        g.drawString("0", x + BAR + 4, y + TILE);
    }

    @Override public int height() { return PAD + titleHeight + (columnLabels.isEmpty() ? 0 : 18) + rows.size() * (TILE + GAP) - GAP + PAD; }

    private int titleWidth() {
        return title.isEmpty() ? 0 : Text.metrics(TITLE).stringWidth(title) + 2 * PAD;
    }

    @Override
    public void draw(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_NEAREST_NEIGHBOR);
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        int top = PAD;
        g.setColor(new Color(0x222222));
        if (!title.isEmpty()) {
            g.setFont(TITLE);
            g.drawString(title, PAD, top + g.getFontMetrics().getAscent());
            top += titleHeight;
        }
        g.setFont(FONT);
        FontMetrics fm = g.getFontMetrics();
        int x0 = PAD + labelWidth + PAD;
        if (!columnLabels.isEmpty()) {
            for (int i = 0; i < columnLabels.size() && i < items; i++) {
                String s = columnLabels.get(i);
                g.drawString(s, x0 + i * (TILE + GAP) + (TILE - fm.stringWidth(s)) / 2f, top + 12);
            }
            top += 18;
        }
        int factor = Math.max(1, (int) Math.ceil(2.0 * TILE / Math.max(h, w))); // device pixels per image pixel, at least 2 per logical pixel
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            int y = top + r * (TILE + GAP);
            g.setColor(new Color(0x222222));
            g.drawString(row.title(), PAD, y + TILE / 2f + fm.getAscent() / 2f - 2);
            Matrix m = row.images();
            for (int i = 0; i < items; i++) {
                int x = x0 + i * (TILE + GAP);
                if (m == null || i >= m.rows()) {
                    g.setColor(new Color(0xeceff3));
                    g.fillRect(x, y, TILE, TILE);
                    continue;
                }
                int[] argb = row.heatAgainst() == null ? ImageTiles.argb(m.data(), i, c, h, w)
                        : ImageTiles.errorHeat(m.data(), i, row.heatAgainst().data(), i, c, h, w, HEAT_MAX);
                g.drawImage(enlarged(argb, factor), x, y, TILE, TILE, null);
            }
            if (row.heatAgainst() != null && m != null) drawScale(g, x0 + items * (TILE + GAP), y);
        }
    }

    /** The tile with every pixel repeated {@code f} × {@code f} times, so no viewer smooths it. */
    private BufferedImage enlarged(int[] argb, int f) {
        BufferedImage img = new BufferedImage(w * f, h * f, BufferedImage.TYPE_INT_RGB);
        int[] row = new int[w * f];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) java.util.Arrays.fill(row, x * f, x * f + f, argb[y * w + x]);
            for (int k = 0; k < f; k++) img.setRGB(0, y * f + k, w * f, 1, row, 0, w * f);
        }
        return img;
    }

    /** One line per tile: row title, column, column label, then its c·h·w values (for a heat map, |difference|). */
    @Override
    public String dataCsv() {
        int d = c * h * w;
        StringBuilder sb = new StringBuilder("row,column,label");
        for (int j = 0; j < d; j++) sb.append(",v").append(j);
        sb.append('\n');
        for (Row row : rows) {
            Matrix m = row.images();
            if (m == null) continue;
            for (int i = 0; i < m.rows(); i++) {
                sb.append(Text.csv(row.title())).append(',').append(i).append(',')
                        .append(i < columnLabels.size() ? Text.csv(columnLabels.get(i)) : "");
                for (int j = 0; j < d; j++) {
                    double v = row.heatAgainst() == null ? m.get(i, j) : Math.abs(m.get(i, j) - row.heatAgainst().get(i, j));
                    sb.append(',').append((float) v);
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** Titles of the rows, top to bottom. */
    public List<String> rowTitles() {
        List<String> out = new ArrayList<>();
        for (Row r : rows) out.add(r.title());
        return out;
    }

    public String title() { return title; }
}
