package starnet.model;

import starnet.explore.LatentMaps;
/** How the latent map flattens the codes to two dimensions. */
public enum Projection {
    /** The first two principal directions of the codes: linear, exact, instant. */
    PCA("PCA"),
    /** Uniform manifold approximation (McInnes et al. 2018) on up to {@link LatentMaps#UMAP_POINTS} items: keeps neighbourhoods, bends distances. */
    UMAP("UMAP");

    private final String label;

    Projection(String label) { this.label = label; }

    public String label() { return label; }

    @Override public String toString() { return label; }
}
