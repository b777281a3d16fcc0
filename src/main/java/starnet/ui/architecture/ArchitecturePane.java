package starnet.ui.architecture;

import javafx.beans.binding.Bindings;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.TextFieldListCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import java.util.List;
import starnet.model.SolverKind;
import starnet.model.ArchitectureConfig;
import starnet.model.InitKind;
import starnet.model.Padding;
import starnet.model.Presets;
import starnet.model.SolveOrder;
import starnet.ui.widgets.NumberField;
import starnet.ui.widgets.PulseDelayed;

/** The decoder and solver settings: presets, widths list, slope, init, seed, solver, order, ridge, tolerance, epochs. */
public final class ArchitecturePane extends VBox {
    private final ArchitectureViewModel vm;

    public ArchitecturePane(ArchitectureViewModel vm) {
        this.vm = vm;
        setSpacing(6);
        setPadding(new Insets(4, 2, 4, 2));

        ComboBox<Presets.Preset> presets = new ComboBox<>(FXCollections.observableArrayList(Presets.ALL));
        presets.setId("presets");
        presets.setPromptText("Presets…");
        presets.setButtonCell(new javafx.scene.control.ListCell<>() { // shows the prompt again once the value is cleared (JavaFX keeps it blank)
            @Override
            protected void updateItem(Presets.Preset item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? presets.getPromptText() : item.toString());
            }
        });
        presets.setMaxWidth(Double.MAX_VALUE);
        presets.setOnAction(e -> {
            if (presets.getValue() != null && !vm.applyPreset(presets.getValue())) {
                javafx.application.Platform.runLater(() -> presets.setValue(null)); // refused: the box shows no preset as if applied
            }
        });

        // ---- widths ----
        ListView<Integer> widths = new ListView<>(vm.widths());
        widths.setId("widths");
        widths.setEditable(true);
        widths.setPrefHeight(78);
        widths.setCellFactory(lv -> new TextFieldListCell<>(new StringConverter<>() {
            @Override public String toString(Integer v) { return v == null ? "" : v.toString(); }
            @Override public Integer fromString(String s) {
                try {
                    return Integer.parseInt(s.trim());
                } catch (NumberFormatException e) {
                    return -1;
                }
            }
        }));
        widths.setOnEditCommit(e -> {
            if (e.getNewValue() != null && e.getNewValue() > 0) vm.widths().set(e.getIndex(), e.getNewValue());
            else vm.widths().set(e.getIndex(), vm.widths().get(e.getIndex()));
        });
        widths.setTooltip(starnet.ui.widgets.Tips.tip("Hidden widths, code first (d₀ … d(K−1)); the image size is the last width. Double-click to edit."));
        Button add = small("+", "Add a layer (twice the last width)", () -> {
            int last = vm.widths().isEmpty() ? 64 : vm.widths().get(vm.widths().size() - 1);
            vm.widths().add(last * 2);
        });
        add.setId("width-add");
        Button remove = small("−", "Remove the selected width", () -> {
            int i = widths.getSelectionModel().getSelectedIndex();
            if (i >= 0 && vm.widths().size() > 1) vm.widths().remove(i);
        });
        Button up = small("▲", "Move the selected width up (toward the code)", () -> move(widths, -1));
        Button down = small("▼", "Move the selected width down (toward the image)", () -> move(widths, 1));
        javafx.scene.layout.GridPane buttons = new javafx.scene.layout.GridPane();
        buttons.setHgap(4);
        buttons.setVgap(4);
        buttons.addRow(0, add, up);
        buttons.addRow(1, remove, down);
        HBox widthBox = new HBox(6, widths, buttons);
        HBox.setHgrow(widths, Priority.ALWAYS);
        Label shape = new Label();
        shape.setId("decoder-shape");
        shape.getStyleClass().add("muted");
        shape.setWrapText(true);
        shape.textProperty().bind(Bindings.createStringBinding(() -> {
            var plan = vm.model().planProperty().get();
            if (plan == null) return "Decoder: not valid for this dataset (see the conditions below)";
            StringBuilder sb = new StringBuilder("Decoder: ");
            for (var p : plan) sb.append("\n  layer ").append(p.index() + 1).append(": ").append(p.describe());
            return sb.toString();
        }, vm.model().planProperty()));

