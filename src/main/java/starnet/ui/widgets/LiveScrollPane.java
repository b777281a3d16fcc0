package starnet.ui.widgets;

import javafx.beans.value.ChangeListener;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Skin;
import javafx.scene.control.skin.ScrollPaneSkin;

/**
 * A scroll pane for content that changes while training.
 * <ul>
 * <li>Its viewport is not cached as one bitmap. The default skin caches the viewport, so every redraw inside it (a tile
 * grid, a chart, a control turning disabled) first re-renders the whole content into the cache and then draws the
 * cache; with software rendering that alone cost 30–80 ms per update. Without the cache only the changed area is
 * painted.</li>
 * <li>It keeps what the person looks at where it was when the content grows or shrinks (a dataset loading, a notice
 * wrapping): the scroll position is held in pixels from the top, not as a fraction of the height.</li>
 * </ul>
 */
public final class LiveScrollPane extends ScrollPane {
    private final ChangeListener<Bounds> keepTop = (obs, was, now) -> {
        double view = getViewportBounds().getHeight();
        double before = was.getHeight() - view, after = now.getHeight() - view;
        if (before <= 0 || after <= 0 || before == after) return;
        double top = (getVvalue() - getVmin()) / (getVmax() - getVmin()) * before;
        setVvalue(getVmin() + Math.min(1, top / after) * (getVmax() - getVmin()));
    };

    public LiveScrollPane(Node content) {
        super(content);
        contentProperty().addListener((obs, was, now) -> {
            if (was != null) was.layoutBoundsProperty().removeListener(keepTop);
            if (now != null) now.layoutBoundsProperty().addListener(keepTop);
        });
        if (content != null) content.layoutBoundsProperty().addListener(keepTop);
    }

    @Override
    protected Skin<?> createDefaultSkin() {
        ScrollPaneSkin skin = new ScrollPaneSkin(this);
        for (Node n : skin.getChildren()) if (n.getStyleClass().contains("viewport")) n.setCache(false);
        return skin;
    }
}
