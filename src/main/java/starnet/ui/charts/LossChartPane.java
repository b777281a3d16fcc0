package starnet.ui.charts;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Point2D;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.util.StringConverter;
import starnet.model.PlotAxis;
import starnet.model.StepResult;
import starnet.ui.core.StepCursor;
import starnet.ui.widgets.AxisRange;
import starnet.ui.widgets.TickAxis;
import starnet.ui.widgets.Tips;
import starnet.ui.widgets.UiScale;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loss per step, one series per layer; MSE, MAE, elastic or output MSE; log scale with decade ticks as in the
 * exported figures. Colours are the figures' colour-blind-safe ones (layer i takes the i-th), the legend stands
 * above the plot where it always shows, and the readout follows the pointer to the nearest point of any curve.
 */
public final class LossChartPane extends VBox {
    private static final int[] COLOURS = starnet.session.Chart.lineColours();
    private static final String HELD_OUT_COLOUR = "#000000", MEAN_COLOUR = "#7a7a7a";

    private final LossViewModel vm;
    private final NumberAxis x = new NumberAxis();
    private final TickAxis y = new TickAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(x, y);
    private final ChoiceBox<LossMetric> metric = new ChoiceBox<>(FXCollections.observableArrayList(LossMetric.values()));
    private final CheckBox log = new CheckBox("Log scale");
    private final CheckBox pcaBound = new CheckBox("Baselines");
    private final Map<Integer, XYChart.Series<Number, Number>> series = new HashMap<>();
    private final FlowPane legend = new FlowPane(12, 2);
    private final Label readout = new Label(" ");
    private final Line cursorLine = new Line();
    private final Circle marker = new Circle(6);
    private final Pane overlay = new Pane(cursorLine, marker);
    /** What the pointer snapped to, in order of the points drawn: the step result, or null for a held-out point. */
    private final Map<XYChart.Data<Number, Number>, StepResult> results = new HashMap<>();
    private XYChart.Series<Number, Number> heldOut;
    private int heldOutShown;

