/** Reusable controls: tile grids, number fields, live scroll panes, the notice bar, axis ranges, tooltips that show on disabled controls. */
package starnet.ui.widgets;
