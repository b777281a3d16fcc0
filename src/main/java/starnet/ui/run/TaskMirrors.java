package starnet.ui.run;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.concurrent.Task;
import starnet.session.TaskInfo;
import starnet.ui.core.FxThread;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.LongConsumer;

/**
 * The session's background tasks as JavaFX {@link Task}s, for ControlsFX's task list: one mirror per
 * session task, showing its title, detail and progress; it ends when the session's task leaves the list, and
 * cancelling it cancels the session's task. A mirror does no work: its thread only waits for the end.
 */
final class TaskMirrors {
    private final ObservableList<Task<Void>> tasks = FXCollections.observableArrayList();
    private final Map<Long, Mirror> byId = new HashMap<>();
    private final LongConsumer cancel;
    private final ExecutorService waiters = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "task-mirror");
        t.setDaemon(true);
        return t;
    });

    /** @param cancel cancels the session task with this id */
    TaskMirrors(LongConsumer cancel) {
        this.cancel = cancel;
    }

    /** Ends every mirror and its waiting thread (the window is gone; its tasks are no longer shown). */
    void dispose() {
        for (Mirror m : byId.values()) m.finish();
        byId.clear();
        waiters.shutdown();
    }

    /** The mirrors of the tasks in the list last shown. */
    ObservableList<Task<Void>> tasks() { return tasks; }

    /** Follows the session's task list (FX thread). */
    void show(List<TaskInfo> list) {
        FxThread.check();
        Map<Long, TaskInfo> now = new HashMap<>();
        for (TaskInfo t : list) now.put(t.id(), t);
        for (var it = byId.entrySet().iterator(); it.hasNext(); ) {
            var e = it.next();
            if (!now.containsKey(e.getKey())) {
                e.getValue().finish();
                it.remove();
            }
        }
        for (TaskInfo t : list) {
            Mirror m = byId.get(t.id());
            if (m == null) {
                m = new Mirror(t.id());
                byId.put(t.id(), m);
                if (waiters.isShutdown()) continue;
                tasks.add(m);
                waiters.execute(m);
            }
            m.show(t);
        }
    }

    /** One session task. */
    private final class Mirror extends Task<Void> {
        private final long id;
        private final CountDownLatch ended = new CountDownLatch(1);

        Mirror(long id) {
            this.id = id;
            setOnSucceeded(e -> tasks.remove(this));
            setOnCancelled(e -> tasks.remove(this));
            setOnFailed(e -> tasks.remove(this));
        }

        void show(TaskInfo t) {
            updateTitle(t.title());
            updateMessage(t.running() ? (t.detail().isEmpty() ? t.kind().label() : t.detail()) : "waiting for the task before it");
            if (t.running() && t.progress() >= 0) updateProgress(t.progress(), 1);
            else updateProgress(-1, 1);
        }

        void finish() { ended.countDown(); }

        @Override
        protected Void call() throws InterruptedException {
            ended.await();
            return null;
        }

        @Override
        protected void cancelled() {
            cancel.accept(id);
        }
    }
}
