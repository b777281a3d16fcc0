/**
 * Exploration for researchers, headless and shared by the window and the command line: the solver
 * inspector (spectrum, rank, condition and residual checks of a step's system), the latent map (codes
 * projected to 2D), sweeps over settings, and side-by-side comparison of runs.
 */
package starnet.explore;
