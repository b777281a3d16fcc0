package starnet.ui.explore;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import starnet.model.Dataset;
import starnet.model.LatentMap;
import starnet.model.Projection;
import starnet.session.ItemDetail;
import starnet.ui.core.FxThread;
import starnet.ui.core.SessionModel;

import java.util.function.Consumer;

/** The latent map: which projection, whether it follows training, whether held-out items show; maps are made by the session. */
public final class LatentMapViewModel {
    private final SessionModel model;
    private final ObjectProperty<Projection> projection = new SimpleObjectProperty<>(Projection.PCA);
    private final BooleanProperty follow = new SimpleBooleanProperty();
    private final BooleanProperty heldOut = new SimpleBooleanProperty(true);
    private final StringBinding blocked;

    public LatentMapViewModel(SessionModel model) {
        this.model = model;
        follow.addListener((obs, o, on) -> model.session().setLiveLatentMap(on));
        blocked = Bindings.createStringBinding(() -> model.steps().isEmpty() ? "Run a step first: the map shows the latents a solve produced" : "",
                model.steps());
    }

    public ObjectProperty<Projection> projectionProperty() { return projection; }

    /** While on, a PCA map follows training step by step. */
    public BooleanProperty followProperty() { return follow; }

    /** Whether held-out items (their codes inferred) show as rings. */
    public BooleanProperty heldOutProperty() { return heldOut; }

    public ReadOnlyObjectProperty<LatentMap> mapProperty() { return model.latentMapProperty(); }

    public ReadOnlyObjectProperty<Dataset> datasetProperty() { return model.datasetProperty(); }

    /** Why a map cannot be made now ("" when it can). */
    public StringBinding blockedReason() { return blocked; }

    /** Maps the newest latents with the chosen projection (in the background; the map arrives through {@link #mapProperty()}). */
    public void mapNow() {
        FxThread.check();
        model.whenDone(model.session().latentMap(projection.get()), m -> { });
    }

    /** Opens dataset row {@code row}. */
    public void open(int row, Consumer<ItemDetail> onFx) {
        FxThread.check();
        model.whenDone(model.session().inspect(row), onFx);
    }

    SessionModel model() { return model; }
}
