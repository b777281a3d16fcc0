package starnet.ui.widgets;

import javafx.beans.property.Property;
import javafx.scene.control.TextField;

import java.util.function.Function;

/**
 * A text field bound to a numeric property: commits on Enter or focus loss; an invalid entry turns
 * the field red with a tooltip saying what is expected, and the property keeps its last good value.
 */
public final class NumberField<T extends Number> extends TextField {
    private final Property<T> property;
    private final Function<String, T> parser;
    private final String expected;

    /** @param parser returns the value or throws IllegalArgumentException with a message */
    public NumberField(Property<T> property, Function<String, T> parser, String expected) {
        this.property = property;
        this.parser = parser;
        this.expected = expected;
        setPrefColumnCount(7);
        setText(format(property.getValue()));
        property.addListener((obs, o, n) -> {
            if (!isFocused()) setText(format(n));
        });
        setOnAction(e -> commit());
        focusedProperty().addListener((obs, o, focused) -> {
            if (!focused) commit();
        });
        setTooltip(Tips.tip(expected));
    }

    public static String format(Number n) {
        if (n instanceof Double d) {
            double v = d;
            if (v != 0 && (Math.abs(v) < 1e-3 || Math.abs(v) >= 1e6)) return String.format("%.3g", v).replace("e-0", "e-").replace("e+0", "e");
            String s = Double.toString(v);
            return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
        }
        return String.valueOf(n);
    }

    public void commit() {
        try {
            T v = parser.apply(getText().trim());
            getStyleClass().remove("invalid");
            getTooltip().setText(expected);
            property.setValue(v);
            setText(format(v));
        } catch (RuntimeException e) {
            if (!getStyleClass().contains("invalid")) getStyleClass().add("invalid");
            getTooltip().setText("'" + getText() + "' is not valid: " + expected);
        }
    }

    public static Function<String, Double> doubleIn(double min, double max, boolean minOpen) {
        return s -> {
            double v = Double.parseDouble(s);
            if (!(minOpen ? v > min : v >= min) || v > max || !Double.isFinite(v)) throw new IllegalArgumentException();
            return v;
        };
    }

    public static Function<String, Integer> intIn(int min, int max) {
        return s -> {
            int v = Integer.parseInt(s);
            if (v < min || v > max) throw new IllegalArgumentException();
            return v;
        };
    }
}