    public LossChartPane(LossViewModel vm) {
        this.vm = vm;
        setSpacing(4);
        setPadding(new Insets(6));
        chart.setId("loss-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setLegendVisible(false); // the legend above the plot: JavaFX's own is pushed out of sight when the pane is short
        chart.setHorizontalZeroLineVisible(false); // on a log axis it stood at MSE = 1 as a stray unlabelled line
        chart.setVerticalZeroLineVisible(false);
        chart.minHeightProperty().bind(UiScale.factor().multiply(200));
        x.setLabel("Step (Init = 0, k-th solve = k)");
        x.setForceZeroInRange(false);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override public String toString(Number v) {
                double d = v.doubleValue();
                return Math.abs(d - Math.rint(d)) < 1e-9 ? Long.toString(Math.round(d)) : "";
            }
            @Override public Number fromString(String s) { return Double.parseDouble(s); }
        });
        metric.setValue(LossMetric.OUTPUT);
        metric.setId("loss-metric");
        log.setId("loss-log");
        log.setSelected(true);
        javafx.scene.control.Tooltip metricTip = Tips.tip(LossMetric.OUTPUT.help);
        metric.setTooltip(metricTip);
        metric.valueProperty().addListener((obs, o, n) -> {
            metricTip.setText(n.help);
            rebuild();
        });
        pcaBound.disableProperty().bind(metric.valueProperty().isNotEqualTo(LossMetric.OUTPUT));
        log.selectedProperty().addListener((obs, o, n) -> rebuild());
        Label title = new Label("Loss");
        title.getStyleClass().add("section-title");
        pcaBound.setId("pca-bound");
        pcaBound.setTooltip(Tips.tip("Image-space baselines for the output MSE: the mean image (what predicting every item by the average scores) "
                + "and PCA, the best affine rank-d fit of the data (Eckart–Young) for d = each layer's input width — the linear optimum codes of that width compete with. "
                + "Shown with the output MSE only: the layer-fit values live in other spaces."));
        pcaBound.selectedProperty().addListener((obs, o, on) -> {
            if (on) vm.computePca();
            rebuild();
        });
        vm.pcaProperty().addListener((obs, o, n) -> rebuild());
        vm.planProperty().addListener((obs, o, n) -> rebuild());
        FlowPane top = new FlowPane(10, 4, title, metric, log, pcaBound);
        top.setAlignment(Pos.CENTER_LEFT);
        legend.setId("loss-legend");
        legend.getStyleClass().add("chart-key");
        readout.setId("loss-readout");
        readout.getStyleClass().add("chart-readout");
        readout.setWrapText(true);
        // a fixed height (four lines) whatever it says: the chart above must not move while the pointer does
        readout.minHeightProperty().bind(UiScale.factor().multiply(UiScale.BASE_FONT * 0.923 * 1.35 * 4));
        readout.prefHeightProperty().bind(readout.minHeightProperty());
        readout.maxHeightProperty().bind(readout.minHeightProperty());
        readout.setAlignment(Pos.TOP_LEFT);
        Label empty = new Label("No steps yet: press Step SL, Step SW or Train all.");
        empty.setId("loss-empty");
        empty.getStyleClass().add("muted");
        empty.setWrapText(true);
        empty.setStyle("-fx-background-color: rgba(247,248,250,0.92); -fx-padding: 8;");
        cursorLine.setId("loss-cursor");
        cursorLine.getStyleClass().add("step-cursor");
        cursorLine.setManaged(false);
        marker.setId("loss-marker");
        marker.getStyleClass().add("chart-marker");
        marker.setManaged(false);
        marker.setVisible(false);
        overlay.setMouseTransparent(true);
        StackPane plot = new StackPane(chart, overlay, empty);
        // over the plot's top right, clear of the axes' labels
        StackPane.setAlignment(empty, Pos.TOP_RIGHT);
        StackPane.setMargin(empty, new Insets(16, 16, 0, 90));
        vm.cursor().viewedProperty().addListener((obs, o, n) -> placeCursor());
        chart.layoutBoundsProperty().addListener((obs, o, n) -> Platform.runLater(this::placeCursor));
        x.lowerBoundProperty().addListener((obs, o, n) -> placeCursor());
        x.upperBoundProperty().addListener((obs, o, n) -> placeCursor());
        empty.visibleProperty().bind(Bindings.isEmpty(vm.steps()));
        // fixed ranges that change only when the data leaves them (see AxisRange): the chart stays laid out
        // while empty, and a new point does not rebuild the tick labels
        x.setAutoRanging(false);
        chart.addEventHandler(MouseEvent.MOUSE_MOVED, e -> snap(e.getSceneX(), e.getSceneY()));
        chart.addEventHandler(MouseEvent.MOUSE_EXITED, e -> unsnap());
        AxisRange.steps(0).applyTo(x);
        getChildren().addAll(top, legend, plot, readout);
        VBox.setVgrow(plot, Priority.ALWAYS);
        vm.stateProperty().addListener((obs, o, n) -> addHeldOut());
        vm.steps().addListener((ListChangeListener<StepResult>) c -> {
            while (c.next()) {
                if (c.wasRemoved()) {
                    rebuild();
                    return;
                }
                if (c.wasAdded()) add(c.getAddedSubList());
            }
            fitRanges();
        });
        rebuild();
    }

    private void rebuild() {
        chart.getData().clear();
        series.clear();
        results.clear();
        legend.getChildren().clear();
        heldOut = null;
        heldOutShown = 0;
        unsnap();
        // one (empty) series per layer up front: the legend and series nodes exist before training starts,
        // so the first results do not pay for their first layout while the solver is busy
        var plan = vm.planProperty().get();
        if (plan != null) for (int layer = plan.size(); layer >= 1; layer--) seriesFor(layer);
        add(vm.steps());
        addPcaBounds();
        addHeldOut();
        fitRanges();
    }

    /** Bounds that hold every point shown; an axis is touched only when its bounds change. */
    private void fitRanges() {
        double maxX = 0, minY = Double.POSITIVE_INFINITY, maxY = Double.NEGATIVE_INFINITY;
        for (XYChart.Series<Number, Number> s : chart.getData()) {
            for (XYChart.Data<Number, Number> d : s.getData()) {
                maxX = Math.max(maxX, d.getXValue().doubleValue());
                minY = Math.min(minY, d.getYValue().doubleValue());
                maxY = Math.max(maxY, d.getYValue().doubleValue());
            }
        }
        AxisRange.steps(maxX).applyTo(x);
        PlotAxis shown;
        if (log.isSelected()) {
            AxisRange r = AxisRange.log10(minY, maxY);
            shown = PlotAxis.logBetween(Math.pow(10, r.lower()), Math.pow(10, r.upper()));
        } else {
            AxisRange r = AxisRange.linear(maxY);
            shown = PlotAxis.linear(r.lower(), r.upper(), true);
        }
        y.show(shown);
        String title = metric.getValue().axis;
        y.setLabel(shown.factor() == 0 ? title : title + " (×10" + new PlotAxis.Label("", Integer.toString(shown.factor()).replace("-", "−")).superscript() + ")");
    }

    /** The colour of layer {@code layer}'s curve, as CSS. */
    static String colour(int layer) {
        return String.format("#%06x", COLOURS[(layer - 1) % COLOURS.length]);
    }

    private XYChart.Series<Number, Number> seriesFor(int layer) {
        return series.computeIfAbsent(layer, l -> {
            XYChart.Series<Number, Number> n = new XYChart.Series<>();
            n.setName("Layer " + l);
            chart.getData().add(n);
            style(n, colour(l), false, true);
            return n;
        });
    }

    /**
     * Draws {@code s} in {@code colour} (dashed lines for the held-out curve and the baselines; points only for
     * the curves) and adds it to the legend.
     */
    private void style(XYChart.Series<Number, Number> s, String colour, boolean dashed, boolean points) {
        String line = "-fx-stroke: " + colour + "; -fx-stroke-width: " + (points ? 2.5 : 1.5) + ";"
                + (dashed ? " -fx-stroke-dash-array: 7 4;" : "");
        if (s.getNode() != null) s.getNode().setStyle(line);
        s.nodeProperty().addListener((obs, o, n) -> { if (n != null) n.setStyle(line); });
        s.getData().addListener((ListChangeListener<XYChart.Data<Number, Number>>) c -> {
            while (c.next()) for (var d : c.getAddedSubList()) symbol(d, colour, dashed, points);
        });
        Line swatchLine = new Line(0, 0, 22, 0);
        swatchLine.setStroke(Color.web(colour));
        swatchLine.setStrokeWidth(points ? 2.5 : 1.5);
        if (dashed) swatchLine.getStrokeDashArray().setAll(7.0, 4.0);
        StackPane swatch = new StackPane(swatchLine);
        if (points) {
            Circle c = new Circle(4, dashed ? Color.WHITE : Color.web(colour));
            c.setStroke(Color.web(colour));
            c.setStrokeWidth(2);
            swatch.getChildren().add(c);
        }
        Label name = new Label(s.getName(), swatch);
        name.getStyleClass().add("chart-key-item");
        s.nameProperty().addListener((obs, o, n) -> name.setText(n));
        legend.getChildren().add(name);
    }

    private static void symbol(XYChart.Data<Number, Number> d, String colour, boolean hollow, boolean points) {
        String style = points ? "-fx-background-color: " + colour + ", " + (hollow ? "transparent" : colour) + "; -fx-background-radius: 5px; -fx-padding: 4px;"
                : "-fx-background-color: transparent; -fx-padding: 0;";
        if (d.getNode() != null) d.getNode().setStyle(style);
        d.nodeProperty().addListener((obs, o, n) -> { if (n != null) n.setStyle(style); });
    }

    /**
     * The held-out curve beside the training curve (output MSE only): held-out items inferred down to each
     * step's layer (paper Lemma 3) and decoded — how the decoder does on images it was not trained on.
     */
    private void addHeldOut() {
        var st = vm.stateProperty().get();
        if (st == null || metric.getValue() != LossMetric.OUTPUT || st.heldOutItems() == 0) return;
        List<Double> values = st.heldOut();
        if (values.size() < heldOutShown) {
            rebuild();
            return;
        }
        boolean logScale = log.isSelected();
        for (int i = heldOutShown; i < values.size() && i < st.steps().size(); i++) {
            double v = values.get(i);
            if (!(v > 0) || Double.isNaN(v)) continue;
            if (heldOut == null) {
                heldOut = new XYChart.Series<>();
                heldOut.setName(String.format("Held-out (%,d items not trained on)", st.heldOutItems()));
                chart.getData().add(heldOut);
                style(heldOut, HELD_OUT_COLOUR, true, true);
            }
            heldOut.getData().add(new XYChart.Data<>(st.steps().get(i).number(), logScale ? Math.log10(v) : v));
        }
        heldOutShown = values.size();
        fitRanges();
    }

    /** One horizontal line per layer at the PCA optimum of that layer's input width, in the layer's colour. */
    private void addPcaBounds() {
        var p = vm.pcaProperty().get();
        var plan = vm.planProperty().get();
        if (!pcaBound.isSelected() || metric.getValue() != LossMetric.OUTPUT || p == null || plan == null || vm.steps().isEmpty()) return;
        double x0 = vm.steps().get(0).number(), x1 = Math.max(x0 + 1, vm.steps().get(vm.steps().size() - 1).number());
        double mean = p.mse(0);
        if (!log.isSelected() || mean > 0) line(String.format("Mean image (%.4f)", mean), mean, x0, x1, MEAN_COLOUR);
        for (int i = 0; i < plan.size(); i++) {
            double v = p.mse(plan.get(i).inputWidth());
            if (!log.isSelected() || v > 0) line(String.format("PCA rank %d (%.4f)", plan.get(i).inputWidth(), v), v, x0, x1, colour(i + 1));
        }
    }

    private void line(String name, double value, double x0, double x1, String colour) {
        double v = log.isSelected() ? Math.log10(value) : value;
        XYChart.Series<Number, Number> s = new XYChart.Series<>();
        s.setName(name);
        chart.getData().add(s);
        style(s, colour, true, false);
        s.getData().add(new XYChart.Data<>(x0, v));
        s.getData().add(new XYChart.Data<>(x1, v));
    }

    private void add(List<? extends StepResult> added) {
        boolean logScale = log.isSelected();
        for (StepResult r : added) {
            XYChart.Series<Number, Number> s = seriesFor(r.layer());
            double v = metric.getValue().value.applyAsDouble(r);
            if (logScale && !(v > 0)) continue;
            XYChart.Data<Number, Number> d = new XYChart.Data<>(r.number(), logScale ? Math.log10(v) : v);
            results.put(d, r);
            s.getData().add(d);
        }
    }

    /** Snaps the readout to the point of any curve nearest the pointer at scene ({@code sx}, {@code sy}). */
    private void snap(double sx, double sy) {
        XYChart.Data<Number, Number> best = null;
        Point2D bestAt = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        List<XYChart.Series<Number, Number>> curves = new ArrayList<>(series.values());
        if (heldOut != null) curves.add(heldOut);
        for (var s : curves) {
            for (var d : s.getData()) {
                Node n = d.getNode();
                if (n == null) continue;
                var b = n.getBoundsInLocal();
                Point2D at = n.localToScene((b.getMinX() + b.getMaxX()) / 2, (b.getMinY() + b.getMaxY()) / 2);
                double distance = Math.hypot(at.getX() - sx, at.getY() - sy);
                if (distance < bestDistance) {
                    bestDistance = distance;
                    best = d;
                    bestAt = at;
                }
            }
        }
        if (best == null) {
            unsnap();
            return;
        }
        Point2D local = overlay.sceneToLocal(bestAt);
        marker.setCenterX(local.getX());
        marker.setCenterY(local.getY());
        marker.setVisible(true);
        readout.setText(describe(best));
    }

    private void unsnap() {
        marker.setVisible(false);
        readout.setText(" ");
    }

    /** The readout for one point: its step, where it comes from and its value. */
    private String describe(XYChart.Data<Number, Number> d) {
        double shown = log.isSelected() ? Math.pow(10, d.getYValue().doubleValue()) : d.getYValue().doubleValue();
        StepResult r = results.get(d);
        if (r == null) {
            return String.format("Step %d · held-out items · output MSE %.4g", d.getXValue().intValue(), shown);
        }
        String others = metric.getValue() == LossMetric.OUTPUT ? String.format("layer fit %.4g", r.mse()) : String.format("output MSE %.4g", r.outputMse());
        String text = String.format("Step %d · layer %d %s%d · %s %.4g · %s · condition %.3g · %.2f s",
                d.getXValue().intValue(), r.layer(), r.phase(), r.epoch(), metric.getValue().axis, shown, others, r.condition(), r.seconds());
        return startsLowerLayer(r) ? text + "\n" + lowerLayerStart(r.layer()) : text;
    }

    /** Whether {@code r} is the first solve of a layer below the top one: the output MSE rises there. */
    private boolean startsLowerLayer(StepResult r) {
        var plan = vm.planProperty().get();
        return plan != null && r.layer() < plan.size() && r.epoch() == 1 && results.values().stream()
                .noneMatch(o -> o.layer() == r.layer() && o.step() < r.step());
    }

    /** Why the output MSE jumps when a lower layer starts. */
    static String lowerLayerStart(int layer) {
        return "It rises here: layer " + layer + " starts with random weights; its SW solves fit them and the error falls.";
    }

    /**
     * The step cursor: a vertical line at the viewed step when the person looks back (hidden while
     * following live, where it would sit on the newest point anyway).
     */
    private void placeCursor() {
        var viewed = vm.cursor().viewedProperty().get();
        Node bg = chart.lookup(".chart-plot-background");
        if (viewed == null || vm.cursor().liveProperty().get() || bg == null || vm.steps().isEmpty()) {
            cursorLine.setVisible(false);
            return;
        }
        double step = StepCursor.number(viewed);
        var top = overlay.sceneToLocal(bg.localToScene(0, 0));
        var bottom = overlay.sceneToLocal(bg.localToScene(0, bg.getLayoutBounds().getHeight()));
        var at = overlay.sceneToLocal(x.localToScene(x.getDisplayPosition(step), 0));
        if (top == null || bottom == null || at == null) return;
        cursorLine.setStartX(at.getX());
        cursorLine.setEndX(at.getX());
        cursorLine.setStartY(top.getY());
        cursorLine.setEndY(bottom.getY());
        cursorLine.setVisible(true);
    }

    /** Where the cursor line stands, in the chart's step numbers, or NaN when it is hidden (for tests). */
    public double cursorStep() {
        var viewed = vm.cursor().viewedProperty().get();
        return cursorLine.isVisible() && viewed != null ? StepCursor.number(viewed) : Double.NaN;
    }

    /** Points of the training curves (one series per layer). */
    public int trainingPoints() {
        return series.values().stream().mapToInt(x -> x.getData().size()).sum();
    }

    /** Points of the held-out curve. */
    public int heldOutPoints() {
        return heldOut == null ? 0 : heldOut.getData().size();
    }

    /** Every point drawn: training curves, held-out curve and baselines. */
    public int points() {
        return chart.getData().stream().mapToInt(s -> s.getData().size()).sum();
    }

    /** The legend's entries, in order (for tests). */
    public List<String> legendNames() {
        return legend.getChildren().stream().map(n -> ((Label) n).getText()).toList();
    }

    /** The y axis's tick labels (for tests). */
    public List<String> yTickLabels() {
        return y.labels();
    }

    /** What the readout says (blank when the pointer is off the chart). */
    public String readout() {
        return readout.getText();
    }
}
