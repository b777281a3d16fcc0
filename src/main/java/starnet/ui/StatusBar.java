package starnet.ui;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import starnet.training.StepResult;

/** Backend in use, current phase and status, last step time, progress and memory. */
final class StatusBar extends HBox {
    StatusBar(WorkbenchViewModel vm) {
        setSpacing(10);
        setPadding(new Insets(3, 8, 3, 8));
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("status-bar");
        Label backend = new Label("Backend: " + vm.linearAlgebra().description());
        backend.setId("status-backend");
        Label status = new Label();
        status.setId("status-text");
        status.textProperty().bind(vm.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        Label stepTime = new Label("Last solve: —");
        vm.latestProperty().addListener((obs, o, s) -> {
            StepResult r = s == null ? null : s.step();
            stepTime.setText(r == null ? "Last solve: —" : String.format("Last solve: %.2f s, cond %.3g", r.seconds(), r.condition()));
        });
        ProgressBar progress = new ProgressBar(0);
        progress.setPrefWidth(140);
        progress.progressProperty().bind(Bindings.createDoubleBinding(() -> {
            int[] cells = vm.scheduleProperty().get();
            if (cells.length == 0) return 0.0;
            long done = java.util.Arrays.stream(cells).filter(c -> c == 2 || c == 3).count();
            return done / (double) cells.length;
        }, vm.scheduleProperty()));
        Label memory = new Label();
        memory.setMinWidth(150);
        Timeline tick = new Timeline(new KeyFrame(Duration.seconds(1), e -> memory.setText(memoryText())));
        tick.setCycleCount(Timeline.INDEFINITE);
        tick.play();
        memory.setText(memoryText());
        getChildren().addAll(backend, new Separator(javafx.geometry.Orientation.VERTICAL), status, stepTime, progress, memory);
    }

    static String memoryText() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        return String.format("Memory: %d / %d MB", used >> 20, rt.maxMemory() >> 20);
    }
}
