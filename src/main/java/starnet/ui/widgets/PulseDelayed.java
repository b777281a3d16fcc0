package starnet.ui.widgets;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ObservableBooleanValue;

/**
 * A boolean that follows another, but turns true one frame later (false at once). Used to lock the
 * architecture editor when a run starts: the toolbar's change is drawn in the first frame and the
 * editor's greyed look in the next, so neither frame carries both (with software rendering together
 * they made the longest pause of a run). FX thread only.
 */
public final class PulseDelayed {
    private PulseDelayed() {}

    public static ReadOnlyBooleanProperty of(ObservableBooleanValue source) {
        ReadOnlyBooleanWrapper out = new ReadOnlyBooleanWrapper(source.get());
        AnimationTimer nextFrame = new AnimationTimer() {
            private boolean firstFrameSeen;

            @Override
            public void start() {
                firstFrameSeen = false;
                super.start();
            }

            @Override
            public void handle(long now) {
                if (!firstFrameSeen) { // the first frame draws the source's own change
                    firstFrameSeen = true;
                    return;
                }
                stop();
                out.set(source.get());
            }
        };
        source.addListener((obs, was, is) -> {
            if (is) {
                nextFrame.start();
            } else {
                nextFrame.stop();
                out.set(false);
            }
        });
        return out.getReadOnlyProperty();
    }
}
