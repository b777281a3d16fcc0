/** The dataset panel: samples, files and folders, facts and preview, and the item dialog. */
package starnet.ui.dataset;
