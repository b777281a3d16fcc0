package starnet.ui;

import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.TextArea;
import javafx.stage.Window;
import starnet.session.AppLog;

import java.io.IOException;

/** A text file that ships inside the application (the third-party licences), in a read-only dialog. */
final class TextFileDialog {
    private TextFileDialog() {}

    /** A bundled text file ({@code resource}, e.g. THIRD-PARTY-NOTICES.md) in a read-only dialog. */
    static void showText(Window owner, String title, String resource) {
        String body;
        try {
            String text = starnet.ui.core.BundledText.read(resource);
            body = text == null ? resource + " is not in this build." : text;
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
