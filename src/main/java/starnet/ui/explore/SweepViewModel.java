package starnet.ui.explore;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import starnet.model.SweepPlan;
import starnet.model.SweepAxis;
import starnet.model.SweepParam;
import starnet.model.SweepRow;
import starnet.session.TaskKind;
import starnet.ui.core.FxThread;
import starnet.ui.core.SessionModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * A sweep from the window: one or two settings with their values, run in the background on the data in use and the
 * configuration in force; rows arrive as they finish. Each sweep has its own folder (named after its settings and a
 * digest of the configuration), so the same sweep run again resumes where it stopped.
 */
public final class SweepViewModel {
    /** The second setting's choice meaning "none". */
    public static final String NONE = "(none)";
    private final SessionModel model;
    private final Path home;
    private final ObjectProperty<SweepParam> first = new SimpleObjectProperty<>(SweepParam.SLOPE);
    private final StringProperty firstValues = new SimpleStringProperty(SweepAxis.example(SweepParam.SLOPE));
    private final ObjectProperty<Object> second = new SimpleObjectProperty<>(NONE);
    private final StringProperty secondValues = new SimpleStringProperty("");
    private final ObservableList<SweepRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<SweepPlan> sweep = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>();

    /** @param home the folder that holds one folder per sweep */
    public SweepViewModel(SessionModel model, Path home) {
        this.model = model;
        this.home = home;
        first.addListener((obs, o, p) -> firstValues.set(SweepAxis.example(p)));
        second.addListener((obs, o, p) -> secondValues.set(p instanceof SweepParam sp ? SweepAxis.example(sp) : ""));
        model.tasksProperty().addListener((obs, o, t) -> running.set(t.stream().anyMatch(i -> i.kind() == TaskKind.SWEEP)));
    }

    public ObjectProperty<SweepParam> firstProperty() { return first; }
    public StringProperty firstValuesProperty() { return firstValues; }
    /** A {@link SweepParam}, or {@link #NONE}. */
    public ObjectProperty<Object> secondProperty() { return second; }
    public StringProperty secondValuesProperty() { return secondValues; }
    public ObservableList<SweepRow> rows() { return rows; }
    /** What happened last, or what is wrong with the settings. */
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    /** The sweep the rows belong to. */
    public ReadOnlyObjectProperty<SweepPlan> sweepProperty() { return sweep.getReadOnlyProperty(); }
    /** Its folder. */
    public ReadOnlyObjectProperty<Path> folderProperty() { return folder.getReadOnlyProperty(); }

    /** Starts (or resumes) the sweep the settings describe; false with a message when they are not valid. */
    public boolean run() {
        FxThread.check();
        List<SweepAxis> axes = new ArrayList<>();
        SweepPlan s;
        try {
            axes.add(SweepAxis.of(first.get(), firstValues.get()));
            if (second.get() instanceof SweepParam p) axes.add(SweepAxis.of(p, secondValues.get()));
            if (model.configProperty().get() == null || model.datasetProperty().get() == null) throw new IllegalArgumentException("load a dataset first");
            s = new SweepPlan(model.configProperty().get(), axes);
            s.combinations().forEach(s::config);
        } catch (IllegalArgumentException e) {
            message.set("Cannot sweep: " + e.getMessage() + ".");
            return false;
        }
        Path dir = home.resolve(folderName(s));
        sweep.set(s);
        folder.set(dir);
        rows.clear();
        int already = rowsIn(dir.resolve("sweep.csv"));
        message.set((already > 0 ? "Resuming: " + already + " of " + s.combinations().size() + " runs are in " + dir + " already. " : "")
                + "Running " + (s.combinations().size() - Math.min(already, s.combinations().size())) + " trainings into " + dir + " — training waits until the sweep ends or is cancelled.");
        var task = model.session().sweep(s, dir, row -> Platform.runLater(() -> rows.add(row)));
        model.whenDone(task, all -> {
            rows.setAll(all);
            long failed = all.stream().filter(r -> !r.ran()).count();
            message.set(String.format("Done: %d runs%s. Table and figure in %s.", all.size(), failed == 0 ? "" : ", " + failed + " could not run (see the note column)", dir));
        });
        task.exceptionally(e -> {
            Platform.runLater(() -> message.set("Stopped after " + rows.size() + " of " + s.combinations().size() + " runs; they are in " + dir
                    + ". Run sweep again with the same settings to resume."));
            return null;
        });
        return true;
    }

    /** Cancels the sweep that runs (what it finished stays in its folder; running it again resumes). */
    public void cancel() {
        FxThread.check();
        model.tasksProperty().get().stream().filter(t -> t.kind() == TaskKind.SWEEP).forEach(t -> model.session().cancel(t.id()));
    }

    private static int rowsIn(Path csv) {
        try {
            return java.nio.file.Files.exists(csv) ? Math.max(0, java.nio.file.Files.readAllLines(csv).size() - 1) : 0;
        } catch (java.io.IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }

    /** "slope-ridge-1a2b3c4d": the settings swept and a digest of the whole sweep (base configuration and values). */
    static String folderName(SweepPlan s) {
        String names = String.join("-", s.axes().stream().map(a -> a.param().id()).toList());
        String key = s.axes() + "|" + s.config(s.combinations().get(0));
        try {
            byte[] d = java.security.MessageDigest.getInstance("SHA-256").digest(key.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return names + "-" + HexFormat.of().formatHex(d, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e); // every Java has SHA-256
        }
    }

    SessionModel model() { return model; }
}
