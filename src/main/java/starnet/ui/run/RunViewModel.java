package starnet.ui.run;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.value.ObservableStringValue;
import starnet.model.Phase;
import starnet.model.SolveOrder;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;
import starnet.model.TrainingSnapshot;
import starnet.session.Notice;
import starnet.session.StopPoint;
import starnet.session.TrainAction;
import starnet.ui.core.DiscardGuard;
import starnet.ui.core.FxThread;
import starnet.ui.core.SessionModel;
import starnet.ui.core.StepCursor;

/**
 * The run controls: training commands, pause, reset, the delay between steps, why training is blocked,
 * and the schedule ribbon's cells.
 */
public final class RunViewModel {
    private final SessionModel model;
    private final StepCursor cursor;
    private final DiscardGuard guard;
    /** The longest wait between two solves the delay offers, in milliseconds. */
    public static final int MAX_DELAY_MILLIS = 10_000;
    private final IntegerProperty delayMillis = new SimpleIntegerProperty(0);
    private final javafx.beans.property.BooleanProperty stopAtLayer = new javafx.beans.property.SimpleBooleanProperty();
    private final javafx.beans.property.BooleanProperty stopAtEpoch = new javafx.beans.property.SimpleBooleanProperty();
    private final StringBinding blockedReason;
    private final javafx.beans.binding.BooleanBinding busy;
    private final ReadOnlyObjectWrapper<int[]> schedule = new ReadOnlyObjectWrapper<>(new int[0]);

    /** @param editorError why the editor's fields are not a valid configuration ("" when they are) */
    public RunViewModel(SessionModel model, DiscardGuard guard, ObservableStringValue editorError, StepCursor cursor) {
        this.model = model;
        this.cursor = cursor;
        this.guard = guard;
        blockedReason = Bindings.createStringBinding(() -> editorError.get().isEmpty() ? model.sessionBlockedReasonProperty().get()
                : "Fix the configuration: " + editorError.get(), editorError, model.sessionBlockedReasonProperty());
        busy = Bindings.createBooleanBinding(() -> model.tasksProperty().get().stream().anyMatch(t -> t.running()), model.tasksProperty());
        delayMillis.addListener((obs, o, n) -> model.session().setStepDelayMillis(n.longValue()));
        Runnable stops = () -> {
            java.util.Set<StopPoint> points = java.util.EnumSet.noneOf(StopPoint.class);
            if (stopAtLayer.get()) points.add(StopPoint.LAYER_END);
            if (stopAtEpoch.get()) points.add(StopPoint.EPOCH_END);
            model.session().setStopPoints(points);
        };
        stopAtLayer.addListener((obs, o, n) -> stops.run());
        stopAtEpoch.addListener((obs, o, n) -> stops.run());
        model.stateProperty().addListener((obs, o, n) -> {
            scheduleChanged();
            // the session's delay changed (a file opened or recovered with its own): the slider follows
            if (n != null && o != null && n.stepDelayMillis() != o.stepDelayMillis()) delayMillis.set((int) n.stepDelayMillis());
        });
    }

    /** Runs a training command in the background; a blocked command says why instead. */
    public void run(TrainAction command) {
        FxThread.check();
        String why = blockedReason.get();
        if (!why.isEmpty()) {
            model.notify(Notice.error(why));
            return;
        }
        model.session().run(command);
    }

    /** Space, or the Play/Pause button: pauses what runs (training within its solve), or plays — trains every remaining layer — when nothing does. */
    public void playPause() {
        FxThread.check();
        if (busy.get()) pause();
        else run(TrainAction.TRAIN_ALL);
    }

    /** Stops whatever runs (a training run within its current solve). */
    public void pause() {
        FxThread.check();
        model.session().pause();
    }

    /** New initial weights from the seed; asks first when trained steps would be discarded (undo brings them back). */
    public void reset() {
        FxThread.check();
        int trained = model.steps().size();
        if (trained > 0 && !guard.allowDiscard("Reset", trained)) return;
        model.session().reset();
    }

    /** Cancels one background task. */
    public void cancel(long taskId) {
        FxThread.check();
        model.session().cancel(taskId);
    }

    /**
     * The schedule ribbon's cells: for every layer (last first), every epoch and phase, a code
     * 2 = done, 1 = next, 0 = to come, 3 = skipped (layer converged early). Layout: K × maxEpochs × 2.
     */
    private void scheduleChanged() {
        StarNetConfig c = model.configProperty().get();
        if (c == null || model.datasetProperty().get() == null || model.planProperty().get() == null) {
            schedule.set(new int[0]);
            return;
        }
        int k = c.architecture().depth(), e = c.training().maxEpochs();
        int[] cells = new int[k * e * 2];
        boolean slFirst = c.training().order() == SolveOrder.SL_FIRST;
        for (StepResult r : model.steps()) {
            int row = k - r.layer();
            int col = (r.epoch() - 1) * 2 + ((r.phase() == Phase.SL) == slFirst ? 0 : 1);
            if (row >= 0 && row < k && col >= 0 && col < e * 2) cells[(row * e * 2) + col] = 2;
        }
        TrainingSnapshot l = model.latestProperty().get();
        for (int row = 0; row < k; row++) {
            int layer = k - row;
            boolean layerDone = l != null && (l.finished() || layer > l.layer());
            for (int col = 0; col < e * 2; col++) {
                int i = row * e * 2 + col;
                if (cells[i] == 0 && layerDone) cells[i] = 3;
            }
        }
        if (l != null && !l.finished()) {
            int row = k - l.layer();
            int phaseCol = (l.nextPhase() == Phase.SL) == slFirst ? 0 : 1;
            int col = l.epochsDone() * 2 + phaseCol;
            if (row >= 0 && row < k && col < e * 2) cells[row * e * 2 + col] = 1;
        }
        if (!java.util.Arrays.equals(cells, schedule.get())) schedule.set(cells);
    }

    public SessionModel model() { return model; }
    /** The one time axis: the ribbon marks the viewed step. */
    public StepCursor cursor() { return cursor; }
    public IntegerProperty delayMillisProperty() { return delayMillis; }
    /** A background task runs (training or another): Pause stops it. */
    public javafx.beans.binding.BooleanBinding busy() { return busy; }
    /** Runs stop by themselves when a layer is done (Play continues). */
    public javafx.beans.property.BooleanProperty stopAtLayerProperty() { return stopAtLayer; }
    /** Runs stop by themselves after each epoch (Play continues). */
    public javafx.beans.property.BooleanProperty stopAtEpochProperty() { return stopAtEpoch; }

    /** A delay slider's value as a delay: whole tenths of a second, and none below 0.2 s (so "none" is easy to hit). */
    public static int snapDelay(double millis) {
        return millis < 200 ? 0 : (int) Math.min(MAX_DELAY_MILLIS, Math.round(millis / 100) * 100);
    }
    /** Why training cannot start now ("" when it can). */
    public StringBinding trainBlockedReason() { return blockedReason; }
    public ReadOnlyObjectProperty<int[]> scheduleProperty() { return schedule.getReadOnlyProperty(); }
}
