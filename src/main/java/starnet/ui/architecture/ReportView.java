package starnet.ui.architecture;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import starnet.model.Condition;
import starnet.model.DeterminednessReport;

/** The live determinedness report: one line per condition with ✓ / ⚠ / ✗ and the numbers. */
public final class ReportView extends VBox {
    private final ArchitectureViewModel vm;
    private final Label summary = new Label();
    private final VBox lines = new VBox(4);

    public ReportView(ArchitectureViewModel vm) {
        this.vm = vm;
        setId("report");
        setSpacing(6);
        setPadding(new Insets(4, 2, 4, 2));
        summary.setWrapText(true);
        summary.getStyleClass().add("report-summary");
        getChildren().addAll(summary, lines);
        vm.model().reportProperty().addListener((obs, o, n) -> refresh());
        vm.model().problemProperty().addListener((obs, o, n) -> refresh());
        vm.configErrorProperty().addListener((obs, o, n) -> refresh());
        refresh();
    }

    private void refresh() {
        lines.getChildren().clear();
        String err = vm.configErrorProperty().get().isEmpty() ? vm.model().problemProperty().get() : vm.configErrorProperty().get();
        DeterminednessReport r = vm.model().reportProperty().get();
        summary.getStyleClass().removeAll("ok", "warn", "bad");
        if (!err.isEmpty()) {
            summary.setText("✗ The configuration is not valid: " + err);
            summary.getStyleClass().add("bad");
            return;
        }
        if (r == null) {
            summary.setText("Load a dataset to check the conditions.");
            return;
        }
        if (r.hasErrors()) {
            summary.setText("✗ Some systems are not determined: training is disabled until the ✗ lines are fixed.");
            summary.getStyleClass().add("bad");
        } else if (r.hasWarnings()) {
            summary.setText("⚠ Every system is determined, with warnings.");
            summary.getStyleClass().add("warn");
        } else {
            summary.setText("✓ Every linear system is determined: ready to train.");
            summary.getStyleClass().add("ok");
        }
        for (Condition c : r.conditions()) lines.getChildren().add(line(c));
    }

    private static HBox line(Condition c) {
        Label symbol = new Label(c.status().symbol());
        symbol.getStyleClass().addAll("report-symbol", switch (c.status()) {
            case OK -> "ok";
            case WARNING -> "warn";
            case ERROR -> "bad";
        });
        symbol.setMinWidth(18);
        Label text = new Label(c.source() + (c.layer() > 0 ? ", layer " + c.layer() : "") + ": " + c.message());
        text.setWrapText(true);
        text.getStyleClass().add("report-line");
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox box = new HBox(4, symbol, text);
        box.getStyleClass().add("report-row");
        javafx.scene.control.Tooltip.install(box, starnet.ui.widgets.Tips.tip(starnet.ui.core.PaperNotes.explain(c.source())));
        return box;
    }
}
