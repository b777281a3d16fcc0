package starnet.ui.explore;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.ObservableList;
import starnet.explore.SystemInspection;
import starnet.figures.LinePlot;
import starnet.model.StepResult;
import starnet.ui.core.FxThread;
import starnet.ui.core.SessionModel;

import java.util.ArrayList;
import java.util.List;
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

    /** The singular values of an inspected system on a log scale, with the ridge's floor √shift. */
    public static LinePlot spectrum(SystemInspection in) {
        double[] s = in.singularValues();
        double[] x = new double[s.length];
        for (int i = 0; i < s.length; i++) x[i] = i + 1;
        List<LinePlot.Series> series = new ArrayList<>();
        series.add(new LinePlot.Series("singular values of " + (in.phase() == starnet.model.Phase.SL ? "W" : "[H 1]"), x, s));
        if (in.ridgeShift() > 0) {
            double floor = Math.sqrt(in.ridgeShift());
            series.add(new LinePlot.Series("ridge floor √(λ·trace/n)", new double[] {1, s.length}, new double[] {floor, floor}, LinePlot.Kind.REFERENCE));
        }
        StepResult r = in.step();
        return new LinePlot(String.format("Step %d: layer %d %s%d — condition %s", r.step() + 1, r.layer(), r.phase(), r.epoch(),
                Double.isInfinite(in.condition()) ? "∞" : String.format("%.3g", in.condition())), "index", "singular value σᵢ", series, true);
    }

    SessionModel model() { return model; }
}
