package starnet.ui.widgets;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;

/**
 * The window's zoom: one factor, 75 % to 200 %, for fonts (through the root font size, which the
 * style sheet's em sizes follow), tiles, charts and the few fixed sizes. JavaFX thread only.
 */
public final class UiScale {
    /** The zoom steps View → Zoom in / Zoom out go through. */
    private static final double[] STEPS = {0.75, 0.9, 1.0, 1.1, 1.25, 1.5, 1.75, 2.0};
    /** The smallest and largest zoom. */
    public static final double MIN = STEPS[0], MAX = STEPS[STEPS.length - 1];
    /** The root font size at 100 %, in pixels. */
    public static final double BASE_FONT = 13;
    private static final DoubleProperty FACTOR = new SimpleDoubleProperty(1.0);

    private UiScale() {}

    public static DoubleProperty factor() { return FACTOR; }

    /**
     * Runs {@code action} whenever the zoom changes, for as long as {@code owner} lives: the zoom is global and outlives
     * every window, so it holds the listener weakly and the owner holds it strongly (a closed window is not kept).
     */
    public static void whenChanged(javafx.scene.Node owner, Runnable action) {
        javafx.beans.InvalidationListener listener = o -> action.run();
        KeptWith.keep(owner, listener);
        FACTOR.addListener(new javafx.beans.WeakInvalidationListener(listener));
    }

    /** {@code base} pixels at the current zoom. */
    public static double px(double base) { return base * FACTOR.get(); }

    /** Sets the zoom, clamped to 75–200 %. */
    public static void set(double f) {
        FACTOR.set(Math.max(STEPS[0], Math.min(STEPS[STEPS.length - 1], f)));
    }

    /** The next step up (Ctrl+=). */
    public static void zoomIn() {
        for (double s : STEPS) {
            if (s > FACTOR.get() + 1e-9) {
                set(s);
                return;
            }
        }
    }

    /** The next step down (Ctrl+-). */
    public static void zoomOut() {
        for (int i = STEPS.length - 1; i >= 0; i--) {
            if (STEPS[i] < FACTOR.get() - 1e-9) {
                set(STEPS[i]);
                return;
            }
        }
    }

    /** "125 %". */
    public static String percent() { return Math.round(FACTOR.get() * 100) + " %"; }
}
