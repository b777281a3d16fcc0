package starnet.session;

import starnet.model.StepResult;

/** Told about a session's changes, on the thread that made them (the session's worker, or the caller for task bookkeeping). */
public interface SessionListener {
    /** The session changed; {@code state} is the whole new picture. */
    void stateChanged(SessionState state);

    /** A message for the person: what went wrong and what is kept, or what was done. */
    default void notice(Notice notice) {}

    /** A solve finished (before the state that includes it is published). */
    default void stepDone(StepResult step) {}
}
