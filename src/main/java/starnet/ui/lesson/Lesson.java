package starnet.ui.lesson;

import starnet.session.TrainAction;
import starnet.ui.core.RightTab;

import java.util.List;

/**
 * The guided lesson (Help → Lesson): StarNet from a decoder to conv-unpool layers, in eleven steps on the bundled MNIST
 * sample. It always starts from a fresh model (2,000 items, widths 128 → 256 → 784, five epochs per layer, tolerance 0),
 * so every solve it names happens at the step counter its text gives.
 */
public final class Lesson {
    private Lesson() {}

    public static List<LessonStep> steps() {
        return List.of(
                new LessonStep("A decoder", "A decoder turns a short code h₀ into an image: here 128 numbers → 256 → 784 pixels, each layer "
                        + "hᵢ = a(Wᵢ [hᵢ₋₁; 1]) with a leaky ReLU a. StarNet trains it without gradients: every step solves a linear "
                        + "least-squares system exactly. The diagram shows the decoder; the lesson uses 2,000 MNIST digits.", "now-solving",
                        RightTab.NOW_SOLVING, 0, c -> c.setUp(List.of(128, 256))),
                new LessonStep("Are the systems determined?", "Before training, the paper's theorems say whether every system has at least as "
                        + "many equations as unknowns. Widths must grow toward the image (Theorem 1), and there must be more datapoints than "
                        + "inputs per layer (Theorem 2). Every line here is ✓: hover one to read the theorem.", "report", null, 0, null),
                new LessonStep("One SL: solve the latents", "Step 1. The last layer comes first: its targets are the images. SL keeps the random "
                        + "weights fixed and finds, for every digit, the 256 latents whose output best matches it — 2,000 independent systems of "
                        + "784 equations in 256 unknowns, one factorisation for all. The chart has its first point; the digits are still blurred.",
                        "loss-chart", RightTab.LOSS, 1, c -> c.run(TrainAction.STEP_SL)),
                new LessonStep("One SW: solve the weights", "Step 2. Now the latents stay fixed and SW finds the weights: one system per output "
                        + "pixel (784 of them), each with 2,000 equations in 257 unknowns (256 weights and a bias). The error drops sharply: the "
                        + "weights now fit the latents SL found.", "loss-chart", RightTab.LOSS, 2, c -> c.run(TrainAction.STEP_SW)),
                new LessonStep("A layer converges", "Steps 3 to 10. SL and SW alternate: each is the exact optimum of its half of the problem, "
                        + "so the layer's error can only go down. Train layer runs the remaining epochs of the last layer; watch the curve "
                        + "flatten and the progress strip sharpen.", "loss-chart", RightTab.LOSS, 10, c -> c.run(TrainAction.TRAIN_LAYER)),
                new LessonStep("The hand-over", "Step 11. The last layer is done; its latents become the targets of the layer below. This SL "
                        + "works on layer 1: 256 equations in 128 unknowns per digit, fitted to the 256 latents — not to pixels. The panel shows the "
                        + "next solve, SW on layer 1: its weights W₁ are the unknown now. Until then they are random, so the images decoded "
                        + "through them are worse for a moment.",
                        "now-solving", RightTab.NOW_SOLVING, 11, c -> c.run(TrainAction.STEP_SL)),
                new LessonStep("The whole decoder", "Steps 12 to 20. Train all finishes layer 1: its first SW fits its weights and the output "
                        + "MSE on the chart falls back. The codes h₀ now decode through both layers into the row 'After layer 1'.",
                        "recon-grid", RightTab.LOSS, 20, c -> c.run(TrainAction.TRAIN_ALL)),
                new LessonStep("Outliers", "Every solve leaves a residual per datapoint (paper Lemma 4); here those of step 20. The histogram "
                        + "shows them; the gallery below it shows the digits the decoder fits worst — unusual writing, often. Click one to open it.",
                        "residual-gallery", RightTab.LOSS, 20, null),
                new LessonStep("A funnel that fails", "Make the first layer wider than the second (512 → 256) and Theorem 1 fails: a layer with "
                        + "fewer outputs than inputs gives each datapoint fewer equations than unknowns, so its latents are not determined. "
                        + "The ✗ says so and training is disabled until it is fixed: the step counter is back at 0.", "report", null, 0,
                        c -> c.setUp(List.of(512, 256))),
                new LessonStep("Conv-unpool layers", "Step 1 of the paper's convolutional decoder: 6 channels of 7×7 → 2×14×14 → the 28×28 "
                        + "image. Each layer convolves, then spreads every response over a 2×2 patch (unpooling). SL solves a grid of latents "
                        + "through one linear operator (Theorem 3); SW solves one system per kernel over every image position (Theorem 4).",
                        "now-solving", RightTab.NOW_SOLVING, 1, c -> {
                            c.setUp(List.of(128, 256));
                            c.preset("mnist-conv");
                            c.run(TrainAction.STEP_SL);
                        }),
                new LessonStep("Your turn", "That is StarNet: determined systems, solved exactly, layer by layer. Change a width or the slope, "
                        + "step again, compare the curves — and use the step slider to look back at any solve. Finish gives your own work back.",
                        "schedule", null, 1, null));
    }
}