        // ---- kind and conv settings ----
        ChoiceBox<starnet.model.ArchitectureKind> kind = choice(starnet.model.ArchitectureKind.values(), vm.kindProperty());
        kind.setId("arch-kind");
        javafx.scene.control.TextField kernels = listField(vm.kernels(), "conv-kernels", "kernels", "6,2", 1, Integer.MAX_VALUE, false,
                "Channels of the latent grid entering each layer, first to last, e.g. 6,2 (paper: 7×7×6 → 14×14×2 → 28×28×1)");
        javafx.scene.control.TextField kernelSize = listField(vm.kernelSizes(), "conv-kernel-size", "kernel sizes", "7 or 7,5", 1, 31, true,
                "Odd kernel size k, 1–31: one value for every layer, or one per layer first to last, e.g. 7,5");
        javafx.scene.control.TextField unpool = listField(vm.unpools(), "conv-unpool", "unpool sizes", "2 or 2,2", 1, 8, false,
                "Unpool size u, 1–8: one value for every layer, or one per layer first to last");
        ChoiceBox<Padding> padding = choice(Padding.values(), vm.paddingProperty());
        padding.setTooltip(starnet.ui.widgets.Tips.tip("same: the grid keeps its size\nfull: pad k−1, so every latent's whole footprint is in the output (paper Lemma 7)"));
        for (var f : List.of(kernelSize, unpool)) f.setPrefColumnCount(5);
        GridPane convGrid = new GridPane();
        convGrid.setHgap(8);
        convGrid.setVgap(5);
        convGrid.addRow(0, label("Kernels"), kernels, label("Size k"), kernelSize);
        convGrid.addRow(1, label("Unpool u"), unpool, label("Padding"), padding);
        javafx.beans.binding.BooleanBinding isConv = Bindings.equal(vm.kindProperty(), starnet.model.ArchitectureKind.CONV);
        convGrid.visibleProperty().bind(isConv);
        convGrid.managedProperty().bind(isConv);
        Label widthsLabel = label("Layer widths (code first)");
        widthBox.visibleProperty().bind(isConv.not());
        widthBox.managedProperty().bind(isConv.not());
        widthsLabel.visibleProperty().bind(isConv.not());
        widthsLabel.managedProperty().bind(isConv.not());

        // ---- slope ----
        Slider slope = new Slider(0.01, 1.0, vm.slopeProperty().get());
        slope.setId("slope-slider");
        slope.setMajorTickUnit(0.25);
        slope.setShowTickMarks(true);
        slope.valueProperty().addListener((obs, o, n) -> {
            if (slope.isValueChanging()) return;
            vm.slopeProperty().set(Math.round(n.doubleValue() * 100) / 100.0);
        });
        slope.valueChangingProperty().addListener((obs, o, changing) -> {
            if (!changing) vm.slopeProperty().set(Math.round(slope.getValue() * 100) / 100.0);
        });
        vm.slopeProperty().addListener((obs, o, n) -> {
            if (!slope.isValueChanging()) slope.setValue(n.doubleValue());
        });
        NumberField<Number> slopeField = new NumberField<>(vm.slopeProperty(), s -> NumberField.doubleIn(0, 1, true).apply(s),
                "leaky-ReLU slope α in [10⁻⁶, 1]; 1 is linear");
        slopeField.setId("slope-field");
        slopeField.setPrefColumnCount(5);
        HBox slopeBox = new HBox(6, slope, slopeField);
        HBox.setHgrow(slope, Priority.ALWAYS);

