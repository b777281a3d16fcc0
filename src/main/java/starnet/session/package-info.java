/**
 * The application layer, without JavaFX: {@link starnet.session.WorkbenchSession} owns one workbench
 * session — the configuration, the data, the pinned items, the run and its history, the file it belongs
 * to and whether it differs from it, the last discarded work for undo, autosave — and runs every long job
 * as a typed, cancellable background task ({@link starnet.session.TaskKind}) on its {@link starnet.session.Worker}.
 * Its state is touched only on that worker; listeners get immutable {@link starnet.session.SessionState}s.
 * The command line drives it with a {@link starnet.session.CallerWorker}; the window with threads of its own.
 * Also here: the paper's experiments ({@link starnet.session.Experiments}), research jobs on a trained model
 * ({@link starnet.session.Research}), exports ({@link starnet.session.SessionExports}) and the user's files
 * under {@code ~/.starnet} ({@link starnet.session.UserFiles}).
 */
package starnet.session;
