package starnet.ui.reconstruction;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ObservableList;
import starnet.model.PcaBound;
import starnet.model.Dataset;
import starnet.math.Matrix;
import starnet.model.LayerPlan;
import starnet.model.TrainingSnapshot;
import starnet.session.WorkbenchSession;
import starnet.ui.core.FxThread;
import starnet.ui.core.SessionModel;
import starnet.ui.core.StepCursor;

import java.util.List;

/**
 * The reconstruction grid, step slider and progress strip: the history of snapshots, the pinned items,
 * and the PCA row (its reconstructions computed in the background whenever the PCA or the pins change).
 */
public final class ReconstructionViewModel {
    private final SessionModel model;
    private final StepCursor cursor;
    private final ReadOnlyObjectWrapper<Matrix> pcaRow = new ReadOnlyObjectWrapper<>();
    private long randomPins;

    public ReconstructionViewModel(SessionModel model, StepCursor cursor) {
        this.model = model;
        this.cursor = cursor;
        model.pcaProperty().addListener((obs, o, n) -> updatePcaRow());
        model.pinnedProperty().addListener((obs, o, n) -> updatePcaRow());
    }

    @SuppressWarnings("ReferenceEquality") // "are these still the PCA and the pins the row was computed for?": identity
    private void updatePcaRow() {
        FxThread.check();
        PcaBound pca = model.pcaProperty().get();
        List<LayerPlan> plan = model.planProperty().get();
        int[] pins = model.pinnedProperty().get();
        Dataset d = model.datasetProperty().get();
        pcaRow.set(null);
        if (pca == null || plan == null || plan.isEmpty() || d == null || pins.length == 0) return;
        int rank = plan.get(0).inputWidth();
        model.whenDone(model.session().research().pcaOfPinned(rank), m -> {
            if (model.pcaProperty().get() == pca && model.pinnedProperty().get() == pins) pcaRow.set(m);
        });
    }

    /** Pins these data rows (below the number of datapoints in use); the model stays, the history restarts from now. */
    public void setPinned(int[] rows) {
        FxThread.check();
        model.session().setPinned(rows);
    }

    /** Pins {@link WorkbenchSession#DEFAULT_PINNED} random items (seeded). */
    public void pinRandom() {
        FxThread.check();
        model.session().pinRandom(++randomPins);
    }

    /** Pins one item per class first, then the next items. */
    public void pinPerClass() {
        FxThread.check();
        Dataset d = model.datasetProperty().get();
        if (d != null) setPinned(d.representativeRows(WorkbenchSession.DEFAULT_PINNED, model.datapointsProperty().get()));
    }

    public ObservableList<TrainingSnapshot> history() { return model.history(); }
    /**
     * What the grid says while there is no model: that one is being made (a change of configuration or of where the run
     * trains is under way, e.g. Spark starting), or that none can be made.
     */
    public String noModelText() {
        starnet.session.SessionState s = model.stateProperty().get();
        return s != null && s.busyWith(starnet.session.TaskKind.PREPARE) ? "Preparing the model…"
                : "No model: the configuration is not determined or not valid";
    }

    public ReadOnlyObjectProperty<int[]> pinnedProperty() { return model.pinnedProperty(); }
    public ReadOnlyObjectProperty<Dataset> datasetProperty() { return model.datasetProperty(); }
    public ReadOnlyObjectProperty<List<LayerPlan>> planProperty() { return model.planProperty(); }
    /** The pinned items' PCA reconstructions at the code width, once the PCA is computed; else null. */
    public ReadOnlyObjectProperty<Matrix> pcaRowProperty() { return pcaRow.getReadOnlyProperty(); }
    public SessionModel model() { return model; }
    /** The one time axis the slider moves. */
    public StepCursor cursor() { return cursor; }
}
