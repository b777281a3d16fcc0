/** Generation, refinement, out-of-distribution scores and the paper's experiments, as background tasks. */
package starnet.ui.research;
