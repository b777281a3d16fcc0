package starnet.ui.widgets;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import starnet.model.ImageTiles;
import starnet.math.Matrix;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * A grid of image tiles drawn on one canvas: titled rows, one column per item, optional captions under
 * the first row, optional per-pixel error heat maps against a reference row. Tiles scale to the width.
 */
public final class TileGrid extends Region {
    /**
     * One row of tiles.
     *
     * @param images    items × D, read only; null draws an empty row ("not yet")
     * @param reference items × D to compare against in heat-map mode, or null
     * @param captions  text under each tile (may be empty)
     */
    public record Row(String title, Matrix images, Matrix reference, List<String> captions) {
        public Row {
            captions = captions == null ? List.of() : List.copyOf(captions);
        }

        public Row(String title, Matrix images) {
            this(title, images, null, List.of());
        }
    }

    private final Canvas canvas = new Canvas();
    private List<Row> rows = List.of();
    private boolean hasCaptions;
    private int channels = 1, height = 28, width = 28, columns;
    private boolean heatmap;
    private double maxTile = 96, minTile = 20;
    private double titleWidth = 130;
    private BiConsumer<Integer, Integer> onTileClicked;
    private double tile, gap = 4, captionHeight;
    private WritableImage image;
    private boolean stale = true;
    private int selected = -1;
    private int maxColumns = Integer.MAX_VALUE;
    private final javafx.scene.control.Tooltip hover = new javafx.scene.control.Tooltip();
    private final javafx.scene.text.Text measure = new javafx.scene.text.Text();

    public TileGrid() {
        getChildren().add(canvas);
        hover.setShowDelay(javafx.util.Duration.millis(300));
        // the whole row title and caption of the tile under the pointer (either may be shortened on the canvas)
        canvas.setOnMouseMoved(e -> {
            String text = describeAt(e.getX(), e.getY());
            if (text == null) {
                javafx.scene.control.Tooltip.uninstall(canvas, hover);
            } else {
                hover.setText(text);
                javafx.scene.control.Tooltip.install(canvas, hover);
            }
        });
        UiScale.whenChanged(this, this::redraw);
        getStyleClass().add("tile-grid");
        canvas.setOnMouseClicked(e -> {
            if (onTileClicked == null || tile <= 0) return;
            int col = (int) ((e.getX() - title()) / (tile + gap));
            int row = (int) (e.getY() / (tile + gap + captionHeight));
            if (col >= 0 && col < columns && row >= 0 && row < rows.size() && e.getX() >= title()) onTileClicked.accept(row, col);
        });
    }

    /** The smallest and largest tile, in pixels at 100 % zoom ({@link UiScale} scales the largest; the smallest stays, so a zoomed grid shrinks before it overflows). */
    public void setTileRange(double min, double max) {
        this.minTile = min;
        this.maxTile = max;
        requestLayout();
    }

    public void setTitleWidth(double w) {
        this.titleWidth = w;
        requestLayout();
    }

    public void setOnTileClicked(BiConsumer<Integer, Integer> handler) { this.onTileClicked = handler; }

    /** Shows at most {@code max} columns (the first ones), so each tile gets more room (presenter mode). */
    public void setMaxColumns(int max) {
        maxColumns = Math.max(1, max);
        setContent(rows, channels, height, width);
    }

    /** The row title and caption at canvas point (x, y), or null outside a row. */
    private String describeAt(double x, double y) {
        if (tile <= 0 || rows.isEmpty()) return null;
        int row = (int) (y / (tile + gap + captionHeight));
        if (row < 0 || row >= rows.size()) return null;
        Row r = rows.get(row);
        int col = x < title() ? -1 : (int) ((x - title()) / (tile + gap));
        String caption = col >= 0 && col < r.captions().size() ? r.captions().get(col) : "";
        if (col >= columns) return null;
        String title = r.title() == null ? "" : r.title();
        if (title.isEmpty() && caption.isEmpty()) return null;
        return title.isEmpty() ? caption : caption.isEmpty() ? title : title + " — " + caption;
    }

