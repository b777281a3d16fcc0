package starnet.ui.explore;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import starnet.model.Dataset;
import starnet.model.RunRecord;
import starnet.math.Matrix;
import starnet.ui.widgets.TileGrid;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** Runs side by side: loss curves overlaid, configuration differences, and each run's reconstruction of the same pinned items. */
public final class ComparePane extends VBox {
    private final CompareViewModel vm;
    private final ImageView chart;
    private final Label differences = new Label();
    private final TileGrid grid = new TileGrid();

    public ComparePane(CompareViewModel vm) {
        this.vm = vm;
        chart = FigureExport.view(this);
        setSpacing(6);
        setPadding(new Insets(6));
        ListView<CompareViewModel.Entry> list = new ListView<>(vm.entries());
        list.setId("compare-runs");
        list.setPrefHeight(120);
        list.setCellFactory(CheckBoxListCell.forListView(CompareViewModel.Entry::selectedProperty));
        Button keep = new Button("Keep this run…");
        keep.setId("compare-keep");
        keep.setTooltip(new Tooltip("Saves the session in the window as it stands under a name, for comparison with later runs (it stays after you close the window)"));
        keep.disableProperty().bind(javafx.beans.binding.Bindings.isEmpty(vm.model().steps()));
        keep.setOnAction(e -> {
            TextInputDialog d = new TextInputDialog(vm.suggestedName());
            d.initOwner(getScene().getWindow());
            d.setTitle("Keep this run");
            d.setHeaderText("A name for this run in the comparison list");
            d.showAndWait().ifPresent(vm::keep);
        });
        Button add = new Button("Add session file…");
        add.setId("compare-add");
        add.setOnAction(e -> {
            FileChooser fc = new FileChooser();
            fc.setTitle("Add a saved session to the comparison");
            fc.getExtensionFilters().add(new FileChooser.ExtensionFilter("StarNet sessions", "*.starnet"));
            var folders = vm.model().folders();
            File f = folders.remember(folders.prepare(fc, starnet.ui.core.LastFolders.Kind.SESSIONS).showOpenDialog(getScene().getWindow()),
                    starnet.ui.core.LastFolders.Kind.SESSIONS);
            if (f != null) vm.add(f.toPath());
        });
        Button remove = new Button("Remove");
        remove.setId("compare-remove");
        remove.disableProperty().bind(list.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> {
            CompareViewModel.Entry sel = list.getSelectionModel().getSelectedItem();
            if (sel == null || sel.live()) return;
            if (vm.kept(sel)) {
                Alert a = new Alert(Alert.AlertType.CONFIRMATION, "Delete the kept run \"" + sel.name() + "\"? Its file " + CompareViewModel.fileOf(sel) + " is removed.",
                        ButtonType.OK, ButtonType.CANCEL);
                a.initOwner(getScene().getWindow());
                a.setHeaderText("Remove a kept run");
                if (a.showAndWait().orElse(ButtonType.CANCEL) != ButtonType.OK) return;
            }
            vm.remove(sel);
        });
        FlowPane listButtons = new FlowPane(8, 4, keep, add, remove);
        listButtons.setAlignment(Pos.CENTER_LEFT);

        ChoiceBox<starnet.model.RunMetric> metric = new ChoiceBox<>();
        metric.getItems().addAll(starnet.model.RunMetric.values());
        metric.valueProperty().bindBidirectional(vm.metricProperty());
        ChoiceBox<starnet.model.RunAxis> x = new ChoiceBox<>();
        x.getItems().addAll(starnet.model.RunAxis.values());
        x.valueProperty().bindBidirectional(vm.xAxisProperty());
        x.setId("compare-x");
        Button compare = new Button("Compare");
        compare.setId("compare-now");
        compare.setDefaultButton(false);
        compare.setOnAction(e -> vm.compare());
        Button export = new Button("Export figure…");
        export.setId("compare-export");
        export.disableProperty().bind(vm.resultProperty().isNull());
        export.setOnAction(e -> FigureExport.ask(getScene().getWindow(), "compare", () -> vm.resultProperty().get().chart(), vm.model()));
        FlowPane options = new FlowPane(8, 4, compare, metric, x, export);
        options.setAlignment(Pos.CENTER_LEFT);
        metric.valueProperty().addListener(o -> { if (vm.resultProperty().get() != null) vm.compare(); });
        x.valueProperty().addListener(o -> { if (vm.resultProperty().get() != null) vm.compare(); });
        differences.setId("compare-differences");
        differences.setWrapText(true);
        differences.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        grid.setTileRange(28, 56);
        grid.setTitleWidth(120);
        Label hint = new Label("Tick the runs to compare (\"This session\" is the window's run as it stands), then Compare. "
                + "Keep this run saves it for later comparisons; Add brings in any saved session, e.g. a train --out folder's session.starnet.");
        hint.setWrapText(true);
        hint.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        hint.getStyleClass().add("muted");
        vm.resultProperty().addListener((obs, o, r) -> shown(r));
        vm.reconstructionsProperty().addListener((obs, o, r) -> shownReconstructions(r));
        getChildren().addAll(hint, list, listButtons, options, chart, differences, grid);
    }

    private void shown(CompareViewModel.Result r) {
        if (r == null || r.runs().isEmpty()) {
            chart.setImage(null);
            differences.setText(r == null ? "" : "Nothing to compare: tick at least one run (the session in the window needs a trained step).");
            return;
        }
        chart.setImage(FigureExport.render(r.chart(), getWidth() - 20));
        StringBuilder sb = new StringBuilder();
        for (RunRecord run : r.runs()) {
            sb.append(String.format("%s: %d solves, final output MSE %.5f, %.1f s of solving%n", run.name(), run.steps().size(), run.finalOutputMse(), run.totalSeconds()));
        }
        if (r.runs().size() > 1) {
            sb.append(r.differences().isEmpty() ? "Same configuration." : "Differences:");
            for (starnet.model.RunDifference d : r.differences()) sb.append("\n  ").append(d.title()).append(": ").append(String.join("  |  ", d.values()));
        }
        differences.setText(sb.toString());
    }

    private void shownReconstructions(List<Matrix> r) {
        CompareViewModel.Result res = vm.resultProperty().get();
        Dataset d = vm.model().datasetProperty().get();
        if (r == null || res == null || d == null) {
            grid.setContent(List.of(), 1, 1, 1);
            return;
        }
        List<TileGrid.Row> rows = new ArrayList<>();
        rows.add(new TileGrid.Row("pinned items", r.get(0)));
        for (int i = 0; i < res.runs().size(); i++) {
            if (r.get(i + 1) != null) rows.add(new TileGrid.Row(res.runs().get(i).name(), r.get(i + 1), r.get(0), List.of()));
        }
        grid.setContent(rows, d.channels(), d.height(), d.width());
    }

    public String differencesText() { return differences.getText(); }

    public int reconstructionRows() { return grid.rowCount(); }
}
