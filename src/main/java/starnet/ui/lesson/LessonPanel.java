package starnet.ui.lesson;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The lesson's strip above the work area: the step's title and text, Back / Next / Leave, and the
 * control or panel it talks about lit up (and brought into view) while the step is shown.
 */
public final class LessonPanel extends VBox {
    /** A lit panel gets a frame, a control an outline, a drawing (no border of its own) a glow. */
    static final String TARGET_CLASS = "lesson-target", TARGET_CONTROL_CLASS = "lesson-target-control", TARGET_DRAWING_CLASS = "lesson-target-drawing";
    private final LessonViewModel vm;
    private final Function<String, Node> find;
    private final BiConsumer<Node, starnet.ui.core.RightTab> reveal;
    private final Label title = new Label(), text = new Label(), count = new Label();
    private final Button next = new Button();
    private Node lit;

    /**
     * @param find   the node with an id in the window, or null
     * @param reveal shows a tab (the one named, else the node's own) and scrolls the node into view
     */
    public LessonPanel(LessonViewModel vm, Function<String, Node> find, BiConsumer<Node, starnet.ui.core.RightTab> reveal) {
        this.vm = vm;
        this.find = find;
        this.reveal = reveal;
        setId("lesson");
        getStyleClass().add("lesson");
        setSpacing(4);
        setPadding(new Insets(8, 12, 8, 12));
        title.getStyleClass().add("section-title");
        title.setId("lesson-title");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE); // all of it, wrapped: a VBox would otherwise cut it to one line
        text.setId("lesson-text");
        count.getStyleClass().add("muted");
        Button back = new Button("Back");
        back.setId("lesson-back");
        back.setOnAction(e -> vm.back());
        back.disableProperty().bind(vm.indexProperty().lessThanOrEqualTo(0));
        next.setId("lesson-next");
        next.getStyleClass().add("accent");
        next.setOnAction(e -> vm.next());
        Button leave = new Button("Leave the lesson");
        leave.setId("lesson-leave");
        leave.setOnAction(e -> vm.leave());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, count, spacer, back, next, leave);
        buttons.setAlignment(Pos.CENTER_LEFT);
        getChildren().addAll(title, text, buttons);
        visibleProperty().bind(vm.activeProperty());
        managedProperty().bind(vm.activeProperty());
        vm.indexProperty().addListener((obs, o, n) -> show());
        vm.activeProperty().addListener((obs, o, n) -> show());
    }

    private void show() {
        if (lit != null) {
            lit.getStyleClass().removeAll(TARGET_CLASS, TARGET_CONTROL_CLASS, TARGET_DRAWING_CLASS);
            lit = null;
        }
        LessonStep s = vm.current();
        if (s == null) return;
        int i = vm.indexProperty().get();
        title.setText("Lesson — " + s.title());
        text.setText(s.text());
        count.setText("Step " + (i + 1) + " of " + vm.size());
        next.setText(i + 1 < vm.size() ? "Next ▶" : "Finish");
        javafx.application.Platform.runLater(next::requestFocus); // Space, Enter and a clicker move on from here
        Node target = s.targetId() == null ? null : find.apply(s.targetId());
        if (target != null) {
            target.getStyleClass().add(target instanceof javafx.scene.control.Control ? TARGET_CONTROL_CLASS
                    : target instanceof Region ? TARGET_CLASS : TARGET_DRAWING_CLASS);
            lit = target;
        }
        reveal.accept(target, s.tab());
    }

    /** The node lit up by the current step, or null (for tests). */
    public Node litNode() { return lit; }
}
