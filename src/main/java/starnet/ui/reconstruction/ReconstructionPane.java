package starnet.ui.reconstruction;

import starnet.ui.widgets.TileGrid;
import starnet.ui.core.StepCursor;

import starnet.model.TrainingSnapshot;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import starnet.model.Dataset;
import starnet.math.Matrix;

import java.util.ArrayList;
import java.util.List;

/**
 * Targets beside reconstructions after the current step and after each trained layer, a step slider
 * to look back at any earlier step, and the paper's progress strip (Figs. 4–5) for one pinned item.
 */
public final class ReconstructionPane extends VBox {
    public static final int STRIP_MAX = 14;
    private final ReconstructionViewModel vm;
    private final TileGrid grid = new TileGrid();
    private final TileGrid strip = new TileGrid();
    private final Slider stepSlider = new Slider(0, 0, 0);
    private final CheckBox live = new CheckBox("Follow live");
    private final Label stepLabel = new Label("No steps yet");
    /** Items the grid shows in presenter mode. */
    public static final int PRESENTER_ITEMS = 8;
    /** Steps the progress strip shows in presenter mode (fewer, larger). */
    static final int PRESENTER_STRIP = 9;
    private int stripMax = STRIP_MAX;
    private final Label stripTitle = new Label();
    private final IntegerProperty stripItem = new SimpleIntegerProperty(0);
    private boolean followingHistory;
    private List<Object> drawn;

    public ReconstructionPane(ReconstructionViewModel vm) {
        this.vm = vm;
        setSpacing(6);
        setPadding(new Insets(6));
        grid.setId("recon-grid");
        strip.setId("progress-strip");
        grid.setTileRange(16, 84); // small tiles before a cramped (zoomed) pane loses columns
        strip.setTileRange(30, 64);
        strip.setTitleWidth(0);

        CheckBox heat = new CheckBox("Error heat map");
        heat.setId("heatmap");
        heat.setTooltip(starnet.ui.widgets.Tips.tip("Show |reconstruction − target| per pixel instead of the reconstruction (black = 0, yellow = 0.5 or more)"));
        HeatScale scale = new HeatScale();
        scale.visibleProperty().bind(heat.selectedProperty());
        scale.managedProperty().bind(heat.selectedProperty());
        heat.selectedProperty().addListener((obs, o, on) -> grid.setHeatmap(on));
        Button random = new Button("Pin random items");
        random.setTooltip(starnet.ui.widgets.Tips.tip("Show other items in the grid (seeded); the model stays, the step history restarts from now"));
        random.setOnAction(e -> vm.pinRandom());
        random.disableProperty().bind(vm.model().runningProperty().or(vm.datasetProperty().isNull()));
        Button perClass = new Button("One per class");
        perClass.setTooltip(starnet.ui.widgets.Tips.tip("Pin the first item of every class"));
        perClass.setOnAction(e -> vm.pinPerClass());
        perClass.disableProperty().bind(random.disableProperty());
        Label title = new Label("Reconstructions");
        title.getStyleClass().add("section-title");
        javafx.scene.layout.FlowPane top = new javafx.scene.layout.FlowPane(10, 6, title, heat, random, perClass); // wraps on a narrow screen
        top.setAlignment(Pos.CENTER_LEFT);
        for (var n : List.of(title, heat, random, perClass)) ((javafx.scene.control.Control) n).setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);

        StepCursor cursor = vm.cursor();
        live.setId("follow-live");
        live.setSelected(true);
        stepSlider.setId("step-slider");
        stepSlider.setMajorTickUnit(1);
        stepSlider.setMinorTickCount(0);
        stepSlider.setSnapToTicks(true);
        stepSlider.setBlockIncrement(1);
        stepSlider.valueProperty().addListener((obs, o, n) -> {
            if (followingHistory) return; // set from the cursor, not by the person
            cursor.view((int) Math.round(n.doubleValue()));
        });
        live.selectedProperty().addListener((obs, o, on) -> {
            if (on && !cursor.liveProperty().get()) cursor.followLive();
            else if (!on && cursor.liveProperty().get()) cursor.view(Math.max(0, vm.history().size() - 2));
        });
        cursor.liveProperty().addListener((obs, o, on) -> live.setSelected(on));
        cursor.viewedProperty().addListener((obs, o, n) -> {
            followingHistory = true;
            try {
                stepSlider.setValue(Math.max(0, cursor.index()));
            } finally {
                followingHistory = false;
            }
            refresh();
        });
        // the step's name and numbers on a line of their own, wrapping: a lecturer reads them out
        stepLabel.setWrapText(true);
        stepLabel.setId("step-label");
        stepLabel.getStyleClass().add("step-label");
        live.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        Label stepWord = new Label("Step");
        stepWord.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        stepSlider.setMinWidth(80);
        HBox sliderBox = new HBox(8, stepWord, stepSlider, live);
        sliderBox.setAlignment(Pos.CENTER_LEFT);
        HBox.setHgrow(stepSlider, Priority.ALWAYS);

