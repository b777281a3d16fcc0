/**
 * The Explore tab, for researchers: runs compared side by side, sweeps over settings, the live latent map and
 * the solver inspector. Each panel has a small view model over the one {@link starnet.ui.core.SessionModel};
 * every computation runs as a background task of the session (engine side: {@link starnet.explore}).
 */
package starnet.ui.explore;
