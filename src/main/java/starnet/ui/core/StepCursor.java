package starnet.ui.core;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import starnet.model.TrainingSnapshot;

/**
 * One time axis for the whole window: the snapshot everyone shows — the grid and strip, the chart's
 * cursor, the residuals, the ribbon — either the live end of the history or one the person picked.
 * Numbering is one everywhere: Init is step 0, step k is the k-th solve ({@link #number}).
 * A new run goes back to following live.
 */
public final class StepCursor {
    private final SessionModel model;
    private final ReadOnlyObjectWrapper<TrainingSnapshot> viewed = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper live = new ReadOnlyBooleanWrapper(true);

    public StepCursor(SessionModel model) {
        this.model = model;
        model.history().addListener((ListChangeListener<TrainingSnapshot>) c -> historyChanged());
        model.runningProperty().addListener((obs, was, running) -> {
            if (running) followLive();
        });
    }

    private void historyChanged() {
        var h = model.history();
        TrainingSnapshot v = viewed.get();
        if (live.get() || v == null || !h.contains(v)) {
            live.set(true);
            viewed.set(h.isEmpty() ? null : h.get(h.size() - 1));
        }
    }

    /** Shows history entry {@code index} (0 = the first); the live end when it is the last. */
    public void view(int index) {
        FxThread.check();
        var h = model.history();
        if (h.isEmpty()) return;
        int i = Math.max(0, Math.min(index, h.size() - 1));
        live.set(i == h.size() - 1);
        viewed.set(h.get(i));
    }

    /** Back to the newest snapshot, and stays there as new ones come. */
    public void followLive() {
        FxThread.check();
        live.set(true);
        var h = model.history();
        viewed.set(h.isEmpty() ? null : h.get(h.size() - 1));
    }

    /** The history index of the viewed snapshot, or −1. */
    public int index() {
        return viewed.get() == null ? -1 : model.history().indexOf(viewed.get());
    }

    /** The step number of a snapshot: 0 for Init (or a state with no solve behind it), k for the k-th solve. */
    public static int number(TrainingSnapshot s) {
        return s == null || s.step() == null ? 0 : s.step().number();
    }

    public ReadOnlyObjectProperty<TrainingSnapshot> viewedProperty() { return viewed.getReadOnlyProperty(); }
    /** True while the newest snapshot is shown and new ones will be. */
    public ReadOnlyBooleanProperty liveProperty() { return live.getReadOnlyProperty(); }
}
