package starnet.ui;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;
import starnet.session.UserFiles;

/**
 * Every way the window closes: it asks first when trained steps are not saved (the work in the window, and work set
 * aside for the lesson), and each way out — Discard, Save… once the file is written, or nothing to ask — remembers
 * the window's placement and marks the close normal, so the next start offers no recovery.
 */
final class WindowClosing {
    private final Stage stage;
    private final WorkbenchModels models;
    private final WorkbenchView view;
    private final UserFiles files;

    private WindowClosing(Stage stage, WorkbenchModels models, WorkbenchView view, UserFiles files) {
        this.stage = stage;
        this.models = models;
        this.view = view;
        this.files = files;
    }

    /** Handles {@code stage}'s close requests. */
    static void install(Stage stage, WorkbenchModels models, WorkbenchView view, UserFiles files) {
        WindowClosing c = new WindowClosing(stage, models, view, files);
        stage.setOnCloseRequest(e -> {
            if (!c.mayClose()) {
                e.consume();
                return;
            }
            c.closed();
        });
    }

    private void closed() {
        files.writePlacement(new UserFiles.WindowPlacement(stage.getX(), stage.getY(), stage.getScene().getWidth(), stage.getScene().getHeight(),
                view.zoomOutsidePresenter()));
        files.markClosed();
    }

    /** Asks before closing with unsaved steps: Save, Discard or Cancel. True when the window may close now. */
    private boolean mayClose() {
        var state = models.session().stateProperty().get();
        int parked = state == null ? 0 : state.parkedUnsaved();
        boolean dirty = models.session().dirtyProperty().get() && !view.lesson().activeProperty().get();
        if (!dirty && parked == 0) return true;
        int steps = parked > 0 ? parked : models.session().steps().size();
        String what = steps + " trained step" + (steps == 1 ? " is" : "s are") + " not saved in a session file"
                + (parked > 0 ? " (the work set aside for the lesson; Save… ends the lesson and saves it)." : ".");
        ButtonType save = new ButtonType("Save…");
        ButtonType discard = new ButtonType("Discard");
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, what, save, discard, ButtonType.CANCEL);
        a.initOwner(stage);
        a.setHeaderText("Save the session before closing?");
        a.getDialogPane().setId("close-dialog");
        DialogDefaults.defaultIs(a, save); // Enter keeps the work
        var choice = a.showAndWait().orElse(ButtonType.CANCEL);
        if (choice == discard) return true;
        if (choice == save) {
            if (parked > 0) view.lesson().leave(); // the work comes back into the window, then it is saved
            var unused = view.menu().save(false).thenRun(() -> Platform.runLater(() -> { // a failed save is told by the session and keeps the window
                closed();
                stage.close();
            }));
        }
        return false; // Save… closes once the file is written
    }
}
