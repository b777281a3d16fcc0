package starnet.ui.explore;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import starnet.model.Dataset;
import starnet.model.LatentMap;
import starnet.model.Projection;
import starnet.ui.dataset.ItemDialog;
import starnet.ui.widgets.TileGrid;

import java.util.List;

/**
 * The latent map: every item's latents in 2D (PCA, or UMAP), coloured by label, held-out items as rings; hover for
 * the item's thumbnail, click to open it. Follows training when asked.
 */
public final class LatentMapPane extends VBox {
    /** The figures' scatter palette (ten colour-blind-safe tones), so the window and an exported map agree. */
    static final Color[] PALETTE = java.util.Arrays.stream(starnet.session.Chart.scatterColours())
            .mapToObj(rgb -> Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF)).toArray(Color[]::new);
    private static final double MARGIN = 12;
    private final LatentMapViewModel vm;
    private final Canvas canvas = new Canvas(520, 400);
    private final Pane plotBox = new Pane(canvas);
    private final Label source = new Label();
    private final FlowPane legend = new FlowPane(10, 4);
    private final VBox hover = new VBox(2);
    private final TileGrid thumb = new TileGrid();
    private final Label hoverText = new Label();
    private double minX, maxX, minY, maxY;
    private int hovered = -1;

    public LatentMapPane(LatentMapViewModel vm) {
        this.vm = vm;
        setSpacing(6);
        setPadding(new Insets(6));
        ChoiceBox<Projection> projection = new ChoiceBox<>();
        projection.getItems().addAll(Projection.values());
        projection.valueProperty().bindBidirectional(vm.projectionProperty());
        projection.setId("map-projection");
        projection.setTooltip(new Tooltip("PCA: the two directions of largest variance (exact, instant). UMAP: keeps neighbourhoods, on up to 2,000 items."));
        Button now = new Button("Map now");
        now.setId("map-now");
        now.disableProperty().bind(vm.blockedReason().isNotEmpty());
        now.setOnAction(e -> vm.mapNow());
        CheckBox follow = new CheckBox("Follow training (PCA)");
        follow.setId("map-follow");
        follow.selectedProperty().bindBidirectional(vm.followProperty());
        follow.setTooltip(new Tooltip("A PCA map of the newest latents after every step (costs a few milliseconds per step)"));
        CheckBox held = new CheckBox("Held-out items");
        held.setId("map-held-out");
        held.selectedProperty().bindBidirectional(vm.heldOutProperty());
        held.setTooltip(new Tooltip("Items not trained on, their latents inferred by solving down from the image (paper Lemma 3), drawn as rings"));
        Button export = new Button("Export figure…");
        export.setId("map-export");
        export.disableProperty().bind(vm.mapProperty().isNull());
        export.setOnAction(e -> FigureExport.ask(getScene().getWindow(), "latent-map", () -> starnet.session.Chart.latentMap(vm.mapProperty().get(), "Latent map: " + vm.mapProperty().get().source()), vm.model()));
        FlowPane bar = new FlowPane(8, 4, projection, now, follow, held, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        source.setWrapText(true);
        source.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        source.setId("map-source");
        source.getStyleClass().add("muted");

        plotBox.getStyleClass().add("map-canvas-box");
        plotBox.setMinHeight(260);
        plotBox.setPrefHeight(400);
        canvas.widthProperty().bind(plotBox.widthProperty());
        canvas.heightProperty().bind(plotBox.heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
        canvas.setId("map-canvas");
        thumb.setTitleWidth(0);
        thumb.setTileRange(56, 56);
        thumb.setMaxWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        hover.getChildren().addAll(thumb, hoverText);
        hover.getStyleClass().add("map-hover");
        hover.setVisible(false);
        hover.setMouseTransparent(true);
        hover.setManaged(false);
        plotBox.getChildren().add(hover);
        canvas.setOnMouseMoved(e -> hoverAt(e.getX(), e.getY()));
        canvas.setOnMouseExited(e -> {
            hovered = -1;
            hover.setVisible(false);
        });
        canvas.setOnMouseClicked(e -> {
            int i = pointAt(e.getX(), e.getY());
            Dataset d = vm.datasetProperty().get();
            if (i >= 0 && d != null) vm.open(vm.mapProperty().get().rows()[i], detail -> ItemDialog.show(getScene().getWindow(), detail, d));
        });
        legend.setId("map-legend");
        vm.mapProperty().addListener((obs, o, m) -> shown(m));
        vm.blockedReason().addListener((obs, o, n) -> {
            if (vm.mapProperty().get() == null) shown(null);
        });
        vm.heldOutProperty().addListener(o -> draw());
        getChildren().addAll(bar, source, plotBox, legend);
        shown(vm.mapProperty().get());
    }

    private void shown(LatentMap m) {
        if (m == null) {
            source.setText(vm.blockedReason().get().isEmpty() ? "Press \"Map now\" to map the latents of the step shown (or turn on \"Follow training\")."
                    : "Train a step, then press \"Map now\" (or turn on \"Follow training\").");
            legend.getChildren().clear();
            draw();
            return;
        }
        source.setText(String.format("%s of the %s: %,d items%s. Hover for a thumbnail, click to open an item.", m.projection().label(), m.source(), m.size(),
                m.heldX().length > 0 ? String.format(" and %,d held-out items (rings)", m.heldX().length) : ""));
        minX = minY = Double.POSITIVE_INFINITY;
        maxX = maxY = Double.NEGATIVE_INFINITY;
        for (double[][] xy : List.of(new double[][] {m.x(), m.y()}, new double[][] {m.heldX(), m.heldY()})) {
            for (int i = 0; i < xy[0].length; i++) {
                minX = Math.min(minX, xy[0][i]);
                maxX = Math.max(maxX, xy[0][i]);
                minY = Math.min(minY, xy[1][i]);
                maxY = Math.max(maxY, xy[1][i]);
            }
        }
        if (maxX <= minX) maxX = minX + 1;
        if (maxY <= minY) maxY = minY + 1;
        legend.getChildren().clear();
        if (m.labels() != null) {
            int classes = 0;
            for (int l : m.labels()) classes = Math.max(classes, l + 1);
            for (int c = 0; c < classes; c++) {
                Label l = new Label(m.className(c), new Circle(5, colour(c)));
                legend.getChildren().add(l);
            }
        }
        draw();
    }

    static Color colour(int label) { return label < 0 ? Color.GRAY : PALETTE[label % PALETTE.length]; }

    private double sx(double x) { return MARGIN + (x - minX) / (maxX - minX) * (canvas.getWidth() - 2 * MARGIN); }

    private double sy(double y) { return canvas.getHeight() - MARGIN - (y - minY) / (maxY - minY) * (canvas.getHeight() - 2 * MARGIN); }

    /**
     * Draws the points into a pixel buffer and shows it as one image: thousands of points cost one texture upload,
     * not thousands of shapes for the renderer (which, in software rendering, would take a core from the solver).
     */
    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        int w = (int) Math.ceil(canvas.getWidth()), h = (int) Math.ceil(canvas.getHeight());
        LatentMap m = vm.mapProperty().get();
        if (m == null || w < 1 || h < 1) {
            g.setFill(Color.WHITE);
            g.fillRect(0, 0, canvas.getWidth(), canvas.getHeight());
            return;
        }
        int[] px = new int[w * h];
        java.util.Arrays.fill(px, 0xFFFFFFFF);
        double r = m.size() > 5000 ? 1.6 : m.size() > 1000 ? 2.2 : 3;
        double alpha = m.size() > 5000 ? 0.6 : 0.85;
        for (int i = 0; i < m.size(); i++) {
            disc(px, w, h, sx(m.x()[i]), sy(m.y()[i]), r, argb(colour(m.labels() == null ? -1 : m.labels()[i])), alpha, false);
        }
        if (vm.heldOutProperty().get()) {
            for (int i = 0; i < m.heldX().length; i++) {
                disc(px, w, h, sx(m.heldX()[i]), sy(m.heldY()[i]), 3, argb(colour(m.heldLabels() == null ? -1 : m.heldLabels()[i])), 0.8, true);
            }
        }
        if (image == null || (int) image.getWidth() != w || (int) image.getHeight() != h) image = new javafx.scene.image.WritableImage(w, h);
        image.getPixelWriter().setPixels(0, 0, w, h, javafx.scene.image.PixelFormat.getIntArgbInstance(), px, 0, w);
        g.drawImage(image, 0, 0);
        if (hovered >= 0 && hovered < m.size()) {
            g.setStroke(Color.BLACK);
            g.setLineWidth(2);
            g.strokeOval(sx(m.x()[hovered]) - 6, sy(m.y()[hovered]) - 6, 12, 12);
        }
    }

    private javafx.scene.image.WritableImage image;

    private static int argb(Color c) {
        return 0xFF000000 | (int) Math.round(c.getRed() * 255) << 16 | (int) Math.round(c.getGreen() * 255) << 8 | (int) Math.round(c.getBlue() * 255);
    }

    /** A filled disc (or a one-pixel ring) of radius {@code r} at (cx, cy), blended over the buffer with {@code alpha}. */
    private static void disc(int[] px, int w, int h, double cx, double cy, double r, int rgb, double alpha, boolean ring) {
        int x0 = (int) Math.floor(cx - r - 1), x1 = (int) Math.ceil(cx + r + 1), y0 = (int) Math.floor(cy - r - 1), y1 = (int) Math.ceil(cy + r + 1);
        for (int y = Math.max(0, y0); y <= Math.min(h - 1, y1); y++) {
            for (int x = Math.max(0, x0); x <= Math.min(w - 1, x1); x++) {
                double d = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
                if (ring ? Math.abs(d - r) > 0.6 : d > r) continue;
                int o = px[y * w + x];
                int rr = blend(o >> 16 & 0xFF, rgb >> 16 & 0xFF, alpha), gg = blend(o >> 8 & 0xFF, rgb >> 8 & 0xFF, alpha), bb = blend(o & 0xFF, rgb & 0xFF, alpha);
                px[y * w + x] = 0xFF000000 | rr << 16 | gg << 8 | bb;
            }
        }
    }

    private static int blend(int under, int over, double alpha) { return (int) Math.round(under + (over - under) * alpha); }

    /** The map point under (px, py) in canvas pixels, or −1. */
    int pointAt(double px, double py) {
        LatentMap m = vm.mapProperty().get();
        if (m == null) return -1;
        int best = -1;
        double bestD = 36; // within 6 pixels
        for (int i = 0; i < m.size(); i++) {
            double dx = sx(m.x()[i]) - px, dy = sy(m.y()[i]) - py, d = dx * dx + dy * dy;
            if (d < bestD) {
                bestD = d;
                best = i;
            }
        }
        return best;
    }

    private void hoverAt(double px, double py) {
        int i = pointAt(px, py);
        LatentMap m = vm.mapProperty().get();
        Dataset d = vm.datasetProperty().get();
        if (i == hovered) return;
        hovered = i;
        draw();
        if (i < 0 || m == null || d == null || m.rows()[i] >= d.size()) {
            hover.setVisible(false);
            return;
        }
        int row = m.rows()[i];
        thumb.setContent(List.of(new TileGrid.Row("", d.rows(row, row + 1))), d.channels(), d.height(), d.width());
        hoverText.setText("item " + row + (m.labels() == null ? "" : " · " + m.className(m.labels()[i])));
        hover.autosize();
        double x = Math.min(px + 12, plotBox.getWidth() - hover.getWidth() - 4), y = Math.min(py + 12, plotBox.getHeight() - hover.getHeight() - 4);
        hover.relocate(Math.max(0, x), Math.max(0, y));
        hover.setVisible(true);
    }

    /** The dataset row shown at map point {@code i}, for tests. */
    public int rowOf(int i) { return vm.mapProperty().get().rows()[i]; }

    /** Canvas coordinates of map point {@code i}, for tests. */
    public double[] pointPosition(int i) {
        LatentMap m = vm.mapProperty().get();
        return new double[] {sx(m.x()[i]), sy(m.y()[i])};
    }

    public String sourceText() { return source.getText(); }

    public boolean hoverShowing() { return hover.isVisible(); }

    public String hoverText() { return hoverText.getText(); }
}
