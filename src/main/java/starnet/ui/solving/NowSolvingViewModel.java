package starnet.ui.solving;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import starnet.model.Condition;
import starnet.model.LayerPlan;
import starnet.model.Phase;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;
import starnet.model.SystemShape;
import starnet.model.TrainingSnapshot;
import starnet.ui.core.SessionModel;
import starnet.ui.core.StepCursor;

import java.util.List;

/**
 * The "now solving" panel: which system the next solve works on (or, looking back with the step
 * slider, the one that step solved), its counts in the paper's terms, and the numbers of that solve.
 */
public final class NowSolvingViewModel {
    /**
     * What the panel shows.
     *
     * @param plan     the decoder's layers, first to last
     * @param shape    the systems of the focused solve
     * @param upcoming true for the next solve (live), false for one already done (looking back)
     * @param step     the focused solve's result, or for an upcoming one the last solve before it; null before any
     * @param before   the solve before {@code step} on the same layer (for "loss before → after"), or null
     * @param number   the focused step's number (Init = 0, k = the k-th solve); for an upcoming solve the number it will get
     * @param finished every layer is trained (nothing comes next)
     */
    public record Focus(List<LayerPlan> plan, SystemShape shape, boolean upcoming, StepResult step, StepResult before, int number,
                        boolean finished) {
        /** One headline: "Next: step 11, SL on layer 1 — solve the latents". */
        public String headline() {
            String what = shape.phase() == Phase.SL ? "solve the latents (SL)" : "solve the weights (SW)";
            if (finished) return "Every layer is trained — the last solve was step " + number + ", " + shape.phase() + " on layer " + shape.layer();
            return (upcoming ? "Next: step " + number : "Step " + number) + " — layer " + shape.layer() + ": " + what;
        }
    }

    private final SessionModel model;
    private final StepCursor cursor;
    private final ReadOnlyObjectWrapper<Focus> focus = new ReadOnlyObjectWrapper<>();

    public NowSolvingViewModel(SessionModel model, StepCursor cursor) {
        this.model = model;
        this.cursor = cursor;
        model.stateProperty().addListener((obs, o, n) -> update());
        cursor.viewedProperty().addListener((obs, o, n) -> update());
    }

    private void update() {
        List<LayerPlan> plan = model.planProperty().get();
        StarNetConfig c = model.configProperty().get();
        TrainingSnapshot v = cursor.viewedProperty().get();
        if (plan == null || plan.isEmpty() || c == null || v == null) {
            focus.set(null);
            return;
        }
        List<StepResult> steps = model.steps();
        int n = model.datapointsProperty().get();
        int sample = c.training().swSample();
        int swRows = sample > 0 && sample < n ? sample : n;
        boolean upcoming = cursor.liveProperty().get() || v.step() == null;
        StepResult step;
        int layer;
        Phase phase;
        int number;
        boolean finished = v.finished() && upcoming;
        if (finished) {
            step = steps.isEmpty() ? null : steps.get(steps.size() - 1);
            if (step == null) {
                focus.set(null);
                return;
            }
            layer = step.layer();
            phase = step.phase();
            number = step.number();
        } else if (upcoming) {
            step = v.step() != null ? v.step() : null;
            layer = v.layer();
            phase = v.nextPhase();
            number = StepCursor.number(v) + 1;
        } else {
            step = v.step();
            layer = step.layer();
            phase = step.phase();
            number = StepCursor.number(v);
        }
        if (layer < 1 || layer > plan.size() || phase == null) {
            focus.set(null);
            return;
        }
        StepResult before = null;
        if (step != null) {
            for (int i = step.step() - 1; i >= 0 && i < steps.size(); i--) {
                if (steps.get(i).layer() == step.layer()) {
                    before = steps.get(i);
                    break;
                }
            }
        }
        focus.set(new Focus(plan, SystemShape.of(plan.get(layer - 1), phase, n, swRows), upcoming && !finished, step, before, number, finished));
    }

    /** The report's lines behind the focused system's theorem, for its layer. */
    public List<Condition> theoremLines() {
        Focus f = focus.get();
        var report = model.reportProperty().get();
        if (f == null || report == null) return List.of();
        return report.conditions().stream().filter(c -> c.source().equals(f.shape().theorem()) && c.layer() == f.shape().layer()).toList();
    }

    public ReadOnlyObjectProperty<Focus> focusProperty() { return focus.getReadOnlyProperty(); }
}
