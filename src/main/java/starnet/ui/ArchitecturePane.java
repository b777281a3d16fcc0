package starnet.ui;

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
import starnet.math.SolverKind;
import starnet.model.InitKind;
import starnet.model.SolveOrder;

/** The decoder and solver settings: presets, widths list, slope, init, seed, solver, order, ridge, tolerance, epochs. */
final class ArchitecturePane extends VBox {
    private final WorkbenchViewModel vm;

    ArchitecturePane(WorkbenchViewModel vm) {
        this.vm = vm;
        setSpacing(6);
        setPadding(new Insets(4, 2, 4, 2));

        ComboBox<WorkbenchViewModel.Preset> presets = new ComboBox<>(FXCollections.observableArrayList(WorkbenchViewModel.PRESETS));
        presets.setPromptText("Presets…");
        presets.setMaxWidth(Double.MAX_VALUE);
        presets.setOnAction(e -> {
            if (presets.getValue() != null) vm.applyPreset(presets.getValue());
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
        widths.setTooltip(new Tooltip("Hidden widths, code first (d_0 … d_{K-1}); the image size is the last width. Double-click to edit."));
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
        shape.getStyleClass().add("muted");
        shape.setWrapText(true);
        shape.textProperty().bind(Bindings.createStringBinding(() -> {
            var d = vm.datasetProperty().get();
            StringBuilder sb = new StringBuilder("Decoder: ");
            for (Integer w : vm.widths()) sb.append(w).append(" → ");
            sb.append(d == null ? "image" : d.pixels() + " (" + d.channels() + "×" + d.height() + "×" + d.width() + ")");
            return sb.toString();
        }, vm.widths(), vm.datasetProperty()));

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
                "leaky-ReLU slope α in (0, 1]; 1 is linear");
        slopeField.setId("slope-field");
        slopeField.setPrefColumnCount(5);
        HBox slopeBox = new HBox(6, slope, slopeField);
        HBox.setHgrow(slope, Priority.ALWAYS);

        // ---- solver settings ----
        ChoiceBox<InitKind> init = choice(InitKind.values(), vm.initProperty());
        ChoiceBox<SolverKind> solver = choice(SolverKind.values(), vm.solverProperty());
        solver.setTooltip(new Tooltip("cholesky: normal equations + Cholesky with a tiny ridge, SVD fall-back (fast)\npinv: pseudo-inverse, exactly the paper's eq. 3"));
        ChoiceBox<SolveOrder> order = choice(SolveOrder.values(), vm.orderProperty());
        order.setTooltip(new Tooltip("sl-first: each epoch solves latents then weights\nsw-first: weights then latents, starting from random latents (paper Fig. 7)"));
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

        GridPane grid = new GridPane();
        grid.setHgap(8);
        grid.setVgap(5);
        for (var f : List.of(seed, ridge, tol, epochs, limit)) f.setPrefColumnCount(6);
        grid.addRow(0, label("Init"), init, label("Seed"), seed);
        grid.addRow(1, label("Solver"), solver, label("Ridge λ"), ridge);
        grid.addRow(2, label("Order"), order, label("Tolerance"), tol);
        grid.addRow(3, label("Max epochs"), epochs, label("Items"), limit);

        getChildren().addAll(presets, label("Layer widths (code first)"), widthBox, shape, label("Leaky-ReLU slope α"), slopeBox, grid);
        disableProperty().bind(vm.runningProperty());
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
        b.setTooltip(new Tooltip(tip));
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
                return String.valueOf(v);
            }
            @Override public T fromString(String s) { return null; }
        });
        c.valueProperty().bindBidirectional(property);
        return c;
    }
}
