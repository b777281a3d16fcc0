/** The headless command line: one class per command, on the same engine API as the window. */
package starnet.cli;
