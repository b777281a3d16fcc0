package starnet.ui.dataset;

import starnet.session.ItemDetail;

import starnet.ui.widgets.TileGrid;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import starnet.model.Dataset;

import java.util.List;

/** Shows one item: the target, its reconstruction and the error heat map, with its residual. */
public final class ItemDialog {
    private ItemDialog() {}

    public static void show(Window owner, ItemDetail d, Dataset ds) {
        Alert a = new Alert(Alert.AlertType.INFORMATION, "", ButtonType.CLOSE);
        a.initOwner(owner);
        a.setTitle("Item " + d.row());
        a.setHeaderText("Item " + d.row() + (d.label().isEmpty() ? "" : " — label " + d.label())
                + (Double.isNaN(d.residual()) ? "" : String.format("   ·   residual %.4f (latest step)", d.residual())));
        TileGrid g = new TileGrid();
        g.setTitleWidth(110);
        g.setTileRange(84, 140);
        TileGrid.Row target = new TileGrid.Row("Target", d.target());
        TileGrid.Row recon = new TileGrid.Row("Reconstruction", d.reconstruction(), d.target(), List.of());
        g.setContent(List.of(target, recon), ds.channels(), ds.height(), ds.width());
        g.setPrefWidth(360);
        a.getDialogPane().setContent(g);
        a.show();
    }
}
