package starnet.ui;

import starnet.session.Autosave;
import starnet.session.ThreadWorker;
import starnet.session.UserFiles;
import starnet.session.WorkbenchSession;
import starnet.ui.core.DiscardGuard;
import starnet.ui.core.FxScheduler;
import starnet.ui.core.SessionModel;

/**
 * The window's parts wired together: a session on its own solver thread (at a lower operating-system
 * priority, the backend loaded on it so its threads inherit that) and I/O thread, the JavaFX mirror,
 * the panels' view models and the view. Used by the application, the pulse benchmark and the window tests.
 */
public final class Workbench {
    private final FxScheduler scheduler = new FxScheduler();
    private final ThreadWorker solver = new ThreadWorker("starnet-solver", true);
    private final ThreadWorker io = new ThreadWorker("starnet-io", false);
    private final WorkbenchSession session;
    private final WorkbenchModels models;
    private final WorkbenchView view;

    /**
     * @param guard     asks before trained steps are discarded; null = a dialog over this window
     * @param userFiles recent sessions and autosave live here; null = neither (tests)
     */
    public Workbench(DiscardGuard guard, UserFiles userFiles) {
        this(guard, userFiles, null);
    }

    /**
     * A workbench that starts loading {@code startData} (null = nothing) as soon as its session exists, so the data
     * loads and the first model is made on the solver thread while the window is being built. The backend loads on
     * the solver thread first, once JavaFX has started: loading the native library while GTK initialised deadlocked
     * once in eight launches (the dynamic linker's lock).
     */
    public Workbench(DiscardGuard guard, UserFiles userFiles, starnet.model.DataSpec startData) {
        session = WorkbenchSession.forWindow(starnet.session.Compute.defaults(), solver, io);
        if (userFiles != null) session.setAutosave(new Autosave(userFiles.autosave(), io));
        SessionModel model = new SessionModel(session, scheduler);
        if (userFiles != null) model.folders().keepIn(userFiles.foldersFile());
        if (startData != null) session.load(startData);
        WorkbenchView[] self = new WorkbenchView[1];
        DiscardGuard g = guard != null ? guard : new DiscardDialog(() -> self[0].root().getScene().getWindow());
        models = WorkbenchModels.create(model, g, userFiles);
        view = new WorkbenchView(models);
        self[0] = view;
    }

    public WorkbenchSession session() { return session; }
    public WorkbenchModels models() { return models; }
    public WorkbenchView view() { return view; }

    /** Runs {@code r} on the solver thread (e.g. to read its priority). */
    public void onSolver(Runnable r) { solver.submit(r); }

    public void shutdown() {
        solver.shutdown();
        io.shutdown();
        scheduler.shutdown();
    }
}
