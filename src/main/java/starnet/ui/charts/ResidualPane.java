package starnet.ui.charts;

import starnet.ui.dataset.ItemDialog;

import starnet.ui.widgets.TileGrid;

import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import starnet.model.Dataset;
import starnet.model.ResidualSummary;
import starnet.model.StepResult;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The latest step's per-datapoint residuals ‖Vh + b − p‖/‖p‖ (paper Lemma 4): a histogram, and a
 * gallery of the highest-residual items that opens an item on click.
 */
public final class ResidualPane extends VBox {
    public static final int GALLERY = 12, BINS = 40;
    private final ResidualViewModel vm;
    private final Canvas histogram = new Canvas(400, 150);
    private final TileGrid gallery = new TileGrid();
    private final Label title = new Label("Residuals");
    private int[] worst = new int[0];
    private double[] bins; // {left, bar width} of the last drawing
    private Bars shown;    // its bars

    public ResidualPane(ResidualViewModel vm) {
        this.vm = vm;
        setSpacing(4);
        setPadding(new Insets(6));
        title.getStyleClass().add("section-title");
        title.setWrapText(true);
        title.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        histogram.setId("residual-histogram");
        gallery.setId("residual-gallery");
        gallery.setTitleWidth(0);
        gallery.setTileRange(24, 56);
        gallery.setOnTileClicked((row, col) -> {
            Dataset d = vm.datasetProperty().get();
            if (col < worst.length && d != null) vm.inspect(worst[col], detail -> ItemDialog.show(getScene().getWindow(), detail, d));
        });
        Pane holder = new Pane(histogram);
        holder.minHeightProperty().bind(starnet.ui.widgets.UiScale.factor().multiply(150));
        holder.prefHeightProperty().bind(starnet.ui.widgets.UiScale.factor().multiply(150));
        histogram.widthProperty().bind(holder.widthProperty());
        histogram.widthProperty().addListener((obs, o, n) -> draw());
        javafx.scene.control.Tooltip hover = starnet.ui.widgets.Tips.tip("");
        hover.setShowDelay(javafx.util.Duration.millis(100));
        javafx.scene.control.Tooltip.install(histogram, hover);
        histogram.setOnMouseMoved(e -> hover.setText(binText(e.getX())));
        Label galleryTitle = new Label("Highest residuals (outliers) — click to open");
        galleryTitle.getStyleClass().add("muted");
        Label axes = new Label("x: relative residual ‖W[h; 1] − a⁻¹(t)‖ / ‖a⁻¹(t)‖ of each datapoint (paper Lemma 4) · y: datapoints · hover for a bin");
        axes.getStyleClass().add("muted");
        axes.setWrapText(true);
        // all of each, whatever the room: a scroll pane fitting its height would otherwise squeeze them to a sliver
        axes.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        gallery.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        getChildren().addAll(title, holder, axes, galleryTitle, gallery);
        vm.cursor().viewedProperty().addListener((obs, o, n) -> draw());
    }

    /** The solve behind the viewed snapshot (the shared step cursor), or null for the initial state. */
    private StepResult viewedStep() {
        var s = vm.cursor().viewedProperty().get();
        return s == null ? null : s.step();
    }

    private void draw() {
        GraphicsContext g = histogram.getGraphicsContext2D();
        double w = histogram.getWidth(), h = histogram.getHeight();
        g.clearRect(0, 0, w, h);
        StepResult r = viewedStep();
        Dataset d = vm.datasetProperty().get();
        if (r == null || d == null) {
            title.setText(vm.steps().isEmpty() ? "Residuals — available after the first step"
                    : "Residuals — none at this point (no solve behind it); move the step slider to a solve");
            gallery.setContent(List.of(), 1, 28, 28);
            worst = new int[0];
            bins = null;
            return;
        }
        double[] res = r.residuals();
        ResidualSummary spread = r.spread();
        if (res.length == 0 && spread == null) {
            title.setText(String.format("Residuals after step %d (layer %d %s): not kept — a run of %,d datapoints keeps the newest step's only",
                    r.number(), r.layer(), r.phase(), vm.datapoints()));
            gallery.setContent(List.of(), d.channels(), d.height(), d.width());
            worst = new int[0];
            bins = null;
            return;
        }
        Bars bars = res.length > 0 ? linear(res, spread.max()) : logarithmic(spread); // a step with residuals has their summary too
        title.setText(String.format("Residuals after step %d (layer %d %s): mean %.4f, max %.4f, %,d datapoints%s",
                r.number(), r.layer(), r.phase(), spread.mean(), spread.max(), spread.count(),
                res.length > 0 ? "" : " (summary sent by the partitions: bins 2.3% wide)"));
        int peak = IntStream.of(bars.counts).max().orElse(1);
        int n = bars.counts.length;
        double left = starnet.ui.widgets.UiScale.px(40), bottom = h - starnet.ui.widgets.UiScale.px(20), plotW = w - left - 14, plotH = bottom - 8;
        g.setStroke(Color.web("#888"));
        g.strokeLine(left, bottom, left + plotW, bottom);
        g.setFill(Color.web("#4b6fa8"));
        double bw = plotW / n;
        for (int i = 0; i < n; i++) {
            double bh = bars.counts[i] / (double) peak * plotH;
            g.fillRect(left + i * bw + 1, bottom - bh, Math.max(1, bw - 2), bh);
        }
        g.setFill(Color.web("#444"));
        g.setStroke(Color.web("#888"));
        g.setLineWidth(1);
        g.setFont(Font.font(starnet.ui.widgets.UiScale.px(11)));
        g.setTextBaseline(VPos.TOP);
        g.setTextAlign(TextAlignment.CENTER);
        for (int e : bars.ticks) {
            double x = left + plotW * e / n;
            g.strokeLine(x, bottom, x, bottom + 3);
            g.setTextAlign(e == n ? TextAlignment.RIGHT : TextAlignment.CENTER); // the last label ends at its tick: inside the canvas
            g.fillText(String.format("%.3g", bars.edges[e]), e == n ? x + 4 : x, bottom + 4);
        }
        g.setTextAlign(TextAlignment.RIGHT);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i <= 2; i++) { // y ticks: 0, half and the tallest bin's count
            double y = bottom - plotH * i / 2;
            g.strokeLine(left - 3, y, left, y);
            g.fillText(Integer.toString(Math.round(peak * i / 2f)), left - 5, y);
        }
        bins = new double[] {left, bw};
        shown = bars;

