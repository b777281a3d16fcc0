package starnet.ui.charts;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.ObservableList;
import starnet.model.Dataset;
import starnet.model.StepResult;
import starnet.session.ItemDetail;
import starnet.ui.core.FxThread;
import starnet.ui.core.SessionModel;
import starnet.ui.core.StepCursor;

import java.util.function.Consumer;

/** The residual histogram and outlier gallery: the latest step's per-item residuals, and opening an item. */
public final class ResidualViewModel {
    private final SessionModel model;
    private final StepCursor cursor;

    public ResidualViewModel(SessionModel model, StepCursor cursor) {
        this.model = model;
        this.cursor = cursor;
    }

    /** Opens one item (target, reconstruction, residual), computed in the background. */
    public void inspect(int row, Consumer<ItemDetail> onFx) {
        FxThread.check();
        model.whenDone(model.session().inspect(row), onFx);
    }

    public ObservableList<StepResult> steps() { return model.steps(); }
    public ReadOnlyObjectProperty<Dataset> datasetProperty() { return model.datasetProperty(); }
    /** The datapoints trained on (more than the dataset's rows in memory when a run reads them from a file). */
    public int datapoints() { return model.datapointsProperty().get(); }
    /** The one time axis: the snapshot the window shows. */
    public StepCursor cursor() { return cursor; }
}
