package starnet.ui.charts;

import starnet.model.StepResult;

import java.util.function.ToDoubleFunction;

/** A metric the loss chart can show: its label, axis title, value of a step and help. */
@SuppressWarnings("ImmutableEnumChecker") // its functions are method references, without state
enum LossMetric {
    OUTPUT("Output MSE (decoded images)", "Output MSE", StepResult::outputMse, "The mean squared error of the images decoded from the current latents "
            + "through every layer above: image space, comparable across layers and with the baselines (PCA, mean image). "
            + "It rises when a lower layer starts: that layer's weights are still the random Init, until its first SW fits them."),
    MSE("Layer-fit MSE (the layer's own targets)", "Layer-fit MSE", StepResult::mse, "The current layer's fit to its own targets. For the last layer "
            + "these are the images; for a lower layer they are the latents of the layer above, so the curve jumps when training moves "
            + "down a layer: another space, other numbers. Not comparable with the baselines."),
    MAE("Layer-fit MAE", "Layer-fit MAE", StepResult::mae, "The mean absolute error of the current layer's fit to its own targets."),
    ELASTIC("Layer-fit elastic (MSE + MAE)", "Elastic (MSE + MAE)", StepResult::elastic, "Layer-fit MSE + MAE: the loss the autoencoder baseline minimises.");

    final String label;
    /** The y axis title: short enough to stand beside the chart at 1280×720. */
    final String axis;
    final ToDoubleFunction<StepResult> value;
    final String help;

    LossMetric(String label, String axis, ToDoubleFunction<StepResult> value, String help) {
        this.label = label;
        this.axis = axis;
        this.value = value;
        this.help = help;
    }

    @Override public String toString() { return label; }
}