        // among the items whose images are in memory (all, or the first of a streamed run)
        List<String> captions = new ArrayList<>();
        if (res.length > 0) {
            worst = topIndices(res, GALLERY, d.size());
            for (int i : worst) captions.add(String.format("%.3f", res[i]));
        } else {
            List<Integer> rows = new ArrayList<>();
            for (int i = 0; i < spread.worst().length && rows.size() < GALLERY; i++) {
                if (spread.worst()[i] < d.size()) {
                    rows.add(spread.worst()[i]);
                    captions.add(String.format("%.3f", spread.worstValues()[i]));
                }
            }
            worst = rows.stream().mapToInt(Integer::intValue).toArray();
        }
        gallery.setContent(List.of(new TileGrid.Row("", d.selectRows(worst), null, captions)), d.channels(), d.height(), d.width());
    }

    /** Histogram bars: bar i counts the values in [edges[i], edges[i + 1]); ticks are indices of edges to label. */
    private record Bars(int[] counts, double[] edges, int[] ticks) {}

    /** {@link #BINS} equal bins from 0 to {@code max}, the largest of {@code res}, ticks at its quarters. */
    private static Bars linear(double[] res, double max) {
        int[] counts = new int[BINS];
        double top = max > 0 ? max : 1;
        for (double v : res) counts[Math.min(BINS - 1, (int) (v / top * BINS))]++;
        double[] edges = new double[BINS + 1];
        for (int i = 0; i <= BINS; i++) edges[i] = top * i / BINS;
        edges[BINS] = max;
        return new Bars(counts, edges, new int[] {0, BINS / 4, BINS / 2, 3 * BINS / 4, BINS});
    }

    /** The summary's logarithmic bins from the first to the last that holds any, in at most {@link #BINS} bars of whole bins. */
    private static Bars logarithmic(ResidualSummary s) {
        int first = 0, last = ResidualSummary.BINS - 1;
        while (first < last && s.bins()[first] == 0) first++;
        while (last > first && s.bins()[last] == 0) last--;
        int per = (last - first + BINS) / BINS; // summary bins per bar
        int n = (last - first) / per + 1;
        int[] counts = new int[n];
        double[] edges = new double[n + 1];
        for (int i = 0; i < n; i++) {
            for (int b = first + i * per; b < Math.min(last + 1, first + (i + 1) * per); b++) counts[i] += (int) Math.min(Integer.MAX_VALUE - counts[i], s.bins()[b]);
            edges[i] = ResidualSummary.low(first + i * per);
        }
        edges[n] = Math.min(ResidualSummary.high(Math.min(ResidualSummary.BINS - 1, first + n * per - 1)), s.max());
        int step = Math.max(1, n / 4);
        int[] ticks = IntStream.iterate(0, i -> i <= n, i -> i + step).toArray();
        if (ticks[ticks.length - 1] != n) { // the end gets its label; a tick too close before it gives way
            if (n - ticks[ticks.length - 1] < (step + 1) / 2) ticks[ticks.length - 1] = n;
            else ticks = IntStream.concat(IntStream.of(ticks), IntStream.of(n)).toArray();
        }
        return new Bars(counts, edges, ticks);
    }

    public int[] worstItems() { return worst.clone(); }

    /** "Residual 0.120–0.130: 523 datapoints" for the bin under x, or what the axis shows. */
    String binText(double x) {
        if (bins == null || shown == null) return "Residuals appear after the first solve";
        int i = (int) Math.floor((x - bins[0]) / bins[1]);
        if (i < 0 || i >= shown.counts.length) {
            return "Relative residual of each datapoint: ‖W[h; 1] − a⁻¹(t)‖ / ‖a⁻¹(t)‖ (paper Lemma 4); high ones are outliers";
        }
        int c = shown.counts[i];
        return String.format("Residual %.4g–%.4g: %,d datapoint%s", shown.edges[i], shown.edges[i + 1], c, c == 1 ? "" : "s");
    }

    /** The histogram's title, e.g. "Residuals after step 3 (layer 2 SL): …". */
    public String titleText() { return title.getText(); }

    /** Indices of the {@code k} largest values, largest first, in O(N·k) without boxing. */
    static int[] topIndices(double[] v, int k) {
        return topIndices(v, k, v.length);
    }

    /** The {@code k} largest of {@code v}'s first {@code within} values, largest first. */
    static int[] topIndices(double[] v, int k, int within) {
        int m = Math.min(within, v.length);
        int n = Math.min(k, m);
        int[] idx = new int[n];
        int filled = 0;
        for (int i = 0; i < m; i++) {
            if (filled == n && v[i] <= v[idx[n - 1]]) continue;
            int pos = filled < n ? filled++ : n - 1;
            while (pos > 0 && v[idx[pos - 1]] < v[i]) {
                idx[pos] = idx[pos - 1];
                pos--;
            }
            idx[pos] = i;
        }
        return idx;
    }
}
