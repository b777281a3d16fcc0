package starnet.ui.widgets;

import javafx.scene.Node;

import java.util.ArrayList;
import java.util.List;

/** Objects held for as long as a node lives (a listener that something longer-lived holds only weakly). FX thread only. */
final class KeptWith {
    private static final String KEY = KeptWith.class.getName();

    private KeptWith() {}

    @SuppressWarnings("unchecked") // only this class puts a value under its key
    static void keep(Node owner, Object held) {
        ((List<Object>) owner.getProperties().computeIfAbsent(KEY, k -> new ArrayList<>())).add(held);
    }
}