        // ---- solver settings ----
        ChoiceBox<InitKind> init = choice(InitKind.values(), vm.initProperty());
        ChoiceBox<SolverKind> solver = choice(SolverKind.values(), vm.solverProperty());
        solver.setTooltip(starnet.ui.widgets.Tips.tip("cholesky: normal equations + Cholesky with a tiny ridge, SVD fall-back (fast)\npinv: pseudo-inverse, exactly the paper's eq. 3"));
        ChoiceBox<SolveOrder> order = choice(SolveOrder.values(), vm.orderProperty());
        order.setTooltip(starnet.ui.widgets.Tips.tip("sl-first: each epoch solves latents then weights\nsw-first: weights then latents, starting from random latents (paper Fig. 7)"));
        NumberField<Number> seed = new NumberField<>(vm.seedProperty(), Long::parseLong, "a whole number; the same seed gives the same run");
        NumberField<Number> ridge = new NumberField<>(vm.ridgeProperty(), s -> NumberField.doubleIn(0, 1, false).apply(s),
                "relative ridge λ in [0, 1] added as λ·trace(G)/n (Cholesky only); default 1e-10");
        NumberField<Number> tol = new NumberField<>(vm.toleranceProperty(), s -> NumberField.doubleIn(0, 1, false).apply(s),
                "stop a layer when an epoch improves its loss by less than this fraction (0 = always run the maximum)");
        NumberField<Number> epochs = new NumberField<>(vm.maxEpochsProperty(), s -> NumberField.intIn(1, 1000).apply(s), "epochs per layer at most, 1–1000");
        epochs.setId("epochs-field");
        NumberField<Number> limit = new NumberField<>(vm.limitProperty(), s -> NumberField.intIn(0, Integer.MAX_VALUE).apply(s),
                "use the first N items of the dataset (0 = all)");
        limit.setId("limit-field");
        NumberField<Number> sample = new NumberField<>(vm.swSampleProperty(), s -> NumberField.intIn(0, Integer.MAX_VALUE).apply(s),
                "SW on a random subset of this many datapoints per epoch (paper Lemma 8, Fig. 8); 0 = all");
        NumberField<Number> partitions = new NumberField<>(vm.swPartitionsProperty(), s -> NumberField.intIn(1, 1000).apply(s),
                "SW on this many partitions of the data, solutions averaged; 1 = one exact solve");

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(5);
        for (var f : List.of(seed, ridge, tol, epochs, limit, sample, partitions)) f.setPrefColumnCount(6);
        grid.addRow(0, label("Init"), init, label("Seed"), seed);
        grid.addRow(1, label("Solver"), solver, label("Ridge λ"), ridge);
        grid.addRow(2, label("Order"), order, label("Tolerance"), tol);
        grid.addRow(3, label("Max epochs"), epochs, label("Items"), limit);
        grid.addRow(4, label("SW sample"), sample, label("Partitions"), partitions);
        ChoiceBox<starnet.model.Split> split = choice(starnet.model.Split.values(), vm.splitProperty());
        split.setId("split");
        split.setTooltip(starnet.ui.widgets.Tips.tip("Which part of the dataset to train on, for sources that have both (the samples, MNIST-style folders)"));
        ChoiceBox<starnet.model.LatentPath> latentPath = choice(starnet.model.LatentPath.values(), vm.latentPathProperty());
        latentPath.setId("latent-path");
        latentPath.setTooltip(starnet.ui.widgets.Tips.tip("Conv SL: auto = the explicit operator when it fits in memory, else matrix-free conjugate gradients; dense or cg to force one"));
        grid.addRow(5, label("Split"), split, label("Conv SL"), latentPath);
        ChoiceBox<starnet.model.EngineSpec> engine = new ChoiceBox<>(FXCollections.observableArrayList(EngineChoices.CHOICES));
        engine.setId("engine");
        engine.setConverter(new StringConverter<>() {
            @Override public String toString(starnet.model.EngineSpec e) { return e == null ? "" : EngineChoices.label(e); }
            @Override public starnet.model.EngineSpec fromString(String s) { return null; }
        });
        engine.valueProperty().bindBidirectional(vm.engineProperty());
        engine.setTooltip(starnet.ui.widgets.Tips.tip("Where the run trains: in memory; out of core (the latents in row stores on disk, "
                + "for more data than memory holds; f64 gives the in-memory numbers exactly); or on Apache Spark (when the workbench was started "
                + "with Spark, e.g. from bin/starnet-spark). The same model trains to the same numbers on each."));
        grid.add(label("Train"), 0, 6);
        grid.add(engine, 1, 6, 3, 1);

