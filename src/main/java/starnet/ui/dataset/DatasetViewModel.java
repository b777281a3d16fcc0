package starnet.ui.dataset;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import starnet.model.Dataset;
import starnet.model.CsvLayout;
import starnet.model.DataSpec;
import starnet.model.StarNetConfig;
import starnet.session.ItemDetail;
import starnet.session.Notice;
import starnet.ui.core.DiscardGuard;
import starnet.ui.core.FxThread;
import starnet.ui.core.SessionModel;

import java.util.function.Consumer;

/** The dataset panel: load a sample, file or folder (asking before trained steps are discarded), and open single items. */
public final class DatasetViewModel {
    private final SessionModel model;
    private final DiscardGuard guard;

    /** The window's session (its file dialogs' folders). */
    public SessionModel model() { return model; }

    public DatasetViewModel(SessionModel model, DiscardGuard guard) {
        this.model = model;
        this.guard = guard;
    }

    /** Loads {@code sample:NAME} or a path in the background (the configuration's split and item limit); a failure keeps the previous data. */
    public void load(String source) {
        load(current().withSource(source));
    }

    /** Loads a CSV file with the given label column, image shape and value scale. */
    public void loadCsv(String file, CsvLayout layout) {
        load(current().withSource(file).withCsv(layout));
    }

    private void load(DataSpec spec) {
        FxThread.check();
        if (model.runningProperty().get()) {
            model.notify(Notice.error("Pause training before loading another dataset."));
            return;
        }
        int trained = model.steps().size();
        if (trained > 0 && !guard.allowDiscard("Loading other data", trained)) return;
        model.session().load(spec);
    }

    /** The data part of the configuration in force. */
    public DataSpec current() {
        return model.configProperty().get() == null ? DataSpec.defaults() : model.configProperty().get().data();
    }

    /** Opens one item (target, current reconstruction, latest residual), computed in the background. */
    public void inspect(int row, Consumer<ItemDetail> onFx) {
        FxThread.check();
        model.whenDone(model.session().inspect(row), onFx);
    }

    public ReadOnlyObjectProperty<Dataset> datasetProperty() { return model.datasetProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return model.loadingProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return model.runningProperty(); }
    public ReadOnlyObjectProperty<StarNetConfig> configProperty() { return model.configProperty(); }
}
