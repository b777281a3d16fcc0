/** The configuration editor (one lossless mapping to {@link starnet.model.StarNetConfig}) and the determinedness report. */
package starnet.ui.architecture;
