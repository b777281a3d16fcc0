package starnet.ui.run;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;
import org.controlsfx.control.PopOver;
import org.controlsfx.control.TaskProgressView;
import starnet.model.StepResult;
import starnet.session.TaskInfo;
import starnet.ui.core.SessionModel;

import java.util.List;

/**
 * Backend in use, status, last step time, the background task that runs (with its progress and a
 * Cancel button, and how many wait behind it; "Tasks…" lists them all in ControlsFX's task view, each
 * with its own progress and cancel), the schedule's progress and memory.
 */
public final class StatusBar extends HBox {
    private final Label task = new Label();
    private final ProgressBar taskProgress = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final Tooltip taskTip = starnet.ui.widgets.Tips.tip("");
    /** What presenter mode leaves out, so the status itself fits: the backend, memory, the last solve's time. */
    private final List<javafx.scene.Node> details = new java.util.ArrayList<>();

    public StatusBar(RunViewModel vm) {
        SessionModel model = vm.model();
        setSpacing(10);
        setPadding(new Insets(3, 8, 3, 8));
        setAlignment(Pos.CENTER_LEFT);
        getStyleClass().add("status-bar");
        Label backend = new Label("Backend: " + model.backendDescription());
        backend.setId("status-backend");
        Label status = new Label();
        status.setId("status-text");
        status.textProperty().bind(model.statusProperty());
        HBox.setHgrow(status, Priority.ALWAYS);
        status.setMaxWidth(Double.MAX_VALUE);
        status.setMinWidth(120);
        Tooltip statusTip = starnet.ui.widgets.Tips.tip("");
        statusTip.textProperty().bind(model.statusProperty()); // the whole status when the bar shortens it
        status.setTooltip(statusTip);
        Label stepTime = new Label("Last solve: —");
        model.latestProperty().addListener((obs, o, s) -> {
            StepResult r = s == null ? null : s.step();
            stepTime.setText(r == null ? "Last solve: —" : String.format("Last solve: %.2f s, cond %.3g", r.seconds(), r.condition()));
        });
        task.setId("task-title");
        Tooltip.install(task, taskTip);
        taskProgress.setPrefWidth(110);
        cancel.setId("task-cancel");
        cancel.getStyleClass().add("small");
        Button all = new Button("Tasks…");
        all.setId("task-list");
        all.getStyleClass().add("small");
        all.setTooltip(starnet.ui.widgets.Tips.tip("Every background task, running and waiting, each with its progress and its own cancel button"));
        TaskMirrors mirrors = new TaskMirrors(vm::cancel);
        model.tasksProperty().addListener((obs, o, t) -> mirrors.show(t));
        mirrors.show(model.tasksProperty().get());
        starnet.ui.widgets.WhileShown.whenHidden(this, mirrors::dispose);
        TaskProgressView<javafx.concurrent.Task<Void>> list = new TaskProgressView<>();
        list.setId("task-progress-view");
        mirrors.tasks().addListener((javafx.collections.ListChangeListener<javafx.concurrent.Task<Void>>) c -> {
            while (c.next()) list.getTasks().addAll(c.getAddedSubList()); // the view drops each task itself when it ends
        });
        list.setPrefSize(420, 220);
        PopOver pop = new PopOver(list);
        pop.setTitle("Background tasks");
        pop.setHeaderAlwaysVisible(true);
        pop.setArrowLocation(PopOver.ArrowLocation.BOTTOM_RIGHT);
        pop.setDetachable(false);
        all.setOnAction(e -> {
            if (pop.isShowing()) pop.hide();
            else pop.show(all);
        });
        all.visibleProperty().bind(Bindings.isNotEmpty(mirrors.tasks()));
        all.managedProperty().bind(all.visibleProperty());
        cancel.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        all.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        HBox taskBox = new HBox(6, task, taskProgress, cancel, all);
        taskBox.setAlignment(Pos.CENTER_LEFT);
        taskBox.setId("task-box");
        model.tasksProperty().addListener((obs, o, t) -> showTasks(t, vm));
        showTasks(model.tasksProperty().get(), vm);
        ProgressBar progress = new ProgressBar(0);
        progress.setPrefWidth(110);
        Tooltip.install(progress, starnet.ui.widgets.Tips.tip("Share of the schedule done (every layer × epoch × phase)"));
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
        starnet.ui.widgets.WhileShown.play(memory, tick);
        memory.setText(memoryText());
        Separator separator = new Separator(javafx.geometry.Orientation.VERTICAL);
        getChildren().addAll(backend, separator, status, stepTime, taskBox, progress, memory);
        details.addAll(List.of(backend, separator, stepTime, memory));
    }

    /** Presenter mode: the status, tasks and progress only, so they fit at a large zoom. */
    public void setPresenting(boolean on) {
        for (javafx.scene.Node n : details) {
            n.setVisible(!on);
            n.setManaged(!on);
        }
    }

    /** The first running task with its progress and Cancel; "+N waiting" when others queue behind it. */
    private void showTasks(List<TaskInfo> tasks, RunViewModel vm) {
        TaskInfo first = tasks.isEmpty() ? null : tasks.get(0);
        boolean show = first != null && first.kind() != starnet.session.TaskKind.TRAIN; // training has the toolbar and the ribbon
        task.setVisible(show);
        taskProgress.setVisible(show);
        cancel.setVisible(show);
        if (!show) return;
        task.setText(first.title() + (tasks.size() > 1 ? "  (+" + (tasks.size() - 1) + " waiting)" : ""));
        taskTip.setText(first.detail().isEmpty() ? first.kind().label() : first.detail());
        taskProgress.setProgress(first.progress() < 0 ? ProgressBar.INDETERMINATE_PROGRESS : first.progress());
        cancel.setOnAction(e -> vm.cancel(first.id()));
    }

    static String memoryText() {
        Runtime rt = Runtime.getRuntime();
        long used = rt.totalMemory() - rt.freeMemory();
        return String.format("Memory: %d / %d MB", used >> 20, rt.maxMemory() >> 20);
    }
}
