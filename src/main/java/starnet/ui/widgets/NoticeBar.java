package starnet.ui.widgets;

import starnet.session.Notice;

import javafx.animation.PauseTransition;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.util.Duration;

/**
 * A message strip above the work area that keeps its own space whether or not it shows a message, so
 * nothing below it moves when a message comes or goes (no mis-clicks) and it never covers controls:
 * errors stay until closed, information fades after a few seconds.
 */
public final class NoticeBar extends HBox {
    static final Duration INFO_VISIBLE = Duration.seconds(6);
    private final Label text = new Label();
    private final PauseTransition hide = new PauseTransition(INFO_VISIBLE);

    public NoticeBar(starnet.ui.core.SessionModel vm) {
        setId("notice-bar");
        setSpacing(8);
        setAlignment(Pos.CENTER_LEFT);
        setPadding(new Insets(6, 10, 6, 10));
        text.setWrapText(true);
        text.setId("notice-text");
        HBox.setHgrow(text, Priority.ALWAYS);
        text.setMaxWidth(Double.MAX_VALUE);
        Button close = new Button("✕");
        close.getStyleClass().add("notice-close");
        close.setOnAction(e -> vm.dismissNotice());
        getChildren().addAll(text, close);
        hide.setOnFinished(e -> {
            if (vm.noticeProperty().get() != null && vm.noticeProperty().get().kind() == Notice.Kind.INFO) vm.dismissNotice();
        });
        close.setVisible(false);
        getStyleClass().add("notice-empty");
        vm.noticeProperty().addListener((obs, o, n) -> {
            boolean show = n != null;
            close.setVisible(show);
            getStyleClass().removeAll("notice-error", "notice-info", "notice-empty");
            if (!show) {
                text.setText("");
                getStyleClass().add("notice-empty");
                return;
            }
            text.setText(n.text());
            getStyleClass().add(n.kind() == Notice.Kind.ERROR ? "notice-error" : "notice-info");
            if (n.kind() == Notice.Kind.INFO) hide.playFromStart();
            else hide.stop();
        });
    }
}
