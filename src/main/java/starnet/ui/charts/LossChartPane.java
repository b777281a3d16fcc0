package starnet.ui.charts;

import starnet.ui.widgets.AxisRange;
import starnet.ui.core.StepCursor;

import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import starnet.model.StepResult;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** Loss per step, one series per layer; MSE, MAE, elastic or output MSE; optional log scale; hover for values. */
public final class LossChartPane extends VBox {
    /** A metric the chart can show. */
    enum Metric {
        OUTPUT("Output MSE (decoded images)", StepResult::outputMse, "The mean squared error of the images decoded from the current latents "
                + "through every layer above: image space, comparable across layers and with the baselines (PCA, mean image)."),
        MSE("Layer-fit MSE (the layer's own targets)", StepResult::mse, "The current layer's fit to its own targets. For the last layer "
                + "these are the images; for a lower layer they are the latents of the layer above, so the curve jumps when training moves "
                + "down a layer: another space, other numbers. Not comparable with the baselines."),
        MAE("Layer-fit MAE", StepResult::mae, "The mean absolute error of the current layer's fit to its own targets."),
        ELASTIC("Layer-fit elastic (MSE + MAE)", StepResult::elastic, "Layer-fit MSE + MAE: the loss the autoencoder baseline minimises.");

        final String label;
        final ToDoubleFunction<StepResult> value;
        final String help;

        Metric(String label, ToDoubleFunction<StepResult> value, String help) {
            this.label = label;
            this.value = value;
            this.help = help;
        }

        @Override public String toString() { return label; }
    }

    private final LossViewModel vm;
    private final NumberAxis x = new NumberAxis();
    private final NumberAxis y = new NumberAxis();
    private final LineChart<Number, Number> chart = new LineChart<>(x, y);
    private final ChoiceBox<Metric> metric = new ChoiceBox<>(FXCollections.observableArrayList(Metric.values()));
    private final CheckBox log = new CheckBox("Log scale");
    private final CheckBox pcaBound = new CheckBox("Baselines");
    private final Map<Integer, XYChart.Series<Number, Number>> series = new HashMap<>();
    private final javafx.scene.shape.Line cursorLine = new javafx.scene.shape.Line();
    private XYChart.Series<Number, Number> heldOut;
    private int heldOutShown;

