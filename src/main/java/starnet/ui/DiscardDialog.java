package starnet.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.Window;
import starnet.ui.core.DiscardGuard;

import java.util.function.Supplier;

/** Asks in a dialog before trained steps are discarded, saying how many and that Undo brings them back. */
final class DiscardDialog implements DiscardGuard {
    private final Supplier<Window> owner;

    DiscardDialog(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public boolean allowDiscard(String action, int steps) {
        ButtonType discard = new ButtonType("Discard and continue", ButtonBar.ButtonData.OK_DONE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, action + " discards the trained model: " + steps + " solve" + (steps == 1 ? "" : "s")
                + " and their history.\n\nEdit → Undo (Ctrl+Z) brings them back afterwards.", discard, ButtonType.CANCEL);
        a.initOwner(owner.get());
        a.setTitle(action);
        a.setHeaderText("Discard " + steps + " trained step" + (steps == 1 ? "" : "s") + "?");
        a.getDialogPane().setId("discard-dialog");
        DialogDefaults.cancelByDefault(a); // Enter keeps the work
        return a.showAndWait().orElse(ButtonType.CANCEL) == discard;
    }
}
