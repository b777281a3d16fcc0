package starnet.session;

import starnet.model.Dataset;
import starnet.model.DeterminednessReport;
import starnet.model.LayerPlan;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;
import starnet.model.TrainingSnapshot;

import java.nio.file.Path;
import java.util.List;

/**
 * An immutable picture of a {@link WorkbenchSession}, published after every change: what the window
 * shows and the command line reports. Lists are unmodifiable; arrays and matrices are never written.
 *
 * @param dirty         the session in memory differs from its file (untitled: it has trained steps)
 * @param file          the file it was opened from or last saved to, or null
 * @param dataset       the loaded data, or null before the first load
 * @param datapoints    how many of its items training uses (the configuration's limit applied)
 * @param config        the configuration in force
 * @param plan          its layers for the loaded images, or null when they do not fit
 * @param report        whether every system is determined (paper Theorems 1–4), or null
 * @param problem       why the configuration does not fit the data, or ""
 * @param pinned        the data rows the grids show
 * @param history       snapshots for the step slider (Init first; at most {@link WorkbenchSession#HISTORY_LIMIT})
 * @param steps         every solve of the current run, in order
 * @param heldOut       per step, the output MSE of held-out items inferred down to its layer (paper Lemma 3); NaN where not measured
 * @param heldOutItems  how many held-out items that is (0: none — the data has no test part)
 * @param ready         a model is set up and can be stepped (or is fully trained)
 * @param finished      every layer is trained
 * @param tasks         background tasks, running first, then those waiting
 * @param activeCommand the training command running, or null
 * @param undoable      what "undo" would bring back (e.g. "the 20 steps discarded by Reset"), or null
 * @param pca           the PCA of the data in use once computed, or null
 * @param inspections   solver inspections of the run's steps, by step index (unmodifiable)
 * @param latentMap     the run's latest latent map, or null
 * @param engine        where the run trains
 * @param redoable      what "redo" would bring back, or null
 * @param stepDelayMillis the wait after each solve of a run (0 = none)
 * @param parkedUnsaved   trained steps of work set aside for a lesson that are not saved in a file (0 when none)
 */
public record SessionState(long revision, boolean dirty, Path file, Dataset dataset, int datapoints, StarNetConfig config,
                           List<LayerPlan> plan, DeterminednessReport report, String problem, int[] pinned,
                           List<TrainingSnapshot> history, List<StepResult> steps, List<Double> heldOut, int heldOutItems, boolean ready, boolean finished,
                           List<TaskInfo> tasks, TrainAction activeCommand, String undoable, starnet.model.PcaBound pca,
                           java.util.Map<Integer, starnet.model.SystemInspection> inspections, starnet.model.LatentMap latentMap,
                           starnet.model.EngineSpec engine, String redoable, long stepDelayMillis, int parkedUnsaved) {
    /** Before anything is loaded. */
    static SessionState empty() {
        return new SessionState(0, false, null, null, 0, StarNetConfig.defaults(), null, null, "", new int[0], List.of(), List.of(), List.of(), 0,
                false, false, List.of(), null, null, null, java.util.Map.of(), null, starnet.model.EngineSpec.memory(), null, 0, 0);
    }

    SessionState withTasks(List<TaskInfo> t, TrainAction active) {
        return new SessionState(revision, dirty, file, dataset, datapoints, config, plan, report, problem, pinned, history, steps, heldOut, heldOutItems,
                ready, finished, t, active, undoable, pca, inspections, latentMap, engine, redoable, stepDelayMillis, parkedUnsaved);
    }

    /** The newest snapshot, or null. */
    public TrainingSnapshot latest() { return history.isEmpty() ? null : history.get(history.size() - 1); }

    public boolean running() { return activeCommand != null; }

    /** Whether a task of this kind is running or waiting. */
    public boolean busyWith(TaskKind kind) { return tasks.stream().anyMatch(t -> t.kind() == kind); }

    /** Why training cannot start now, in plain words, or "" when it can. */
    public String trainBlockedReason() {
        if (dataset == null) return busyWith(TaskKind.LOAD) ? "The data is still loading" : "Load a dataset first";
        if (!problem.isEmpty()) return "Fix the configuration: " + problem;
        if (report != null && report.hasErrors()) return "Not determined: " + report.firstError();
        if (running()) return "Training is running; pause it first";
        if (finished) return "Every layer is trained; press Reset to start again";
        if (!ready) return "The model is being prepared";
        return "";
    }

    /** One line for the status bar: what the model is doing or ready for (background tasks are listed apart). */
    public String status() {
        if (running()) {
            StepResult s = steps.isEmpty() ? null : steps.get(steps.size() - 1);
            return s == null ? activeCommand.label() + " …"
                    : String.format("%s on layer %d: MSE %.5f in %.2f s", s.phase(), s.layer(), s.mse(), s.seconds());
        }
        if (dataset == null) return "No dataset";
        if (!problem.isEmpty()) return "The configuration cannot be used: " + problem;
        if (report != null && report.hasErrors()) return "Not every linear system is determined: see \"Is every system determined?\" on the left";
        if (finished) return "Every layer is trained";
        TrainingSnapshot l = latest();
        return l == null ? "Ready" : "Ready — next: layer " + l.layer() + ", " + l.nextPhase();
    }
}
