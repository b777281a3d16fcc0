/**
 * The JavaFX workbench: {@link starnet.ui.WorkbenchViewModel} holds every piece of state and action
 * without views (tested with {@link starnet.ui.DirectThreads}); {@link starnet.ui.WorkbenchView} builds
 * the window and does the bindings; solves run on the one worker of {@link starnet.ui.FxThreads}, at a
 * lower operating-system priority than the window's threads, and its immutable snapshots reach the
 * window coalesced to at most ~30 updates a second.
 */
package starnet.ui;
