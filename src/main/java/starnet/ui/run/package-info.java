/** Run controls: the toolbar, the schedule ribbon, and the status bar with the background tasks. */
package starnet.ui.run;
