package starnet.ui.explore;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ObservableList;
import starnet.model.SystemInspection;
import starnet.model.StepResult;
import starnet.ui.core.FxThread;
import starnet.ui.core.SessionModel;

import java.util.Map;
import java.util.function.Consumer;

/** The solver inspector: every step's recorded facts, and a close look at the systems inspected. */
public final class InspectorViewModel {
    private final SessionModel model;
    private final BooleanProperty everyStep = new SimpleBooleanProperty();
    private final StringBinding blocked;

    public InspectorViewModel(SessionModel model) {
        this.model = model;
        everyStep.addListener((obs, o, on) -> model.session().setInspectEveryStep(on));
        blocked = Bindings.createStringBinding(() -> model.steps().isEmpty() ? "Run a step first (SL or SW): the inspector looks at a solved system"
                : model.runningProperty().get() ? "Training is running: turn on \"Inspect every step\", or pause first" : "", model.steps(), model.runningProperty());
    }

    /** Every step of the run. */
    public ObservableList<StepResult> steps() { return model.steps(); }

    /** Inspections so far, by step index. */
    public ReadOnlyObjectProperty<Map<Integer, SystemInspection>> inspections() { return model.inspectionsProperty(); }

    /** Whether every training step is inspected as it is solved. */
    public BooleanProperty everyStepProperty() { return everyStep; }

    /** Why the newest solve cannot be inspected now ("" when it can). */
    public StringBinding blockedReason() { return blocked; }

    /** Inspects the newest step; {@code onFx} gets the result. */
    public void inspectNewest(Consumer<SystemInspection> onFx) {
        FxThread.check();
        model.whenDone(model.session().inspectNewestSystem(), onFx);
    }

    SessionModel model() { return model; }
}
