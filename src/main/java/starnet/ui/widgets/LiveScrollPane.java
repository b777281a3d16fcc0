package starnet.ui.widgets;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Skin;
import javafx.scene.control.skin.ScrollPaneSkin;

/**
 * A scroll pane for content that changes while training: its viewport is not cached as one bitmap.
 * The default skin caches the viewport, so every redraw inside it (a tile grid, a chart, a control
 * turning disabled) first re-renders the whole content into the cache and then draws the cache; with
 * software rendering that alone cost 30–80 ms per update. Without the cache only the changed area is
 * painted.
 */
public final class LiveScrollPane extends ScrollPane {
    public LiveScrollPane(Node content) {
        super(content);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        ScrollPaneSkin skin = new ScrollPaneSkin(this);
        for (Node n : skin.getChildren()) if (n.getStyleClass().contains("viewport")) n.setCache(false);
        return skin;
    }
}
