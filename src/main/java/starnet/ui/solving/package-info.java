/** The "now solving" panel: which linear systems a solve works on, drawn on the decoder and counted in the paper's terms. */
package starnet.ui.solving;