        HBox kindBox = new HBox(8, label("Decoder"), kind);
        kindBox.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        getChildren().addAll(presets, kindBox, widthsLabel, widthBox, convGrid, shape, label("Leaky-ReLU slope α"), slopeBox, grid);
        disableProperty().bind(PulseDelayed.of(vm.model().runningProperty()));
    }

    /**
     * A text field for a comma-separated list of whole numbers in [min, max] (odd ones only when {@code odd}),
     * committed on Enter or when focus leaves; an invalid entry is marked and changes nothing.
     */
    private static javafx.scene.control.TextField listField(javafx.collections.ObservableList<Integer> values, String id, String what, String example,
                                                           int min, int max, boolean odd, String tip) {
        javafx.scene.control.TextField f = new javafx.scene.control.TextField(join(values));
        f.setId(id);
        f.setPrefColumnCount(8);
        f.setTooltip(starnet.ui.widgets.Tips.readable(new Tooltip(tip)));
        Runnable commit = () -> {
            try {
                var list = ArchitectureConfig.parseList(f.getText(), what, example);
                for (Integer v : list) if (v < min || v > max || (odd && v % 2 == 0)) throw new IllegalArgumentException();
                f.getStyleClass().remove("invalid");
                if (!list.equals(values)) values.setAll(list);
            } catch (RuntimeException e) {
                if (!f.getStyleClass().contains("invalid")) f.getStyleClass().add("invalid");
            }
        };
        f.setOnAction(e -> commit.run());
        f.focusedProperty().addListener((obs, o, focused) -> {
            if (!focused) commit.run();
        });
        values.addListener((javafx.collections.ListChangeListener<Integer>) c -> {
            if (!f.isFocused()) {
                f.setText(join(values));
                f.getStyleClass().remove("invalid");
            }
        });
        return f;
    }

    private static String join(List<Integer> values) {
        StringBuilder sb = new StringBuilder();
        for (Integer v : values) sb.append(sb.length() == 0 ? "" : ",").append(v);
        return sb.toString();
    }

    private void move(ListView<Integer> list, int delta) {
        int i = list.getSelectionModel().getSelectedIndex();
        int j = i + delta;
        if (i < 0 || j < 0 || j >= vm.widths().size()) return;
        vm.edit(() -> {
            Integer a = vm.widths().get(i), b = vm.widths().get(j);
            vm.widths().set(i, b);
            vm.widths().set(j, a);
        });
        list.getSelectionModel().select(j);
    }

    private static Button small(String text, String tip, Runnable action) {
        Button b = new Button(text);
        b.setTooltip(starnet.ui.widgets.Tips.tip(tip));
        b.setOnAction(e -> action.run());
        b.setMinWidth(32);
        return b;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("field-label");
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    private static <T> ChoiceBox<T> choice(T[] values, javafx.beans.property.ObjectProperty<T> property) {
        ChoiceBox<T> c = new ChoiceBox<>(FXCollections.observableArrayList(values));
        c.setConverter(new StringConverter<>() {
            @Override public String toString(T v) {
                if (v instanceof InitKind k) return k.id();
                if (v instanceof SolverKind k) return k.id();
                if (v instanceof SolveOrder k) return k.id();
                if (v instanceof Padding k) return k.id();
                if (v instanceof starnet.model.LatentPath k) return k.id();
                if (v instanceof starnet.model.ArchitectureKind k) return k.words();
                return String.valueOf(v);
            }
            @Override public T fromString(String s) { return null; }
        });
        c.valueProperty().bindBidirectional(property);
        return c;
    }
}