    public LossChartPane(LossViewModel vm) {
        this.vm = vm;
        setSpacing(4);
        setPadding(new Insets(6));
        chart.setId("loss-chart");
        chart.setAnimated(false);
        chart.setCreateSymbols(true);
        chart.setLegendVisible(true);
        chart.setHorizontalZeroLineVisible(false); // on a log axis it stood at MSE = 1 as a stray unlabelled line
        chart.setVerticalZeroLineVisible(false);
        chart.minHeightProperty().bind(starnet.ui.widgets.UiScale.factor().multiply(220));
        x.setLabel("Step (SL and SW solves)");
        x.setForceZeroInRange(false);
        x.setMinorTickVisible(false);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override public String toString(Number v) {
                double d = v.doubleValue();
                return Math.abs(d - Math.rint(d)) < 1e-9 ? Long.toString(Math.round(d)) : "";
            }
            @Override public Number fromString(String s) { return Double.parseDouble(s); }
        });
        y.setForceZeroInRange(false);
        metric.setValue(Metric.OUTPUT);
        metric.setId("loss-metric");
        log.setId("loss-log");
        log.setSelected(true);
        javafx.scene.control.Tooltip metricTip = starnet.ui.widgets.Tips.tip(Metric.OUTPUT.help);
        metric.setTooltip(metricTip);
        metric.valueProperty().addListener((obs, o, n) -> {
            metricTip.setText(n.help);
            rebuild();
        });
        pcaBound.disableProperty().bind(metric.valueProperty().isNotEqualTo(Metric.OUTPUT));
        log.selectedProperty().addListener((obs, o, n) -> rebuild());
        Label title = new Label("Loss");
        title.getStyleClass().add("section-title");
        pcaBound.setId("pca-bound");
        pcaBound.setTooltip(starnet.ui.widgets.Tips.tip("Image-space baselines for the output MSE: the mean image (what predicting every item by the average scores) "
                + "and PCA, the best affine rank-d fit of the data (Eckart–Young) for d = each layer's input width — the linear optimum codes of that width compete with. "
                + "Shown with the output MSE only: the layer-fit values live in other spaces."));
        pcaBound.selectedProperty().addListener((obs, o, on) -> {
            if (on) vm.computePca();
            rebuild();
        });
        vm.pcaProperty().addListener((obs, o, n) -> rebuild());
        vm.planProperty().addListener((obs, o, n) -> rebuild());
        javafx.scene.layout.FlowPane top = new javafx.scene.layout.FlowPane(10, 4, title, metric, log, pcaBound);
        top.setAlignment(Pos.CENTER_LEFT);
        Label empty = new Label("No steps yet: press Step SL, Step SW or Train all.");
        empty.getStyleClass().add("muted");
        cursorLine.setId("loss-cursor");
        cursorLine.getStyleClass().add("step-cursor");
        cursorLine.setManaged(false);
        cursorLine.setMouseTransparent(true);
        javafx.scene.layout.Pane overlay = new javafx.scene.layout.Pane(cursorLine);
        overlay.setMouseTransparent(true);
        javafx.scene.layout.StackPane plot = new javafx.scene.layout.StackPane(chart, overlay, empty);
        vm.cursor().viewedProperty().addListener((obs, o, n) -> placeCursor(overlay));
        chart.layoutBoundsProperty().addListener((obs, o, n) -> javafx.application.Platform.runLater(() -> placeCursor(overlay)));
        x.lowerBoundProperty().addListener((obs, o, n) -> placeCursor(overlay));
        x.upperBoundProperty().addListener((obs, o, n) -> placeCursor(overlay));
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.steps()));
        empty.setStyle("-fx-background-color: rgba(247,248,250,0.85); -fx-padding: 8;");
        // fixed ranges that change only when the data leaves them (see AxisRange): the chart stays laid out
        // while empty, and a new point does not rebuild the tick labels
        x.setAutoRanging(false);
        y.setAutoRanging(false);
        show(x, AxisRange.steps(0));
        getChildren().addAll(top, plot);
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
        heldOut = null;
        heldOutShown = 0;
        boolean logScale = log.isSelected();
        y.setLabel(metric.getValue().label + (logScale ? ", log₁₀" : ""));
        y.setTickLabelFormatter(logScale ? new StringConverter<>() {
            @Override public String toString(Number v) { return String.format("%.1e", Math.pow(10, v.doubleValue())); }
            @Override public Number fromString(String s) { return Math.log10(Double.parseDouble(s)); }
        } : new NumberAxis.DefaultFormatter(y));
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
        show(x, AxisRange.steps(maxX));
        show(y, log.isSelected() ? AxisRange.log10(minY, maxY) : AxisRange.linear(maxY));
    }

    private static void show(NumberAxis axis, AxisRange r) {
        if (axis.getLowerBound() != r.lower()) axis.setLowerBound(r.lower());
        if (axis.getUpperBound() != r.upper()) axis.setUpperBound(r.upper());
        if (axis.getTickUnit() != r.tick()) axis.setTickUnit(r.tick());
    }

    private XYChart.Series<Number, Number> seriesFor(int layer) {
        return series.computeIfAbsent(layer, l -> {
            XYChart.Series<Number, Number> n = new XYChart.Series<>();
            n.setName("Layer " + l);
            chart.getData().add(n);
            return n;
        });
    }

    /**
     * The held-out curve beside the training curve (output MSE only): held-out items inferred down to each
     * step's layer (paper Lemma 3) and decoded — how the decoder does on images it was not trained on.
     */
    private void addHeldOut() {
        var st = vm.stateProperty().get();
        if (st == null || metric.getValue() != Metric.OUTPUT || st.heldOutItems() == 0) return;
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
            }
            heldOut.getData().add(new XYChart.Data<>(st.steps().get(i).step() + 1, logScale ? Math.log10(v) : v));
        }
        heldOutShown = values.size();
        fitRanges();
    }

    /** One horizontal line per layer at the PCA optimum of that layer's input width. */
    private void addPcaBounds() {
        var p = vm.pcaProperty().get();
        var plan = vm.planProperty().get();
        if (!pcaBound.isSelected() || metric.getValue() != Metric.OUTPUT || p == null || plan == null || vm.steps().isEmpty()) return;
        double x0 = vm.steps().get(0).step() + 1, x1 = Math.max(x0 + 1, vm.steps().get(vm.steps().size() - 1).step() + 1);
        double mean = p.mse(0);
        if (!log.isSelected() || mean > 0) {
            XYChart.Series<Number, Number> m = new XYChart.Series<>();
            m.setName(String.format("Mean image (%.4f)", mean));
            double my = log.isSelected() ? Math.log10(mean) : mean;
            m.getData().add(new XYChart.Data<>(x0, my));
            m.getData().add(new XYChart.Data<>(x1, my));
            chart.getData().add(m);
        }
        for (var layer : plan) {
            double v = p.mse(layer.inputWidth());
            if (log.isSelected() && !(v > 0)) continue;
            double y = log.isSelected() ? Math.log10(v) : v;
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(String.format("PCA rank %d (%.4f)", layer.inputWidth(), v));
            s.getData().add(new XYChart.Data<>(x0, y));
            s.getData().add(new XYChart.Data<>(x1, y));
            chart.getData().add(s);
        }
    }

    private void add(List<? extends StepResult> added) {
        boolean logScale = log.isSelected();
        for (StepResult r : added) {
            XYChart.Series<Number, Number> s = seriesFor(r.layer());
            double v = metric.getValue().value.applyAsDouble(r);
            if (logScale && !(v > 0)) continue;
            XYChart.Data<Number, Number> d = new XYChart.Data<>(r.step() + 1, logScale ? Math.log10(v) : v);
            String tip = String.format("Step %d — layer %d, epoch %d, %s%n%s = %.6g%nMSE %.6g, MAE %.6g, output MSE %.6g%ncondition %.3g, %.3f s (%s)",
                    r.step() + 1, r.layer(), r.epoch(), r.phase(), metric.getValue().label, v, r.mse(), r.mae(), r.outputMse(),
                    r.condition(), r.seconds(), r.method());
            d.nodeProperty().addListener((obs, o, node) -> {
                if (node != null) Tooltip.install(node, new Tooltip(tip));
            });
            s.getData().add(d);
        }
    }

    /**
     * The step cursor: a vertical line at the viewed step when the person looks back (hidden while
     * following live, where it would sit on the newest point anyway).
     */
    private void placeCursor(javafx.scene.layout.Pane overlay) {
        var viewed = vm.cursor().viewedProperty().get();
        javafx.scene.Node bg = chart.lookup(".chart-plot-background");
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
}
