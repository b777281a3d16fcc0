package starnet.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;

/** What a question that could lose work answers to Enter and Escape: keep the work. */
final class DialogDefaults {
    private DialogDefaults() {}

    /** Makes Cancel the default button (Enter) and no other. */
    static void cancelByDefault(Alert a) {
        defaultIs(a, ButtonType.CANCEL);
    }

    /** Makes {@code type} the default button (Enter) and no other. */
    static void defaultIs(Alert a, ButtonType type) {
        for (ButtonType t : a.getButtonTypes()) {
            if (a.getDialogPane().lookupButton(t) instanceof Button b) b.setDefaultButton(t == type);
        }
    }
}
