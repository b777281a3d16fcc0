package starnet.model;

import starnet.math.Matrix;

import java.util.List;

/**
 * An immutable picture of the training state after one step (or the initial state), published by the
 * worker to the UI. Matrices are fresh copies owned by the snapshot; nobody modifies them.
 *
 * @param index       position in the history (0 = Init)
 * @param step        the step that led here, or null for the initial state
 * @param label       short name for strips and sliders: "Init", "L2 SL1", "L2 SW1", …
 * @param layer       1-based layer that will be solved next (0 when every layer is done)
 * @param nextPhase   the phase the schedule runs next (null when done)
 * @param epochsDone  epochs completed on {@code layer}
 * @param current     pinned items decoded from the current latents (pinned × D)
 * @param afterLayer  per layer (0-based), pinned items decoded from that layer's finished latents, or null
 */
public record TrainingSnapshot(int index, StepResult step, String label, int layer, Phase nextPhase, int epochsDone,
                               Matrix current, List<Matrix> afterLayer) {
    public boolean finished() { return layer == 0; }
}
