package starnet.ui.files;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import starnet.model.FigureKind;
import starnet.model.FigureOptions;
import starnet.session.Notice;
import starnet.session.SessionExports;
import starnet.session.UserFiles;
import starnet.ui.core.DiscardGuard;
import starnet.ui.core.FxThread;
import starnet.ui.core.SessionModel;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.concurrent.CompletableFuture;

/** Sessions and files: new, open, save, recent sessions, undo of the last discard, exports, and the window title. */
public final class FilesViewModel {
    private final SessionModel model;
    private final DiscardGuard guard;
    private final UserFiles userFiles;
    private final ObservableList<Path> recent = FXCollections.observableArrayList();
    private final StringBinding title;

    /** @param userFiles where the recent-sessions list lives, or null to keep it in memory only */
    public FilesViewModel(SessionModel model, DiscardGuard guard, UserFiles userFiles) {
        this.model = model;
        this.guard = guard;
        this.userFiles = userFiles;
        if (userFiles != null) recent.setAll(userFiles.readRecent());
        title = Bindings.createStringBinding(() -> "StarNet Workbench"
                + (model.fileProperty().get() == null ? "" : " — " + model.fileProperty().get().getFileName())
                + (model.dirtyProperty().get() ? " • unsaved" : ""), model.fileProperty(), model.dirtyProperty());
    }

    /** Saves to {@code file} (the title loses its "unsaved" when done). */
    public CompletableFuture<Path> save(Path file) {
        FxThread.check();
        CompletableFuture<Path> f = model.session().save(file);
        model.whenDone(f, this::remember);
        return f;
    }

    /** Opens a saved session; asks first when trained steps would be discarded. */
    public void open(Path file) {
        FxThread.check();
        if (!allow("Opening " + file.getFileName())) return;
        model.whenDone(model.session().open(file), v -> remember(file));
    }

    /** Opens an autosave after a crash: the work comes back untitled and unsaved. */
    public void recover(Path autosave) {
        FxThread.check();
        model.session().recover(autosave);
    }

    /** Defaults and the MNIST sample, untitled; asks first when trained steps would be discarded. */
    public void newSession() {
        FxThread.check();
        if (allow("New session")) model.session().newSession();
    }

    /** Brings back what the last discard replaced. */
    public void undo() {
        FxThread.check();
        model.session().undoDiscard();
    }

    /** Takes back the work the last Undo replaced. */
    public void redo() {
        FxThread.check();
        model.session().redoDiscard();
    }

    private boolean allow(String action) {
        int trained = model.steps().size();
        return trained == 0 || guard.allowDiscard(action, trained);
    }

    /** Writes figure {@code kind} (and its data as CSV beside it) in the background from the session as it would be saved now. */
    public void exportFigure(FigureKind kind, FigureOptions options, Path target) {
        export(target, s -> SessionExports.figure(s, kind, options, target), target + " and " + SessionExports.csvBeside(target).getFileName());
    }

    /** Writes the model as NumPy files into folder {@code dir} in the background. */
    public void exportModel(Path dir) {
        export(dir, s -> SessionExports.model(s, dir), dir.toString());
    }

    /** Writes every step's metrics as CSV in the background. */
    public void exportMetrics(Path file) {
        export(file, s -> SessionExports.metrics(s, file), file.toString());
    }

    private void export(Path target, starnet.session.WorkbenchSession.ContentsWriter writer, String written) {
        FxThread.check();
        model.whenDone(model.session().export("Exporting " + target.getFileName(), writer), v -> model.notify(Notice.info("Wrote " + written + ".")));
    }

    /** Draws figure {@code kind} as it would be exported, at 1× in the background, for the export dialog's preview. */
    public void preview(FigureKind kind, FigureOptions options, Consumer<BufferedImage> onFx) {
        FxThread.check();
        model.whenDone(model.session().contents().thenApplyAsync(s -> SessionExports.preview(s, kind, options)), onFx);
    }

    /** Adds to the recent-sessions list (most recent first, at most 8). */
    public void remember(Path file) {
        FxThread.check();
        recent.remove(file);
        recent.add(0, file);
        if (recent.size() > 8) recent.remove(8, recent.size());
        if (userFiles != null) userFiles.writeRecent(recent);
    }

    public ObservableList<Path> recent() { return recent; }
    public StringBinding title() { return title; }
    public SessionModel model() { return model; }
}
