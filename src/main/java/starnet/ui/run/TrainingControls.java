package starnet.ui.run;

import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;

import starnet.session.TrainAction;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The toolbar: Step SL, Step SW, Step epoch, Train layer, Train all, Pause, Reset and the delay
 * between steps. Disabled buttons explain why in their tooltip (installed on a wrapper, since a
 * disabled control shows no tooltip of its own).
 */
public final class TrainingControls extends javafx.scene.layout.FlowPane {
    private final Map<TrainAction, Button> buttons = new EnumMap<>(TrainAction.class);

    public TrainingControls(RunViewModel vm) {
        var model = vm.model();
        setHgap(6);
        setVgap(4);
        setAlignment(Pos.CENTER_LEFT); // wraps to a second row on a narrow or zoomed window instead of cutting labels
        getStyleClass().add("training-controls");
        for (TrainAction c : TrainAction.values()) {
            Button b = new Button(c.label());
            b.setId("cmd-" + c.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            b.setOnAction(e -> vm.run(c));
            b.disableProperty().bind(vm.trainBlockedReason().isNotEmpty());
            if (c == TrainAction.STEP_SL || c == TrainAction.STEP_SW) b.getStyleClass().add("phase-button");
            if (c == TrainAction.TRAIN_ALL) b.getStyleClass().add("accent");
            buttons.put(c, b);
            String key = KeyCombination.keyCombination(c.shortcut()).getDisplayText();
            getChildren().add(withTooltip(b, Bindings.createStringBinding(() -> {
                String why = vm.trainBlockedReason().get();
                return why.isEmpty() ? c.help() + " (" + key + ")" : why;
            }, vm.trainBlockedReason())));
        }
        Button pause = new Button();
        pause.setId("cmd-pause");
        pause.textProperty().bind(Bindings.when(vm.busy()).then("❚❚ Pause").otherwise("▶ Play"));
        pause.setMinWidth(Region.USE_PREF_SIZE);
        pause.setOnAction(e -> vm.playPause());
        pause.disableProperty().bind(vm.busy().not().and(vm.trainBlockedReason().isNotEmpty()));
        Button reset = new Button("Reset");
        reset.setId("cmd-reset");
        reset.setOnAction(e -> vm.reset());
        reset.disableProperty().bind(model.runningProperty().or(model.datasetProperty().isNull()));
        String pauseKey = KeyCombination.keyCombination("Shortcut+P").getDisplayText(), playKey = KeyCombination.keyCombination("Shortcut+Space").getDisplayText();
        String resetKey = KeyCombination.keyCombination("Shortcut+R").getDisplayText();
        getChildren().add(withTooltip(pause, Bindings.createStringBinding(() -> model.runningProperty().get()
                ? "Pause: training stops within the current solve; the model stays as after the last completed solve (Space or " + pauseKey + ")"
                : vm.busy().get() ? "Cancel the running task (Space or " + pauseKey + ")"
                : vm.trainBlockedReason().get().isEmpty() ? "Play: train every remaining layer, stopping where the boxes on the right say (" + playKey
                        + ", or Space where no button has the focus)"
                : vm.trainBlockedReason().get(), model.runningProperty(), vm.busy(), vm.trainBlockedReason())));
        getChildren().add(withTooltip(reset, Bindings.createStringBinding(() -> "New initial weights from the seed; asks first, and Undo brings the trained steps back (" + resetKey + ")")));

        javafx.scene.control.CheckBox atLayer = new javafx.scene.control.CheckBox("Stop at layer end");
        atLayer.setId("stop-at-layer");
        atLayer.selectedProperty().bindBidirectional(vm.stopAtLayerProperty());
        atLayer.setTooltip(starnet.ui.widgets.Tips.readable(starnet.ui.widgets.Tips.tip("Runs stop by themselves when a layer is done, before its latents become the targets of the layer below; Play continues")));
        javafx.scene.control.CheckBox atEpoch = new javafx.scene.control.CheckBox("Stop after epoch");
        atEpoch.setId("stop-at-epoch");
        atEpoch.selectedProperty().bindBidirectional(vm.stopAtEpochProperty());
        atEpoch.setTooltip(starnet.ui.widgets.Tips.readable(starnet.ui.widgets.Tips.tip("Runs stop by themselves after each epoch (one SL and one SW); Play continues")));
        Slider delay = new Slider(0, RunViewModel.MAX_DELAY_MILLIS, 0);
        delay.setId("delay");
        delay.setPrefWidth(130);
        delay.valueProperty().addListener((obs, o, n) -> vm.delayMillisProperty().set(RunViewModel.snapDelay(n.doubleValue())));
        Label delayLabel = new Label();
        delayLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.delayMillisProperty().get() == 0 ? "Delay: none"
                : String.format("Delay: %.1f s", vm.delayMillisProperty().get() / 1000.0), vm.delayMillisProperty()));
        delayLabel.setMinWidth(Region.USE_PREF_SIZE);
        Tooltip.install(delay, starnet.ui.widgets.Tips.readable(starnet.ui.widgets.Tips.tip("Wait between solves, up to 10 s, for watching each step; all the way left is none")));
        HBox narration = new HBox(8, atLayer, atEpoch, delayLabel, delay);
        narration.setAlignment(Pos.CENTER_LEFT);
        narration.setPadding(new javafx.geometry.Insets(0, 0, 0, 12));
        for (var n : List.of(atLayer, atEpoch)) n.setMinWidth(Region.USE_PREF_SIZE);
        getChildren().add(narration);
        for (var n : getChildren()) if (n instanceof StackPane wrap && wrap.getChildren().get(0) instanceof Button b) b.setMinWidth(Region.USE_PREF_SIZE);
    }

    private static StackPane withTooltip(Button b, javafx.beans.binding.StringBinding text) {
        Tooltip t = new Tooltip();
        t.textProperty().bind(text);
        return starnet.ui.widgets.Tips.wrap(b, t);
    }

}
