package starnet.ui.explore;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.control.TableColumn;

import java.util.function.Function;

/** Read-only text columns for the Explore tables: not sortable, widths in base pixels that grow with the zoom. */
final class Columns {
    private Columns() {}

    static <R> TableColumn<R, String> text(String title, Function<R, String> text, double width) {
        TableColumn<R, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(text.apply(d.getValue())));
        c.setSortable(false);
        c.prefWidthProperty().bind(starnet.ui.widgets.UiScale.factor().multiply(width)); // grows with the zoom, as the text does
        return c;
    }
}
