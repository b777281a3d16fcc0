package starnet.session;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The session's background tasks, waiting and running; thread-safe (submitters, the worker and cancel buttons all use it). */
final class Tasks {
    private final Map<Long, Entry> entries = new LinkedHashMap<>();
    private final Runnable changed;
    private long nextId = 1;

    /** @param changed called after every change of the list or of a task's progress */
    Tasks(Runnable changed) {
        this.changed = changed;
    }

    /** One task: its public face and its cancellation flag; handed to the work as its {@link TaskContext}. */
    final class Entry implements TaskContext {
        private volatile TaskInfo info;
        private volatile boolean cancelled;

        private Entry(TaskInfo info) {
            this.info = info;
        }

        TaskInfo info() { return info; }

        @Override public boolean isCancelled() { return cancelled; }

        @Override
        public void progress(double fraction, String detail) {
            info = info.withProgress(fraction, detail == null ? "" : detail);
            changed.run();
        }

        void cancel() { cancelled = true; }
    }

    Entry add(TaskKind kind, String title) {
        Entry e;
        synchronized (this) {
            e = new Entry(new TaskInfo(nextId++, kind, title, -1, "", false));
            entries.put(e.info.id(), e);
        }
        changed.run();
        return e;
    }

    void started(Entry e) {
        e.info = e.info.started();
        changed.run();
    }

    void remove(Entry e) {
        synchronized (this) {
            entries.remove(e.info.id());
        }
        changed.run();
    }

    /** Running tasks first, then the waiting ones in order. */
    synchronized List<TaskInfo> list() {
        List<TaskInfo> out = new ArrayList<>();
        for (Entry e : entries.values()) if (e.info.running()) out.add(e.info);
        for (Entry e : entries.values()) if (!e.info.running()) out.add(e.info);
        return List.copyOf(out);
    }

    /** Cancels task {@code id}; false when no such task is waiting or running. */
    synchronized boolean cancel(long id) {
        Entry e = entries.get(id);
        if (e == null) return false;
        e.cancel();
        return true;
    }

    /** Cancels the running tasks (a waiting task still runs). True when there was one. */
    synchronized boolean cancelRunning() {
        boolean any = false;
        for (Entry e : entries.values()) {
            if (e.info.running()) {
                e.cancel();
                any = true;
            }
        }
        return any;
    }
}
