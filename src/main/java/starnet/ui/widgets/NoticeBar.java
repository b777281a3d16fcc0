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
 * errors stay until closed, information fades after a few seconds. Messages wrap; in presenter mode an
 * empty strip takes no room ({@link #collapseWhenEmptyProperty}).
 */
public final class NoticeBar extends HBox {
    static final Duration INFO_VISIBLE = Duration.seconds(6);
    private final Label text = new Label();
    private final PauseTransition hide = new PauseTransition(INFO_VISIBLE);
    private final javafx.beans.property.BooleanProperty collapseWhenEmpty = new javafx.beans.property.SimpleBooleanProperty();
    private final javafx.beans.property.BooleanProperty empty = new javafx.beans.property.SimpleBooleanProperty(true);

    /** When true the strip takes no room while it has no message. */
    public javafx.beans.property.BooleanProperty collapseWhenEmptyProperty() { return collapseWhenEmpty; }

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
        WhileShown.whenHidden(this, hide::stop);
        hide.setOnFinished(e -> {
            if (vm.noticeProperty().get() != null && vm.noticeProperty().get().kind() == Notice.Kind.INFO) vm.dismissNotice();
        });
        close.setVisible(false);
        getStyleClass().add("notice-empty");
        javafx.scene.control.Tooltip whole = starnet.ui.widgets.Tips.tip("");
        whole.textProperty().bind(text.textProperty());
        text.setTooltip(whole);
        managedProperty().bind(empty.and(collapseWhenEmpty).not());
        visibleProperty().bind(managedProperty());
        vm.noticeProperty().addListener((obs, o, n) -> {
            boolean show = n != null;
            empty.set(!show);
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