    /** Shows {@code rows} of (c, h, w) images. */
    public void setContent(List<Row> rows, int c, int h, int w) {
        this.rows = new ArrayList<>(rows);
        this.hasCaptions = rows.stream().anyMatch(r -> !r.captions().isEmpty());
        this.channels = c;
        this.height = h;
        this.width = w;
        this.columns = 0;
        for (Row r : rows) {
            if (r.images() != null) columns = Math.max(columns, r.images().rows());
            columns = Math.max(columns, r.captions().size());
        }
        columns = Math.min(columns, maxColumns);
        redraw();
    }

    /** Outlines the tiles of column {@code col} (the item the person picked); −1 = none. */
    public void setSelectedColumn(int col) {
        selected = col;
        redraw();
    }

    public void setHeatmap(boolean on) {
        heatmap = on;
        redraw();
    }

    /** Draws once, in the next layout pass, however many changes come before it. */
    private void redraw() {
        stale = true;
        requestLayout();
    }

    public int columns() { return columns; }

    /** Rows shown. */
    public int rowCount() { return rows.size(); }

    /** The side of one tile as last drawn, in pixels. */
    public double tileSize() { return tile; }

    /** The width of the row titles at the current zoom, at most 30 % of the grid's width (titles wrap), so tiles keep their room. */
    private double title() {
        double t = UiScale.px(titleWidth);
        return getWidth() > 0 && titleWidth > 0 ? Math.min(t, Math.max(UiScale.px(70), getWidth() * 0.3)) : t;
    }

    private double tileFor(double availableWidth) {
        if (columns == 0) return UiScale.px(maxTile);
        double t = (availableWidth - title() - gap * columns) / columns;
        return Math.max(minTile, Math.min(UiScale.px(maxTile), Math.floor(t)));
    }

    @Override
    protected double computePrefHeight(double w) {
        double t = tileFor(w >= 0 ? w : getWidth() > 0 ? getWidth() : 800);
        double cap = hasCaptions ? UiScale.px(16) : 0;
        return rows.size() * (t + gap + cap) + 4;
    }

    /** The height follows the width (tiles grow with it): parents ask for the height at the width they give. */
    @Override
    public javafx.geometry.Orientation getContentBias() {
        return javafx.geometry.Orientation.HORIZONTAL;
    }

