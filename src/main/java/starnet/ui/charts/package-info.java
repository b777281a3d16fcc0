/** The loss chart and the residual histogram with its outlier gallery. */
package starnet.ui.charts;
