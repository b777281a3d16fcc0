package starnet.ui.dataset;

import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.stage.Window;
import javafx.util.StringConverter;
import starnet.model.CsvLayout;
import starnet.model.LabelColumn;

import java.nio.file.Path;
import java.util.Optional;

/** Asks how a CSV file's columns become images: the label column, the image shape and the value of full intensity. */
final class CsvLayoutDialog {
    private CsvLayoutDialog() {}

    /** The layout chosen for {@code file}, starting from {@code current}; empty when cancelled. */
    static Optional<CsvLayout> ask(Window owner, Path file, CsvLayout current) {
        Dialog<CsvLayout> d = new Dialog<>();
        d.initOwner(owner);
        d.setTitle("CSV layout");
        d.setHeaderText("How should the columns of " + file.getFileName() + " become images?");
        d.getDialogPane().setId("csv-layout-dialog");
        d.getDialogPane().getButtonTypes().addAll(ButtonType.OK, ButtonType.CANCEL);

        ChoiceBox<LabelColumn> label = new ChoiceBox<>();
        label.setId("csv-label");
        label.getItems().setAll(LabelColumn.values());
        label.setConverter(new StringConverter<>() {
            @Override public String toString(LabelColumn c) { return c == null ? "" : describe(c); }
            @Override public LabelColumn fromString(String s) { return LabelColumn.parse(s); }
        });
        label.setValue(current.label());
        TextField shape = new TextField(current.shape().isEmpty() ? "auto" : CsvLayout.text(current.shape()).replace('×', 'x'));
        shape.setId("csv-shape");
        shape.setPromptText("auto, 8x8 or 3x32x32");
        TextField max = new TextField(CsvLayout.maxValueText(current.maxValue()));
        max.setId("csv-max");
        max.setPromptText("auto, 255 or 16");
        Label error = new Label();
        error.setId("csv-error");
        error.getStyleClass().add("error-text");
        error.setWrapText(true);

        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.setPadding(new Insets(10));
        g.addRow(0, new Label("Label column"), label);
        g.addRow(1, new Label("Image shape"), shape);
        g.addRow(2, new Label("Full intensity"), max);
        Label help = new Label("Shape: height x width, or channels x height x width; auto guesses square grey, square colour, "
                + "else one row of pixels.\nFull intensity: the pixel value that means white (255 for bytes, 16 for the UCI digits); "
                + "auto keeps values up to 1 and divides values up to 255 by 255.");
        help.setWrapText(true);
        help.setMaxWidth(460);
        help.getStyleClass().add("muted");
        g.add(help, 0, 3, 2, 1);
        g.add(error, 0, 4, 2, 1);
        d.getDialogPane().setContent(g);

        d.getDialogPane().lookupButton(ButtonType.OK).addEventFilter(ActionEvent.ACTION, e -> {
            try {
                read(label.getValue(), shape.getText(), max.getText());
            } catch (IllegalArgumentException ex) {
                error.setText(ex.getMessage());
                e.consume();
            }
        });
        d.setResultConverter(b -> b == ButtonType.OK ? read(label.getValue(), shape.getText(), max.getText()) : null);
        return d.showAndWait();
    }

    /** The layout the fields describe; an {@link IllegalArgumentException} in plain words names the field that is wrong. */
    static CsvLayout read(LabelColumn label, String shape, String max) {
        java.util.List<Integer> s;
        try {
            s = CsvLayout.parseShape(shape);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Image shape: " + e.getMessage());
        }
        try {
            return new CsvLayout(label, s, CsvLayout.parseMaxValue(max));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Full intensity: " + e.getMessage());
        }
    }

    static String describe(LabelColumn c) {
        return switch (c) {
            case AUTO -> "auto (a column named label, class, target or y; else the first)";
            case FIRST -> "the first column";
            case LAST -> "the last column";
            case NONE -> "none (every column is a pixel)";
        };
    }
}
