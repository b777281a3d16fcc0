package starnet.ui.widgets;

import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/** Scrolls every scroll pane around a node so that the node shows (its top first when it is taller than the view). */
public final class ScrollIntoView {
    private static final double MARGIN = 8;

    private ScrollIntoView() {}

    /** Brings {@code node} into view in each scroll pane it sits in, innermost first. Lay the scene out before calling. */
    public static void show(Node node) {
        for (Node p = node.getParent(); p != null; p = p.getParent()) {
            if (p instanceof ScrollPane sp && sp.getContent() != null) scroll(sp, node);
        }
    }

    private static void scroll(ScrollPane sp, Node node) {
        Node content = sp.getContent();
        Bounds b = content.sceneToLocal(node.localToScene(node.getBoundsInLocal()));
        double contentHeight = content.getLayoutBounds().getHeight(), viewHeight = sp.getViewportBounds().getHeight();
        if (b == null || contentHeight <= viewHeight || viewHeight <= 0) return;
        double range = contentHeight - viewHeight;
        double top = (sp.getVvalue() - sp.getVmin()) / (sp.getVmax() - sp.getVmin()) * range;
        if (b.getMinY() >= top && b.getMaxY() <= top + viewHeight) return; // already in view
        double wanted = b.getHeight() + 2 * MARGIN <= viewHeight ? b.getMaxY() + MARGIN - viewHeight : b.getMinY() - MARGIN;
        if (b.getMinY() < top) wanted = b.getMinY() - MARGIN;
        double fraction = Math.max(0, Math.min(1, wanted / range));
        sp.setVvalue(sp.getVmin() + fraction * (sp.getVmax() - sp.getVmin()));
    }
}
