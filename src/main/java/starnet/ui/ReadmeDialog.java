package starnet.ui;

import javafx.geometry.Insets;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import starnet.session.AppLog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The README that ships inside the application, by section (Help menu), readable offline. */
final class ReadmeDialog {
    private ReadmeDialog() {}

    /** "## Heading" → its text, in order. */
    static Map<String, String> sections() {
        Map<String, String> out = new LinkedHashMap<>();
        try (InputStream in = ReadmeDialog.class.getClassLoader().getResourceAsStream("README.md")) {
            if (in == null) return out;
            String heading = "Introduction";
            StringBuilder body = new StringBuilder();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.startsWith("## ")) {
                    out.put(heading, body.toString().strip());
                    heading = line.substring(3).strip();
                    body.setLength(0);
                } else {
                    body.append(line).append('\n');
                }
            }
            out.put(heading, body.toString().strip());
        } catch (IOException e) {
            AppLog.error("reading the bundled README", e);
        }
        return out;
    }

    static List<String> headings() { return new ArrayList<>(sections().keySet()); }

    static void show(Window owner, String section) {
        Map<String, String> s = sections();
        ListView<String> list = new ListView<>();
        list.getItems().setAll(s.keySet());
        TextArea text = new TextArea();
        text.setEditable(false);
        text.setWrapText(true);
        text.setStyle("-fx-font-family: monospace;");
        list.getSelectionModel().selectedItemProperty().addListener((obs, o, n) -> text.setText(n == null ? "" : s.get(n)));
        list.getSelectionModel().select(s.containsKey(section) ? section : s.keySet().stream().findFirst().orElse(null));
        SplitPane pane = new SplitPane(list, text);
        pane.setDividerPositions(0.28);
        pane.setPrefSize(980, 620);
        pane.setPadding(new Insets(4));
        Alert a = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        a.initOwner(owner);
        a.setTitle("StarNet Workbench — README");
        a.getDialogPane().setContent(pane);
        a.setResizable(true);
        a.show();
    }

    /** A bundled text file ({@code resource}, e.g. THIRD-PARTY-NOTICES.md) in a read-only dialog. */
    static void showText(Window owner, String title, String resource) {
        String body;
        try (InputStream in = ReadmeDialog.class.getClassLoader().getResourceAsStream(resource)) {
            body = in == null ? resource + " is not in this build." : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            AppLog.error("reading " + resource, e);
            body = resource + " could not be read.";
        }
        TextArea text = new TextArea(body);
        text.setEditable(false);
        text.setWrapText(true);
        text.setStyle("-fx-font-family: monospace;");
        text.setPrefSize(900, 560);
        Alert a = new Alert(Alert.AlertType.NONE, "", ButtonType.CLOSE);
        a.initOwner(owner);
        a.setTitle(title);
        a.getDialogPane().setContent(text);
        a.setResizable(true);
        a.show();
    }
}
