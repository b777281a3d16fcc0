/** The window's mirror of the session ({@link starnet.ui.core.SessionModel}), the JavaFX-thread rule, coalesced scheduling, and the discard question. */
package starnet.ui.core;
