/**
 * The JavaFX workbench, on top of the headless session layer ({@link starnet.session}).
 * {@link starnet.ui.Workbench} wires one {@link starnet.session.WorkbenchSession} (its own solver and I/O
 * threads) to {@link starnet.ui.core.SessionModel}, the window's mirror of the session's immutable states,
 * applied on the JavaFX thread at most ~30 times a second. One small view model per panel reads from it
 * and acts on the session ({@link starnet.ui.WorkbenchModels}); {@link starnet.ui.WorkbenchView} and
 * {@link starnet.ui.MainMenu} build the window. Sub-packages follow the panels: {@code dataset},
 * {@code architecture}, {@code run}, {@code reconstruction}, {@code charts}, {@code research}, {@code files};
 * {@code core} holds the mirror and the thread rule, {@code widgets} the reusable controls.
 * View-model state changes only on the JavaFX thread ({@link starnet.ui.core.FxThread#check()} fails elsewhere).
 */
package starnet.ui;
