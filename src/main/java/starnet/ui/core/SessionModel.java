package starnet.ui.core;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import starnet.model.PcaBound;
import starnet.model.Dataset;
import starnet.model.DeterminednessReport;
import starnet.model.LayerPlan;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;
import starnet.model.TrainingSnapshot;
import starnet.session.Notice;
import starnet.session.SessionListener;
import starnet.session.SessionState;
import starnet.session.TaskInfo;
import starnet.session.TrainAction;
import starnet.session.WorkbenchSession;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * The window's mirror of a {@link WorkbenchSession}: its latest {@link SessionState} as JavaFX
 * properties and lists, updated on the JavaFX thread only. The session publishes immutable states from
 * its worker; only the newest is applied, at most ~30 times a second ({@link FxScheduler}), and the
 * history and step lists change incrementally. The panels' view models read from here and act on the session.
 */
public final class SessionModel {
    private final WorkbenchSession session;
    private final FxScheduler ui;
    private final LastFolders folders = new LastFolders();
    private final AtomicReference<SessionState> pending = new AtomicReference<>();
    private final ConcurrentLinkedQueue<Notice> notices = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();

    private final ReadOnlyObjectWrapper<SessionState> state = new ReadOnlyObjectWrapper<>();
    private final ObservableList<TrainingSnapshot> history = FXCollections.observableArrayList();
    private final ObservableList<StepResult> steps = FXCollections.observableArrayList();
    private final ObservableList<TrainingSnapshot> historyView = FXCollections.unmodifiableObservableList(history);
    private final ObservableList<StepResult> stepsView = FXCollections.unmodifiableObservableList(steps);
    private final ReadOnlyObjectWrapper<TrainingSnapshot> latest = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Dataset> dataset = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyIntegerWrapper datapoints = new ReadOnlyIntegerWrapper();
    private final ReadOnlyObjectWrapper<StarNetConfig> config = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<LayerPlan>> plan = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<DeterminednessReport> report = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<int[]> pinned = new ReadOnlyObjectWrapper<>(new int[0]);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<TrainAction> activeCommand = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper finished = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper();
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<TaskInfo>> tasks = new ReadOnlyObjectWrapper<>(List.of());
    private final ReadOnlyStringWrapper undoable = new ReadOnlyStringWrapper();
    private final ReadOnlyStringWrapper redoable = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<PcaBound> pca = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Starting");
    private final ReadOnlyStringWrapper trainBlocked = new ReadOnlyStringWrapper("Load a dataset first");
    private final ReadOnlyObjectWrapper<Notice> notice = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<java.util.Map<Integer, starnet.model.SystemInspection>> inspections = new ReadOnlyObjectWrapper<>(java.util.Map.of());
    private final ReadOnlyObjectWrapper<starnet.model.LatentMap> latentMap = new ReadOnlyObjectWrapper<>();