    @Override
    protected double computePrefWidth(double h) {
        return title() + columns * (UiScale.px(maxTile) * 0.6 + gap);
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth();
        tile = tileFor(w);
        captionHeight = hasCaptions ? UiScale.px(16) : 0;
        double h = Math.max(1, rows.size() * (tile + gap + captionHeight) + 4);
        if (!stale && canvas.getWidth() == w && canvas.getHeight() == h) return;
        canvas.setWidth(w);
        canvas.setHeight(h);
        stale = false;
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (tile <= 0 || canvas.getWidth() < 1) return;
        int cw = (int) Math.ceil(canvas.getWidth()), ch = (int) Math.ceil(canvas.getHeight());
        // every tile goes into one premultiplied image: one texture per redraw instead of one per tile
        int[] pixels = new int[cw * ch];
        int t = (int) tile;
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            int y0 = (int) (r * (tile + gap + captionHeight));
            for (int i = 0; i < columns; i++) {
                int x0 = (int) (title() + i * (tile + gap));
                if (row.images() == null || i >= row.images().rows()) {
                    fill(pixels, cw, ch, x0, y0, t, 0xffeceff3);
                    continue;
                }
                int[] src = heatmap && row.reference() != null
                        ? ImageTiles.errorHeat(row.images().data(), i, row.reference().data(), i, channels, height, width, 0.5)
                        : ImageTiles.argb(row.images().data(), i, channels, height, width);
                for (int py = 0; py < t && y0 + py < ch; py++) {
                    int sy = py * height / t, off = (y0 + py) * cw;
                    for (int px = 0; px < t && x0 + px < cw; px++) pixels[off + x0 + px] = src[sy * width + px * width / t];
                }
            }
        }
        if (image == null || (int) image.getWidth() != cw || (int) image.getHeight() != ch) image = new WritableImage(cw, ch);
        image.getPixelWriter().setPixels(0, 0, cw, ch, PixelFormat.getIntArgbPreInstance(), pixels, 0, cw);
        g.drawImage(image, 0, 0);
        g.setFont(Font.font(UiScale.px(12)));
        g.setTextBaseline(VPos.CENTER);
        for (int r = 0; r < rows.size(); r++) {
            Row row = rows.get(r);
            double y = r * (tile + gap + captionHeight);
            g.setFill(Color.web("#333"));
            g.setTextAlign(TextAlignment.LEFT);
            drawWrapped(g, row.title(), 2, y + tile / 2, title() - 8, tile + gap + captionHeight);
            if (selected >= 0 && selected < columns && (row.images() == null || selected < row.images().rows())) {
                g.setStroke(Color.web("#1f6fb5"));
                g.setLineWidth(2);
                g.strokeRect(title() + selected * (tile + gap) - 1.5, y - 1.5, tile + 3, tile + 3);
            }
            g.setFill(Color.web("#555"));
            g.setTextAlign(TextAlignment.CENTER);
            for (int i = 0; i < row.captions().size() && i < columns; i++) {
                drawCaption(g, row.captions().get(i), title() + i * (tile + gap) + tile / 2, y + tile + UiScale.px(8), tile + gap);
            }
        }
    }

    /** Opaque square of side {@code t} at (x0, y0), clipped to the buffer. */
    private static void fill(int[] pixels, int cw, int ch, int x0, int y0, int t, int argb) {
        for (int py = 0; py < t && y0 + py < ch; py++) {
            int off = (y0 + py) * cw;
            for (int px = 0; px < t && x0 + px < cw; px++) pixels[off + x0 + px] = argb;
        }
    }

    /** A caption within {@code room} pixels: in the normal size, else a smaller one, else shortened with an ellipsis. */
    private void drawCaption(GraphicsContext g, String s, double cx, double cy, double room) {
        Font normal = Font.font(UiScale.px(12)), small = Font.font(Math.max(9, UiScale.px(10)));
        Font font = width(s, normal) <= room ? normal : small;
        String shown = s;
        while (shown.length() > 1 && width(shown, font) > room) shown = shown.substring(0, shown.length() - (shown.endsWith("…") ? 2 : 1)) + "…";
        g.setFont(font);
        g.fillText(shown, cx, cy);
        g.setFont(normal);
    }

    private double width(String s, Font font) {
        measure.setFont(font);
        measure.setText(s);
        return measure.getLayoutBounds().getWidth();
    }

    private static void drawWrapped(GraphicsContext g, String text, double x, double cy, double maxWidth, double maxHeight) {
        int perLine = Math.max(6, (int) (maxWidth / UiScale.px(6.8)));
        List<String> lines = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        for (String word : text.split(" ")) {
            if (cur.length() > 0 && cur.length() + 1 + word.length() > perLine) {
                lines.add(cur.toString());
                cur.setLength(0);
            }
            if (cur.length() > 0) cur.append(' ');
            cur.append(word);
        }
        if (cur.length() > 0) lines.add(cur.toString());
        double lh = UiScale.px(14);
        int fit = Math.max(1, (int) Math.floor(maxHeight / lh));
        if (lines.size() > fit) { // never onto the next row: the last line that fits ends in an ellipsis
            String lastFit = lines.get(fit - 1);
            lines = new ArrayList<>(lines.subList(0, fit));
            lines.set(fit - 1, (lastFit.length() > perLine - 1 ? lastFit.substring(0, Math.max(1, perLine - 1)) : lastFit) + "…");
        }
        double y0 = cy - (lines.size() - 1) * lh / 2;
        for (int i = 0; i < lines.size(); i++) g.fillText(lines.get(i), x, y0 + i * lh);
    }
}