        stripTitle.getStyleClass().add("section-title");
        grid.setOnTileClicked((row, col) -> {
            stripItem.set(col);
            grid.setSelectedColumn(col);
            refresh();
        });
        Label stripHint = new Label("Click an item in the grid to follow it in the progress strip.");
        stripHint.getStyleClass().add("muted");
        stripTitle.setWrapText(true);
        getChildren().addAll(top, grid, scale, sliderBox, stepLabel, stripTitle, strip, stripHint);

        vm.history().addListener((javafx.collections.ListChangeListener<TrainingSnapshot>) c -> {
            followingHistory = true;
            try {
                stepSlider.setMax(Math.max(0, vm.history().size() - 1));
                stepSlider.setValue(Math.max(0, cursor.index()));
            } finally {
                followingHistory = false;
            }
        });
        vm.pinnedProperty().addListener((obs, o, n) -> {
            stripItem.set(0);
            grid.setSelectedColumn(0);
        });
        grid.setSelectedColumn(0);
        vm.model().stateProperty().addListener((obs, o, n) -> refresh());
        vm.pcaRowProperty().addListener((obs, o, n) -> refresh());
    }

    /**
     * Presenter mode: the first {@link #PRESENTER_ITEMS} items only, so tiles grow (at least 64 px at 1280×720),
     * and a larger progress strip.
     */
    public void setPresenting(boolean on) {
        grid.setMaxColumns(on ? PRESENTER_ITEMS : Integer.MAX_VALUE);
        strip.setTileRange(30, on ? 80 : 64);
        stripMax = on ? PRESENTER_STRIP : STRIP_MAX;
        drawn = null;
        refresh();
    }

    /** "256" for a dense layer's input, "2×14×14" for a conv layer's latent grid. */
    public static String latentSize(starnet.model.LayerPlan p) {
        return p.isConv() ? p.conv().cIn() + "×" + p.conv().h() + "×" + p.conv().w() : Integer.toString(p.inputWidth());
    }

    /** What the step label says, e.g. "3 of 10: L2 SL2  (MSE 0.00123)". */
    public String stepText() { return stepLabel.getText(); }

    /** The snapshot on screen (the shared cursor's). */
    public TrainingSnapshot viewed() {
        return vm.cursor().viewedProperty().get();
    }

    private void refresh() {
        Dataset d = vm.datasetProperty().get();
        TrainingSnapshot s = viewed();
        int[] pins = vm.pinnedProperty().get();
        List<Object> key = java.util.Arrays.asList(d, s, pins, vm.pcaRowProperty().get(), vm.planProperty().get(), stripItem.get(),
                vm.cursor().liveProperty().get(), vm.model().steps().size(), s == null ? vm.noModelText() : "");
        if (key.equals(drawn)) return; // the cursor and the state both announce one step: draw it once
        drawn = key;
        if (d != null && (java.util.Arrays.stream(pins).anyMatch(p -> p >= d.size()) || (s != null && s.current().rows() != pins.length))) {
            return; // between two states (other data or pins arriving): the state that follows draws
        }
        if (d == null || pins.length == 0) {
            grid.setContent(List.of(), 1, 28, 28);
            strip.setContent(List.of(), 1, 28, 28);
            stepLabel.setText("No dataset");
            return;
        }
        Matrix targets = d.selectRows(pins);
        List<String> captions = new ArrayList<>();
        for (int p : pins) captions.add(d.hasLabels() ? d.labelText(p) : "#" + p);
        List<TileGrid.Row> rows = new ArrayList<>();
        rows.add(new TileGrid.Row("Targets", targets, null, captions));
        if (s == null) {
            grid.setContent(rows, d.channels(), d.height(), d.width());
            strip.setContent(List.of(), d.channels(), d.height(), d.width());
            stepLabel.setText(vm.noModelText());
            stripTitle.setText("");
            return;
        }
        boolean atLiveEnd = vm.cursor().liveProperty().get();
        int number = StepCursor.number(s), total = vm.model().steps().size();
        String currentTitle = s.step() == null ? (s.finished() ? s.label() : "Initial weights, random latents")
                : s.finished() ? "Final (codes decoded)" : (atLiveEnd ? "Now" : "Step " + number) + ": layer " + s.step().layer() + " after "
                + s.label().substring(s.label().indexOf(' ') + 1);
        if (!s.finished()) rows.add(new TileGrid.Row(currentTitle, s.current(), targets, List.of()));
        var plan = vm.planProperty().get();
        Matrix pcaRow = vm.pcaRowProperty().get();
        if (pcaRow != null && plan != null && !plan.isEmpty() && pcaRow.rows() == pins.length) {
            rows.add(new TileGrid.Row("PCA rank " + plan.get(0).inputWidth(), pcaRow, targets, List.of()));
        }
        for (int i = s.afterLayer().size() - 1; i >= 0; i--) {
            Matrix m = s.afterLayer().get(i);
            String w = plan == null || i >= plan.size() ? "" : " (" + latentSize(plan.get(i)) + ")";
            rows.add(new TileGrid.Row(m == null ? "After layer " + (i + 1) + w + ": not yet" : "After layer " + (i + 1) + w, m, targets, List.of()));
        }
        grid.setContent(rows, d.channels(), d.height(), d.width());
        stepLabel.setText(String.format("%d of %d: %s%s", number, total, s.label(),
                s.step() == null ? "" : String.format("  (MSE %.5f)", s.step().mse())));
        refreshStrip(d, pins, s);
    }

    /**
     * Paper Figs. 4–5: one item through the steps of the viewed layer (Init → SL1 → SW1 → … on the
     * last layer), up to the viewed step, evenly thinned to {@link #STRIP_MAX} tiles.
     */
    private void refreshStrip(Dataset d, int[] pins, TrainingSnapshot upTo) {
        int item = Math.min(stripItem.get(), pins.length - 1);
        var h = vm.history();
        int last = h.indexOf(upTo);
        int layer = upTo.step() != null ? upTo.step().layer() : Math.max(1, upTo.layer());
        List<TrainingSnapshot> chosen = new ArrayList<>();
        // a lower layer starts from what the layer above achieved: its last solve opens the strip (its targets are those latents)
        TrainingSnapshot start = null;
        for (int i = 0; i <= last; i++) {
            TrainingSnapshot s = h.get(i);
            if (s.step() != null && s.step().layer() == layer + 1 && s.step().layerDone()) start = s;
        }
        if (start != null) chosen.add(start);
        for (int i = 0; i <= last; i++) {
            TrainingSnapshot s = h.get(i);
            boolean stateAfterTraining = s.step() == null && s.finished(); // e.g. "Refined"
            if (s.step() == null ? s.layer() == layer || (stateAfterTraining && layer == 1) : s.step().layer() == layer) chosen.add(s);
        }
        List<TrainingSnapshot> picks = new ArrayList<>();
        if (chosen.size() <= stripMax) {
            picks.addAll(chosen);
        } else {
            for (int j = 0; j < stripMax; j++) picks.add(chosen.get((int) Math.round(j * (chosen.size() - 1) / (double) (stripMax - 1))));
        }
        Matrix tiles = new Matrix(picks.size() + 1, d.pixels());
        List<String> captions = new ArrayList<>();
        tiles.setRows(0, d.rows(pins[item], pins[item] + 1));
        captions.add("Target");
        for (int j = 0; j < picks.size(); j++) {
            TrainingSnapshot s = picks.get(j);
            tiles.setRows(j + 1, s.current().rowRange(item, item + 1));
            captions.add(s.step() == null ? s.label() : s.step().layer() != layer ? "L" + s.step().layer() + " end"
                    : s.step().phase() + Integer.toString(s.step().epoch()));
        }
        stripTitle.setText("Progress strip, layer " + layer + ": item " + pins[item] + (d.hasLabels() ? " (" + d.labelText(pins[item]) + ")" : "")
                + (chosen.size() > stripMax ? ", " + stripMax + " of " + chosen.size() + " steps" : ""));
        strip.setContent(List.of(new TileGrid.Row("", tiles, null, captions)), d.channels(), d.height(), d.width());
    }

}
