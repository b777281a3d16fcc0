package starnet.ui.charts;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ObservableList;
import starnet.model.PcaBound;
import starnet.model.LayerPlan;
import starnet.model.StepResult;
import starnet.ui.core.FxThread;
import starnet.ui.core.SessionModel;
import starnet.ui.core.StepCursor;

import java.util.List;

/** The loss chart: every step's metrics, and the PCA bound (computed in the background on request). */
public final class LossViewModel {
    private final SessionModel model;
    private final StepCursor cursor;

    public LossViewModel(SessionModel model, StepCursor cursor) {
        this.model = model;
        this.cursor = cursor;
    }

    /** Fits PCA to the data in use, in the background, unless it is there already. */
    public void computePca() {
        FxThread.check();
        if (model.pcaProperty().get() == null) model.session().computePca();
    }

    public ObservableList<StepResult> steps() { return model.steps(); }
    /** The whole session state (the held-out curve reads its per-step values). */
    public ReadOnlyObjectProperty<starnet.session.SessionState> stateProperty() { return model.stateProperty(); }
    public ReadOnlyObjectProperty<PcaBound> pcaProperty() { return model.pcaProperty(); }
    public ReadOnlyObjectProperty<List<LayerPlan>> planProperty() { return model.planProperty(); }
    /** The one time axis: the snapshot the window shows. */
    public StepCursor cursor() { return cursor; }
}