    public SessionModel(WorkbenchSession session, FxScheduler ui) {
        this.session = session;
        this.ui = ui;
        session.addListener(new SessionListener() {
            @Override
            public void stateChanged(SessionState s) {
                pending.set(s);
                schedule();
            }

            @Override
            public void notice(Notice n) {
                notices.add(n);
                schedule();
            }
        });
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) ui.later(this::drain);
    }

    private void drain() {
        scheduled.set(false);
        SessionState s = pending.getAndSet(null);
        if (s != null) apply(s);
        Notice n;
        while ((n = notices.poll()) != null) notice.set(n);
    }

    /** Shows {@code s} (JavaFX thread only). */
    @SuppressWarnings("ReferenceEquality") // states share unchanged parts: identity tells a property it has nothing new, without comparing big values
    public void apply(SessionState s) {
        FxThread.check();
        // the facts first, then the lists, then the whole state: a view that refreshes on a list change or on
        // the state sees every fact of the same state
        if (s.dataset() != dataset.get()) dataset.set(s.dataset());
        datapoints.set(s.datapoints());
        config.set(s.config());
        plan.set(s.plan());
        report.set(s.report());
        problem.set(s.problem());
        if (!Arrays.equals(s.pinned(), pinned.get())) pinned.set(s.pinned());
        running.set(s.running());
        activeCommand.set(s.activeCommand());
        finished.set(s.finished());
        loading.set(s.busyWith(starnet.session.TaskKind.LOAD) || s.busyWith(starnet.session.TaskKind.OPEN));
        dirty.set(s.dirty());
        file.set(s.file());
        if (!s.tasks().equals(tasks.get())) tasks.set(s.tasks());
        undoable.set(s.undoable());
        redoable.set(s.redoable());
        pca.set(s.pca());
        if (!s.inspections().equals(inspections.get())) inspections.set(s.inspections());
        if (s.latentMap() != latentMap.get()) latentMap.set(s.latentMap());
        status.set(s.status());
        trainBlocked.set(s.trainBlockedReason());
        ListSync.sync(steps, s.steps());
        ListSync.sync(history, s.history());
        TrainingSnapshot l = s.latest();
        if (l != latest.get()) latest.set(l);
        state.set(s);
    }

    /** Shows a message in the notification bar (JavaFX thread only). */
    public void notify(Notice n) {
        FxThread.check();
        notice.set(n);
    }

    public void dismissNotice() {
        FxThread.check();
        notice.set(null);
    }

    /** Hands a task's result to {@code onFx} on the JavaFX thread; failures were already told as notices. */
    public <T> void whenDone(CompletableFuture<T> task, Consumer<T> onFx) {
        var unused = task.thenAccept(r -> ui.later(() -> onFx.accept(r)));
    }

    public WorkbenchSession session() { return session; }

    /** Where the file dialogs open: the folder each kind last used. */
    public LastFolders folders() { return folders; }
    /** What the backend is, in a few words. */
    public String backendDescription() { return session.backendDescription(); }

    public ReadOnlyObjectProperty<SessionState> stateProperty() { return state.getReadOnlyProperty(); }
    public ObservableList<TrainingSnapshot> history() { return historyView; }
    public ObservableList<StepResult> steps() { return stepsView; }
    public ReadOnlyObjectProperty<TrainingSnapshot> latestProperty() { return latest.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Dataset> datasetProperty() { return dataset.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty datapointsProperty() { return datapoints.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<StarNetConfig> configProperty() { return config.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<LayerPlan>> planProperty() { return plan.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<DeterminednessReport> reportProperty() { return report.getReadOnlyProperty(); }
    public ReadOnlyStringProperty problemProperty() { return problem.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<int[]> pinnedProperty() { return pinned.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty runningProperty() { return running.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<TrainAction> activeCommandProperty() { return activeCommand.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty finishedProperty() { return finished.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty dirtyProperty() { return dirty.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Path> fileProperty() { return file.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<TaskInfo>> tasksProperty() { return tasks.getReadOnlyProperty(); }
    public ReadOnlyStringProperty undoableProperty() { return undoable.getReadOnlyProperty(); }
    /** What Redo would bring back, or null. */
    public ReadOnlyStringProperty redoableProperty() { return redoable.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<PcaBound> pcaProperty() { return pca.getReadOnlyProperty(); }
    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }
    /** Why training cannot start, from the session ("" when it can); the editor adds its own reason. */
    public ReadOnlyStringProperty sessionBlockedReasonProperty() { return trainBlocked.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<Notice> noticeProperty() { return notice.getReadOnlyProperty(); }
    /** Solver inspections of the run's steps, by step index. */
    public ReadOnlyObjectProperty<java.util.Map<Integer, starnet.model.SystemInspection>> inspectionsProperty() { return inspections.getReadOnlyProperty(); }
    /** The run's latest latent map, or null. */
    public ReadOnlyObjectProperty<starnet.model.LatentMap> latentMapProperty() { return latentMap.getReadOnlyProperty(); }
}
