package starnet.ui.widgets;

import javafx.scene.Node;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.StackPane;

/** Tooltips that also show on disabled controls (a disabled control shows none of its own), wrapped to a readable width. */
public final class Tips {
    /** Widest a tooltip grows before it wraps, in pixels. */
    public static final double MAX_WIDTH = 420;

    private Tips() {}

    /** {@code node} in a wrapper that carries {@code tip}, so the tip shows even while the node is disabled. */
    public static StackPane wrap(Node node, Tooltip tip) {
        StackPane wrap = new StackPane(node);
        wrap.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        readable(tip);
        Tooltip.install(wrap, tip);
        return wrap;
    }

    /** A tooltip that wraps long text instead of running off the screen. */
    public static Tooltip tip(String text) {
        return readable(new Tooltip(text));
    }

    /** Wraps long text instead of running off the screen. */
    public static Tooltip readable(Tooltip tip) {
        tip.setWrapText(true);
        tip.setMaxWidth(MAX_WIDTH);
        return tip;
    }
}
