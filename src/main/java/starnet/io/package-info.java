/** Files: .npy arrays, saved models and sessions, and figure rendering that needs no display. */
package starnet.io;
