/** Sessions and files: new, open, save, recent, undo of the last discard, exports, the window title. */
package starnet.ui.files;
