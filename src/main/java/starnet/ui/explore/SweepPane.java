package starnet.ui.explore;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import starnet.model.SweepParam;
import starnet.model.SweepRow;

/** Sweeps in the window: one or two settings, a table filled as runs finish, and the chart of final MSE against the first setting. */
public final class SweepPane extends VBox {
    private final SweepViewModel vm;
    private final TableView<SweepRow> table = new TableView<>();
    private final ChoiceBox<starnet.model.SweepChart> chartChoice = new ChoiceBox<>();
    private final ImageView chart;

    public SweepPane(SweepViewModel vm) {
        this.vm = vm;
        chart = FigureExport.view(this);
        setSpacing(6);
        setPadding(new Insets(6));
        ChoiceBox<SweepParam> first = new ChoiceBox<>();
        first.getItems().addAll(SweepParam.values());
        first.valueProperty().bindBidirectional(vm.firstProperty());
        first.setId("sweep-param-1");
        TextField firstValues = new TextField();
        firstValues.textProperty().bindBidirectional(vm.firstValuesProperty());
        firstValues.setId("sweep-values-1");
        ChoiceBox<Object> second = new ChoiceBox<>();
        second.getItems().add(SweepViewModel.NONE);
        second.getItems().addAll((Object[]) SweepParam.values());
        second.valueProperty().bindBidirectional(vm.secondProperty());
        second.setId("sweep-param-2");
        TextField secondValues = new TextField();
        secondValues.textProperty().bindBidirectional(vm.secondValuesProperty());
        secondValues.setId("sweep-values-2");
        secondValues.disableProperty().bind(vm.secondProperty().isEqualTo(SweepViewModel.NONE));
        for (TextField f : new TextField[] {firstValues, secondValues}) {
            f.setPrefColumnCount(16);
            f.setTooltip(new Tooltip("A list (0.1,0.2,0.5), a range FROM..TO:COUNT (0.1..1:4), or for widths and kernels lists of layers with / (16/64,32/128)"));
        }
        GridPane grid = new GridPane();
        grid.setHgap(6);
        grid.setVgap(4);
        Label vary = new Label("Vary"), and = new Label("and");
        for (Label l : new Label[] {vary, and}) l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.addRow(0, vary, first, firstValues);
        grid.addRow(1, and, second, secondValues);
        GridPane.setHgrow(firstValues, Priority.ALWAYS);
        GridPane.setHgrow(secondValues, Priority.ALWAYS);
        Button run = new Button("Run sweep");
        run.setId("sweep-run");
        run.disableProperty().bind(vm.runningProperty().or(vm.model().datasetProperty().isNull()));
        run.setTooltip(new Tooltip("Trains one model per combination with the configuration in force; the same sweep run again resumes where it stopped"));
        run.setOnAction(e -> vm.run());
        chartChoice.getItems().addAll(starnet.model.SweepChart.values());
        chartChoice.setValue(starnet.model.SweepChart.MSE);
        chartChoice.setId("sweep-chart");
        chartChoice.setTooltip(new Tooltip("What the chart shows against the first setting"));
        chartChoice.valueProperty().addListener(o -> redraw());
        Button export = new Button("Export figure…");
        export.setId("sweep-export");
        export.disableProperty().bind(vm.sweepProperty().isNull());
        export.setOnAction(e -> FigureExport.ask(getScene().getWindow(), "sweep", () -> starnet.session.Chart.sweep(vm.sweepProperty().get(), vm.rows(), chartChoice.getValue()), vm.model()));
        Button cancel = new Button("Cancel sweep");
        cancel.setId("sweep-cancel");
        cancel.disableProperty().bind(vm.runningProperty().not());
        cancel.setTooltip(new Tooltip("Stops after the solve in progress; the finished runs stay in the sweep's folder and running the same sweep again resumes"));
        cancel.setOnAction(e -> vm.cancel());
        FlowPane bar = new FlowPane(8, 4, run, cancel, new Label("Chart:"), chartChoice, export);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label message = new Label();
        message.setId("sweep-message");
        message.setWrapText(true);
        message.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.messageProperty());
        message.getStyleClass().add("muted");

        table.setId("sweep-table");
        table.setItems(vm.rows());
        table.setPrefHeight(200);
        Label empty = new Label("No runs yet: choose a setting and its values, then Run sweep.");
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        vm.sweepProperty().addListener((obs, o, s) -> columns(s));
        vm.rows().addListener((javafx.collections.ListChangeListener<SweepRow>) c -> redraw());
        getChildren().addAll(grid, bar, message, table, chart);
    }

    private void columns(starnet.model.SweepPlan s) {
        table.getColumns().clear();
        if (s == null) return;
        for (int i = 0; i < s.axes().size(); i++) {
            int k = i;
            SweepParam p = s.axes().get(i).param();
            table.getColumns().add(Columns.text(p.id(), r -> p.display(r.values().get(k)), 70));
        }
        table.getColumns().add(Columns.text("train MSE", r -> num(r.trainMse()), 78));
        table.getColumns().add(Columns.text("held-out", r -> num(r.heldOutMse()), 78));
        table.getColumns().add(Columns.text("PCA", r -> num(r.pcaMse()), 78));
        table.getColumns().add(Columns.text("s", r -> r.ran() ? String.format("%.1f", r.seconds()) : "", 44));
        table.getColumns().add(Columns.text("worst cond.", r -> Double.isFinite(r.worstCondition()) ? String.format("%.3g", r.worstCondition()) : "", 80));
        table.getColumns().add(Columns.text("note", SweepRow::problem, 400));
    }

    private static String num(double v) { return Double.isFinite(v) ? String.format("%.5f", v) : "—"; }

    private void redraw() {
        starnet.model.SweepPlan s = vm.sweepProperty().get();
        if (s == null || vm.rows().stream().noneMatch(SweepRow::ran)) {
            chart.setImage(null);
            return;
        }
        chart.setImage(FigureExport.render(starnet.session.Chart.sweep(s, vm.rows(), chartChoice.getValue()), getWidth() - 20));
    }

    public int rowCount() { return vm.rows().size(); }
}
