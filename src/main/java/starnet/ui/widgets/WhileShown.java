package starnet.ui.widgets;

import javafx.animation.Animation;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Window;

import java.util.function.Consumer;

/**
 * Work tied to a node being in a window on screen. An endless animation is held by the toolkit's timer, and a waiting
 * thread by itself, with everything they touch: left running after their window closed, either would keep that whole
 * window (and its session's data) alive for the rest of the process. FX thread only.
 */
public final class WhileShown {
    private WhileShown() {}

    /** Runs {@code animation} only while {@code node} is shown. */
    public static void play(Node node, Animation animation) {
        follow(node, shown -> {
            if (shown) animation.play();
            else animation.stop();
        });
    }

    /** Runs {@code action} each time {@code node} stops being shown (its window closed, or its scene left the window). */
    public static void whenHidden(Node node, Runnable action) {
        follow(node, shown -> {
            if (!shown) action.run();
        });
    }

    private static void follow(Node node, Consumer<Boolean> change) {
        ObservableValue<Boolean> shown = node.sceneProperty().flatMap(Scene::windowProperty).flatMap(Window::showingProperty).orElse(false);
        KeptWith.keep(node, shown); // the node keeps its own observer
        shown.addListener((obs, was, is) -> change.accept(is));
        if (shown.getValue()) change.accept(true);
    }
}
