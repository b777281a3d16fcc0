/** Reconstruction grids, the step slider and the progress strip (paper Figs. 2–5). */
package starnet.ui.reconstruction;
