package starnet.session;

import starnet.model.LatentMap;
import starnet.model.StepResult;
import starnet.model.SystemInspection;
import starnet.model.TrainingSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a run has recorded so far, owned by its work (worker only): the snapshots for the step slider, every step,
 * the held-out curve, the solver inspections and the latest latent map.
 */
final class RunLog {
    final List<TrainingSnapshot> history = new ArrayList<>();
    final List<StepResult> steps = new ArrayList<>();
    /** Per step, the output MSE of held-out items inferred down to that step's layer (paper Lemma 3), NaN where not measured. */
    final List<Double> heldOut = new ArrayList<>();
    /** Solver inspections of this run's steps, by step index (the newest on demand; every step while asked for). */
    final Map<Integer, SystemInspection> inspections = new TreeMap<>();
    /** The latest latent map of this run, or null. */
    LatentMap latentMap;

    /**
     * Drops the per-datapoint residuals of the newest step recorded so far (its losses stay), in the step list and in
     * the snapshots that show it: called before a new step of a run too large to keep N residuals per step.
     */
    @SuppressWarnings("ReferenceEquality") // the snapshots that share this very step object
    void keepNewestResidualsOnly() {
        if (steps.isEmpty()) return;
        StepResult old = steps.get(steps.size() - 1);
        if (old.residuals().length == 0) return;
        StepResult light = old.withoutResiduals();
        steps.set(steps.size() - 1, light);
        for (int i = 0; i < history.size(); i++) {
            TrainingSnapshot h = history.get(i);
            if (h.step() == old) {
                history.set(i, new TrainingSnapshot(h.index(), light, h.label(), h.layer(), h.nextPhase(), h.epochsDone(), h.current(), h.afterLayer()));
            }
        }
    }

    /** Forgets everything: a new run starts. */
    void clear() {
        history.clear();
        steps.clear();
        heldOut.clear();
        inspections.clear();
        latentMap = null;
    }
}
