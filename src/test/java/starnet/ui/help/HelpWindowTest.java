package starnet.ui.help;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Help → Documentation shows the bundled user pages formatted (no Markdown syntax left), and its links lead where they say. */
@ExtendWith(ApplicationExtension.class)
class HelpWindowTest {
    private Stage owner;

    @Start
    void start(Stage stage) {
        owner = stage;
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    private static <T> T fx(Callable<T> c) throws Exception {
        return WaitForAsyncUtils.asyncFx(c).get();
    }

    private static void fxRun(Runnable r) throws Exception {
        WaitForAsyncUtils.asyncFx(r).get();
    }

    private static <T extends Node> List<T> all(Node root, Class<T> type) {
        List<T> out = new ArrayList<>();
        if (type.isInstance(root)) out.add(type.cast(root));
        if (root instanceof Parent p) for (Node c : p.getChildrenUnmodifiable()) out.addAll(all(c, type));
        return out;
    }

    private static String text(Node root) {
        StringBuilder b = new StringBuilder();
        for (Text t : all(root, Text.class)) b.append(t.getText());
        for (Label l : all(root, Label.class)) b.append(l.getText()).append('\n');
        return b.toString();
    }

    @Test
    void everyPageIsFormattedWithNoMarkdownLeft() throws Exception {
        for (HelpPage page : HelpPage.values()) {
            HelpWindow w = fx(() -> HelpWindow.show(owner, page));
            String shown = fx(() -> text(w.page().root()));
            assertTrue(shown.length() > 1000, page + " has its text: " + shown.length());
            for (String raw : List.of("|---", "](", "**", "![", "<!--")) assertFalse(shown.contains(raw), page + " shows raw Markdown " + raw);
            assertNotNull(fx(() -> w.page().root().lookup(".md-h1")), page + " has its title");
            if (page == HelpPage.COMMAND_LINE) assertFalse(fx(() -> all(w.page().root(), GridPane.class)).isEmpty(), page + "'s tables are grids");
            fxRun(() -> w.stage().close());
        }
    }

    @Test
    void linksLeadToPagesAndHeadingsAndPicturesAreShown() throws Exception {
        HelpWindow w = fx(() -> HelpWindow.show(owner, HelpPage.OVERVIEW));
        List<ImageView> pictures = fx(() -> all(w.page().root(), ImageView.class));
        assertFalse(pictures.isEmpty(), "the README's screenshot is shown");
        assertFalse(pictures.get(0).getImage().isError(), "the screenshot loads from the application's resources");

        fxRun(() -> link(w, "The window").fire());
        assertEquals(HelpPage.WINDOW, fx(() -> ((javafx.scene.control.ListView<?>) w.stage().getScene().lookup("#help-pages")).getSelectionModel().getSelectedItem()));
        fxRun(() -> w.stage().close());

        HelpWindow g = fx(() -> HelpWindow.show(owner, HelpPage.OVERVIEW));
        fxRun(() -> link(g, "docs/EXPLORING.md").fire()); // …#what-the-numbers-mean
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fx(() -> text(g.page().root()).contains("What the numbers mean")), "the exploring page is shown");
        double v = fx(() -> ((javafx.scene.control.ScrollPane) g.stage().getScene().lookup("#help-page")).getVvalue());
        assertTrue(v > 0, "scrolled to the heading the link names: " + v);

        HelpWindow h = fx(() -> HelpWindow.show(owner, HelpPage.OVERVIEW));
        fxRun(() -> link(h, "Performance").fire());
        assertTrue(fx(() -> ((Label) h.stage().getScene().lookup("#help-status")).getText()).contains("not of this Help"),
                "an engineering page is named, not opened");
    }

    private static Hyperlink link(HelpWindow w, String text) {
        return all(w.page().root(), Hyperlink.class).stream().filter(h -> h.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no link " + text));
    }
}
