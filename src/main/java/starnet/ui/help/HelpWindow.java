package starnet.ui.help;

import javafx.application.Platform;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import starnet.session.AppLog;

import java.io.IOException;

/**
 * Help → Documentation: the user pages listed on the left, the chosen one formatted on the right; links between pages
 * and to headings are followed. Reads only what ships inside the application, so it works offline. FX thread only.
 */
public final class HelpWindow {
    private final Stage stage = new Stage();
    private final ListView<HelpPage> pages = new ListView<>();
    private final ScrollPane scroll = new ScrollPane();
    private final Label status = new Label();
    private MarkdownView shown;

    private HelpWindow(Window owner) {
        stage.initOwner(owner);
        stage.setTitle("StarNet Workbench — Documentation");
        pages.getItems().setAll(HelpPage.values());
        pages.setId("help-pages");
        pages.setPrefWidth(220);
        scroll.setFitToWidth(true);
        scroll.setId("help-page");
        pages.getSelectionModel().selectedItemProperty().addListener((obs, o, p) -> {
            if (p != null) display(p);
        });
        SplitPane split = new SplitPane(pages, scroll);
        split.setDividerPositions(0.22);
        BorderPane root = new BorderPane(split);
        status.setPadding(new Insets(2, 8, 2, 8));
        status.setId("help-status");
        root.setBottom(status);
        root.getStylesheets().add(HelpWindow.class.getResource("/starnet/ui/workbench.css").toExternalForm());
        stage.setScene(new Scene(root, 1040, 680));
    }

    /** Opens the documentation at {@code page}. */
    public static HelpWindow show(Window owner, HelpPage page) {
        HelpWindow w = new HelpWindow(owner);
        w.pages.getSelectionModel().select(page);
        w.stage.show();
        return w;
    }

    public Stage stage() { return stage; }

    /** The page on screen. */
    public MarkdownView page() { return shown; }

    private void display(HelpPage page) {
        shown = new MarkdownView(read(page.resource()), page.resource(), this::follow);
        scroll.setContent(shown.root());
        scroll.setVvalue(0);
        status.setText("");
    }

    private void follow(String resource, String anchor) {
        if (resource == null) { // a heading of this page
            scrollTo(shown.anchor(anchor));
            return;
        }
        HelpPage target = HelpPage.ofResource(resource);
        if (target == null) {
            status.setText(resource + " is part of the project's documentation (its docs folder), not of this Help.");
            return;
        }
        if (pages.getSelectionModel().getSelectedItem() == target) {
            if (anchor != null) scrollTo(shown.anchor(anchor));
            return;
        }
        pages.getSelectionModel().select(target);
        if (anchor != null) Platform.runLater(() -> scrollTo(shown.anchor(anchor)));
    }

    private void scrollTo(Node heading) {
        if (heading == null) return;
        scroll.layout();
        double content = shown.root().getHeight() - scroll.getViewportBounds().getHeight();
        if (content > 0) scroll.setVvalue(Math.min(1, heading.getBoundsInParent().getMinY() / content));
    }

    private static String read(String resource) {
        try {
            String text = starnet.ui.core.BundledText.read(resource);
            if (text != null) return text;
        } catch (IOException e) {
            AppLog.error("reading " + resource + " of the documentation", e);
        }
        return "# Not in this build\n\n" + resource + " is not part of this build of the application.";
    }
}
