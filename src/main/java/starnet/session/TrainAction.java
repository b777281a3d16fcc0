package starnet.session;

/** What the training buttons ask for; each names its label and keyboard shortcut. */
public enum TrainAction {
    STEP_SL("Step SL", "Shortcut+1", "Solve the latents of the current layer once (weights fixed)"),
    STEP_SW("Step SW", "Shortcut+2", "Solve the weights of the current layer once (latents fixed)"),
    STEP_EPOCH("Step epoch", "Shortcut+E", "One epoch on the current layer: SL then SW (or SW then SL)"),
    TRAIN_LAYER("Train layer", "Shortcut+L", "Epochs on the current layer until it converges or reaches the maximum"),
    TRAIN_ALL("Train all", "Shortcut+T", "Train every remaining layer, last to first");

    private final String label;
    private final String shortcut;
    private final String help;

    TrainAction(String label, String shortcut, String help) {
        this.label = label;
        this.shortcut = shortcut;
        this.help = help;
    }

    public String label() { return label; }
    public String shortcut() { return shortcut; }
    public String help() { return help; }
}
