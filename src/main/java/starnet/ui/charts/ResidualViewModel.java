package starnet.ui.charts;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ObservableList;
import starnet.data.Dataset;
import starnet.model.StepResult;
import starnet.model.TrainingSnapshot;
import starnet.session.ItemDetail;
import starnet.ui.core.FxThread;
import starnet.ui.core.SessionModel;

import java.util.function.Consumer;

/** The residual histogram and outlier gallery: the latest step's per-item residuals, and opening an item. */
public final class ResidualViewModel {
    private final SessionModel model;

    public ResidualViewModel(SessionModel model) {
        this.model = model;
    }

    /** Opens one item (target, reconstruction, residual), computed in the background. */
    public void inspect(int row, Consumer<ItemDetail> onFx) {
        FxThread.check();
        model.whenDone(model.session().inspect(row), onFx);
    }

    public ObservableList<StepResult> steps() { return model.steps(); }
    public ReadOnlyObjectProperty<TrainingSnapshot> latestProperty() { return model.latestProperty(); }
    public ReadOnlyObjectProperty<Dataset> datasetProperty() { return model.datasetProperty(); }
}
