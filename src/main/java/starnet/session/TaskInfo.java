package starnet.session;

/**
 * What a running or queued background task looks like from outside (immutable).
 *
 * @param id       unique within the session, increasing
 * @param kind     what sort of job
 * @param title    what it does, in plain words
 * @param progress 0–1, or −1 when unknown
 * @param detail   the latest progress line, or ""
 * @param running  false while it waits for the task before it
 */
public record TaskInfo(long id, TaskKind kind, String title, double progress, String detail, boolean running) {
    TaskInfo withProgress(double p, String d) { return new TaskInfo(id, kind, title, p, d, running); }

    TaskInfo started() { return new TaskInfo(id, kind, title, progress, detail, true); }
}
