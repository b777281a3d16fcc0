package starnet.ui.files;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.controlsfx.control.SegmentedButton;
import org.controlsfx.control.ToggleSwitch;
import starnet.model.FigureFormat;
import starnet.model.FigureKind;
import starnet.model.FigureOptions;
import starnet.model.FigureSize;

import java.util.List;
import java.util.Optional;

/**
 * Asks how to export a figure — format, PNG scale, plot size, caption — with a preview of exactly what will
 * be written, redrawn in the background whenever a choice changes.
 */
public final class FigureExportDialog {
    private static final List<FigureSize> SIZES = List.of(FigureSize.COLUMN, FigureSize.WIDE, FigureSize.SLIDE);

    private FigureExportDialog() {}

    /** The options chosen for {@code kind}, starting from {@code start}; empty when cancelled. */
    public static Optional<FigureOptions> ask(Window owner, FilesViewModel vm, FigureKind kind, FigureOptions start) {
        Dialog<FigureOptions> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("Export figure");
        d.setHeaderText(kind.title());
        d.getDialogPane().setId("figure-export-dialog");
        ButtonType next = new ButtonType("Choose file…", javafx.scene.control.ButtonBar.ButtonData.OK_DONE);
        d.getDialogPane().getButtonTypes().addAll(next, ButtonType.CANCEL);

        SegmentedButton format = new SegmentedButton();
        format.setId("figure-format");
        for (FigureFormat f : FigureFormat.values()) {
            ToggleButton b = new ToggleButton(f.id().toUpperCase(java.util.Locale.ROOT));
            b.setUserData(f);
            b.setId("format-" + f.id());
            b.setSelected(f == start.format());
            format.getButtons().add(b);
        }
        format.getToggleGroup().selectedToggleProperty().addListener((obs, o, n) -> {
            if (n == null) o.setSelected(true); // one format is always chosen
        });
        ChoiceBox<Integer> scale = new ChoiceBox<>();
        scale.setId("figure-scale");
        scale.getItems().setAll(1, 2, 3, 4);
        scale.setValue(start.scale());
        scale.setConverter(new StringConverter<>() {
            @Override public String toString(Integer s) { return s == null ? "" : s + "×  (" + 96 * s + " dpi)"; }
            @Override public Integer fromString(String s) { return Integer.parseInt(s.substring(0, 1)); }
        });
        ChoiceBox<FigureSize> size = new ChoiceBox<>();
        size.setId("figure-size");
        size.getItems().setAll(SIZES);
        size.setValue(SIZES.contains(start.size()) ? start.size() : FigureSize.WIDE);
        size.setConverter(new StringConverter<>() {
            @Override public String toString(FigureSize s) { return s == null ? "" : s.describe(); }
            @Override public FigureSize fromString(String s) { return FigureSize.parse(s.split(" ")[0]); }
        });
        size.setDisable(!kind.isPlot());
        ToggleSwitch caption = new ToggleSwitch();
        caption.setId("figure-caption");
        caption.setSelected(start.caption());
        Label captionText = new Label("beneath: the dataset, architecture and layer");
        captionText.setOnMouseClicked(e -> caption.setSelected(!caption.isSelected())); // the words toggle it too
        HBox captionRow = new HBox(8, caption, captionText);
        captionRow.setAlignment(Pos.CENTER_LEFT);

        Label note = new Label();
        note.getStyleClass().add("muted");
        note.setWrapText(true);
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.addRow(0, new Label("Format"), format);
        g.addRow(1, new Label("PNG scale"), scale);
        g.addRow(2, new Label("Size"), size);
        g.addRow(3, new Label("Caption"), captionRow);
        g.add(note, 0, 4, 2, 1);

        ImageView preview = new ImageView();
        preview.setId("figure-preview");
        preview.setPreserveRatio(true);
        preview.setFitWidth(560);
        ScrollPane previewPane = new ScrollPane(new HBox(preview));
        previewPane.setPrefViewportWidth(570);
        previewPane.setPrefViewportHeight(360);
        Label previewTitle = new Label("Preview (as written, at 1×)");
        previewTitle.getStyleClass().add("muted");
        VBox box = new VBox(10, g, previewTitle, previewPane);
        box.setPadding(new Insets(10));
        box.setAlignment(Pos.TOP_LEFT);
        d.getDialogPane().setContent(box);

        Runnable refresh = () -> {
            FigureOptions o = read(format, scale, size, caption);
            scale.setDisable(o.format() != FigureFormat.PNG);
            note.setText(switch (o.format()) {
                case PNG -> "PNG at " + o.scale() + "× (" + 96 * o.scale() + " dpi), with its numbers in a .csv file beside it.";
                case SVG -> "SVG, vector, text as outlines (opens the same everywhere), with its numbers in a .csv file beside it.";
                case PDF -> "PDF, vector, the font embedded, with its numbers in a .csv file beside it.";
            });
            vm.preview(kind, o, img -> preview.setImage(SwingFXUtils.toFXImage(img, null)));
        };
        format.getToggleGroup().selectedToggleProperty().addListener((obs, o, n) -> refresh.run());
        scale.valueProperty().addListener((obs, o, n) -> refresh.run());
        size.valueProperty().addListener((obs, o, n) -> refresh.run());
        caption.selectedProperty().addListener((obs, o, n) -> refresh.run());
        refresh.run();
        d.setResultConverter(b -> b == next ? read(format, scale, size, caption) : null);
        return d.showAndWait();
    }

    private static FigureOptions read(SegmentedButton format, ChoiceBox<Integer> scale, ChoiceBox<FigureSize> size, ToggleSwitch caption) {
        var t = format.getToggleGroup().getSelectedToggle();
        FigureFormat f = t == null ? FigureFormat.PNG : (FigureFormat) t.getUserData();
        return new FigureOptions(f, scale.getValue(), size.getValue(), caption.isSelected());
    }
}
