package starnet.ui.explore;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import starnet.model.SystemInspection;
import starnet.model.StepResult;

/**
 * The solver inspector: a table of every solve (size, condition estimate, method, time), and for an inspected one
 * its rank, condition with and without the ridge, residual and orthogonality check, the singular value spectrum
 * as a chart, and an alert with what to change when the system is near-singular.
 */
public final class InspectorPane extends VBox {
    private final InspectorViewModel vm;
    private final TableView<StepResult> table = new TableView<>();
    private final Label facts = new Label(), alerts = new Label();
    private final ImageView chart;
    private SystemInspection shown;

    public InspectorPane(InspectorViewModel vm) {
        this.vm = vm;
        chart = FigureExport.view(this);
        setSpacing(6);
        setPadding(new Insets(6));
        CheckBox every = new CheckBox("Inspect every step while training");
        every.setId("inspect-every-step");
        every.selectedProperty().bindBidirectional(vm.everyStepProperty());
        every.setTooltip(new Tooltip("Each solve's system is decomposed as it is solved (a Gram eigen-decomposition and one residual pass per step)"));
        Button now = new Button("Inspect the newest solve");
        now.setId("inspect-newest");
        now.disableProperty().bind(vm.blockedReason().isNotEmpty());
        now.setOnAction(e -> vm.inspectNewest(in -> {
            table.getSelectionModel().select(in.step());
            table.scrollTo(in.step());
            show(in);
        }));
        Button export = new Button("Export figure…");
        export.setId("inspect-export");
        export.setOnAction(e -> {
            if (shown != null) FigureExport.ask(getScene().getWindow(), "spectrum-step-" + shown.step().number(), () -> starnet.session.Chart.spectrum(shown), vm.model());
        });
        export.setDisable(true);
        FlowPane bar = new FlowPane(8, 4, now, every, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label why = new Label();
        why.textProperty().bind(vm.blockedReason());
        why.getStyleClass().add("muted");
        why.visibleProperty().bind(vm.blockedReason().isNotEmpty());
        why.managedProperty().bind(why.visibleProperty());
        why.setWrapText(true);

        table.setId("inspector-table");
        table.setItems(vm.steps());
        table.setPrefHeight(180);
        table.getColumns().add(Columns.text("Step", r -> Integer.toString(r.number()), 44));
        table.getColumns().add(Columns.text("Solve", r -> "L" + r.layer() + " " + r.phase() + r.epoch(), 70));
        table.getColumns().add(Columns.text("Cond.", r -> Double.isFinite(r.condition()) ? String.format("%.3g", r.condition()) : "—", 62));
        table.getColumns().add(Columns.text("Time", r -> String.format("%.2f s", r.seconds()), 58));
        table.getColumns().add(Columns.text("Check", r -> {
            SystemInspection in = vm.inspections().get().get(r.step());
            return in == null ? "" : in.healthy() ? "✓ healthy" : "⚠ " + in.alerts().size() + " alert" + (in.alerts().size() == 1 ? "" : "s");
        }, 80));
        table.getColumns().add(Columns.text("Method", StepResult::method, 300));
        table.setPlaceholder(new Label("No solves yet: train a step, then inspect it."));
        table.getSelectionModel().selectedItemProperty().addListener((obs, o, r) -> select(r));
        vm.inspections().addListener((obs, o, n) -> {
            table.refresh();
            StepResult r = table.getSelectionModel().getSelectedItem();
            if (r != null && n.containsKey(r.step())) show(n.get(r.step()));
            else if (r == null && vm.everyStepProperty().get()) n.keySet().stream().max(Integer::compare).ifPresent(k -> show(n.get(k)));
        });

        facts.setId("inspector-facts");
        facts.setWrapText(true);
        facts.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        facts.setText("Select a solve. The condition column is the solver's own estimate; \"Inspect\" decomposes the system: singular values, rank, "
                + "the ridge's effect, the residual and whether it is orthogonal to the columns.");
        alerts.setId("inspector-alerts");
        alerts.setWrapText(true);
        alerts.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        alerts.getStyleClass().add("alert-box");
        alerts.setVisible(false);
        alerts.managedProperty().bind(alerts.visibleProperty());
        this.export = export;
        getChildren().addAll(bar, why, table, facts, alerts, chart);
    }

    private final Button export;

    private void select(StepResult r) {
        if (r == null) return;
        SystemInspection in = vm.inspections().get().get(r.step());
        if (in != null) {
            show(in);
            return;
        }
        shown = null;
        export.setDisable(true);
        chart.setImage(null);
        alerts.setVisible(false);
        boolean newest = r.step() == vm.steps().size() - 1;
        facts.setText(String.format("Step %d (layer %d, %s, epoch %d): condition estimate %s, %s, %.3f s.%n%s", r.number(), r.layer(), r.phase(), r.epoch(),
                Double.isFinite(r.condition()) ? String.format("%.3g", r.condition()) : "—", r.method(), r.seconds(),
                newest ? "Press \"Inspect the newest solve\" for its spectrum and residual checks."
                        : "Not inspected: a system can be decomposed only while it is the newest one. Turn on \"Inspect every step\" before training to keep every step's."));
    }

    /** Shows an inspection: facts, alerts, spectrum chart. */
    public void show(SystemInspection in) {
        shown = in;
        export.setDisable(false);
        facts.setText(String.join("\n", in.facts()));
        alerts.setText(String.join("\n", in.alerts().stream().map(a -> "⚠ " + a).toList()));
        alerts.setVisible(!in.healthy());
        chart.setImage(FigureExport.render(starnet.session.Chart.spectrum(in), getWidth() - 20));
    }

    public String factsText() { return facts.getText(); }

    public String alertsText() { return alerts.isVisible() ? alerts.getText() : ""; }
}
