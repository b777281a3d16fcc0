package starnet.ui;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * Spreads one burst of window changes over consecutive frames, so that no single frame carries all
 * of them: with software rendering, a frame that restyles the editor, redraws both grids, the chart
 * and the histogram at once made the longest pauses of a run.
 */
final class PulseDelayed {
    private PulseDelayed() {}

    /**
     * Returns a request: calling it runs {@code action} at the start of the {@code frames}-th frame
     * from now; requests made before then collapse into that one run. FX thread only.
     */
    static Runnable later(int frames, Runnable action) {
        AnimationTimer timer = new AnimationTimer() {
            private int seen;
            private boolean pending;

            @Override
            public void start() {
                if (pending) return; // an earlier request runs soon and will see the latest state
                pending = true;
                seen = 0;
                super.start();
            }

            @Override
            public void handle(long now) {
                if (++seen < frames) return;
                stop();
                pending = false;
                action.run();
            }
        };
        return timer::start;
    }

    /** A boolean that follows {@code source} but turns true one frame later (false at once). */
    static ReadOnlyBooleanProperty of(ObservableBooleanValue source) {
        ReadOnlyBooleanWrapper out = new ReadOnlyBooleanWrapper(source.get());
        Runnable raise = later(2, () -> out.set(source.get()));
        source.addListener((obs, was, is) -> {
            if (is) raise.run();
            else out.set(false);
        });
        return out.getReadOnlyProperty();
    }
}
