package starnet.ui.dataset;

import starnet.ui.widgets.TileGrid;

import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import starnet.model.Dataset;
import starnet.model.CsvLayout;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/** Built-in samples, Open file/folder, the dataset's facts and a preview grid with labels (click to pin). */
public final class DatasetPane extends VBox {
    static final int PREVIEW_COLUMNS = 10, PREVIEW_ROWS = 1;
    private final DatasetViewModel vm;
    private final Label facts = new Label("No dataset loaded");
    private final Label source = new Label();
    private final TileGrid preview = new TileGrid();

    public DatasetPane(DatasetViewModel vm) {
        this.vm = vm;
        setSpacing(6);
        setPadding(new Insets(4, 2, 4, 2));
        // a pressed button turns disabled while the data loads; focus would then jump to the next control and the
        // side panel scroll to it: the pane takes the focus first, and nothing moves
        addEventFilter(javafx.event.ActionEvent.ACTION, e -> requestFocus());
        HBox samples = new HBox(6);
        for (starnet.model.SampleCatalog.Sample s : starnet.model.SampleCatalog.ALL) {
            Button b = new Button(s.title());
            b.setId("sample-" + s.id());
            b.setTooltip(starnet.ui.widgets.Tips.tip("Load the bundled " + s.title() + " sample (" + s.source() + ")"));
            b.setText(s.id().equals("mnist") ? "MNIST" : "Fashion");
            b.setOnAction(e -> vm.load(s.source()));
            b.disableProperty().bind(vm.runningProperty().or(vm.loadingProperty()));
            samples.getChildren().add(b);
        }
        Button file = new Button("File…");
        file.setId("open-file");
        file.setTooltip(starnet.ui.widgets.Tips.tip("IDX (.gz or raw), CIFAR .bin, SVHN .mat, .csv or .npy"));
        file.setOnAction(e -> openFile());
        Button folder = new Button("Folder…");
        folder.setTooltip(starnet.ui.widgets.Tips.tip("A folder of PNG/JPEG images (one sub-folder per class optional), an MNIST-style IDX folder or a CIFAR batches folder"));
        folder.setOnAction(e -> openFolder());
        file.disableProperty().bind(vm.runningProperty().or(vm.loadingProperty()));
        folder.disableProperty().bind(vm.runningProperty().or(vm.loadingProperty()));
        Button layout = new Button("CSV layout…");
        layout.setId("csv-layout");
        layout.setTooltip(starnet.ui.widgets.Tips.tip("Say where the label is, the image shape and the value of full intensity, and load the CSV file again"));
        layout.setOnAction(e -> askCsvLayout(vm.current().source()));
        layout.disableProperty().bind(vm.runningProperty().or(vm.loadingProperty()));
        layout.visibleProperty().bind(javafx.beans.binding.Bindings.createBooleanBinding(
                () -> vm.configProperty().get() != null && isCsv(vm.configProperty().get().data().source()), vm.configProperty()));
        layout.managedProperty().bind(layout.visibleProperty());
        samples.getChildren().addAll(file, folder);
        facts.setId("dataset-facts");
        facts.setWrapText(true);
        facts.getStyleClass().add("facts");
        source.setWrapText(true);
        source.getStyleClass().add("muted");
        preview.setId("dataset-preview");
        preview.setTitleWidth(0);
        preview.setTileRange(22, 34);
        preview.setOnTileClicked((row, col) -> {
            Dataset d = vm.datasetProperty().get();
            int index = row * PREVIEW_COLUMNS + col;
            if (d != null && index < d.size()) vm.inspect(index, detail -> ItemDialog.show(getScene().getWindow(), detail, d));
        });
        Tooltip.install(preview, starnet.ui.widgets.Tips.tip("The first items with their labels; click one to open it"));
        getChildren().addAll(samples, facts, source, layout, preview);
        vm.datasetProperty().addListener((obs, o, d) -> show(d));
        vm.configProperty().addListener((obs, o, c) -> showFacts(vm.datasetProperty().get()));
    }

    private void show(Dataset d) {
        if (d == null) return;
        showFacts(d);
        source.setText("Source: " + d.source());
        int n = Math.min(PREVIEW_COLUMNS * PREVIEW_ROWS, d.size());
        List<TileGrid.Row> rows = new ArrayList<>();
        for (int r = 0; r * PREVIEW_COLUMNS < n; r++) {
            int from = r * PREVIEW_COLUMNS, to = Math.min(n, from + PREVIEW_COLUMNS);
            List<String> captions = new ArrayList<>();
            for (int i = from; i < to; i++) captions.add(d.hasLabels() ? d.labelText(i) : "#" + i);
            rows.add(new TileGrid.Row("", d.rows(from, to), null, captions));
        }
        preview.setContent(rows, d.channels(), d.height(), d.width());
    }

    private void showFacts(Dataset d) {
        if (d != null) facts.setText(d.name() + " — " + d.facts() + csvFacts());
    }

    /** " (CSV label column: last, full intensity: 16)" for a CSV source; "" otherwise. */
    private String csvFacts() {
        var c = vm.current();
        if (!isCsv(c.source())) return "";
        var l = c.csv();
        return " (CSV label column: " + l.label().id() + ", full intensity: " + CsvLayout.maxValueText(l.maxValue()) + ")";
    }

    private void openFile() {
        FileChooser fc = new FileChooser();
        fc.setTitle("Open a dataset file");
        fc.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Datasets", "*.gz", "*-ubyte", "*.bin", "*.mat", "*.csv", "*.npy"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        var folders = vm.model().folders();
        File f = folders.remember(folders.prepare(fc, starnet.ui.core.LastFolders.Kind.DATA).showOpenDialog(getScene().getWindow()),
                starnet.ui.core.LastFolders.Kind.DATA);
        if (f == null) return;
        if (isCsv(f.getName())) askCsvLayout(f.getAbsolutePath());
        else vm.load(f.getAbsolutePath());
    }

    /** Asks for the CSV layout (starting from the one in force) and loads {@code file} with it. */
    private void askCsvLayout(String file) {
        CsvLayoutDialog.ask(getScene().getWindow(), java.nio.file.Path.of(file), vm.current().csv())
                .ifPresent(layout -> vm.loadCsv(file, layout));
    }

    static boolean isCsv(String source) {
        return source.toLowerCase(java.util.Locale.ROOT).endsWith(".csv");
    }

    private void openFolder() {
        DirectoryChooser dc = new DirectoryChooser();
        dc.setTitle("Open a dataset folder");
        var folders = vm.model().folders();
        File f = folders.prepare(dc, starnet.ui.core.LastFolders.Kind.DATA).showDialog(getScene().getWindow());
        if (f == null) return;
        folders.remember(f.getAbsoluteFile().getParentFile() != null ? f.getAbsoluteFile().getParentFile() : f, starnet.ui.core.LastFolders.Kind.DATA); // next time, beside it
        vm.load(f.getAbsolutePath());
    }
}
