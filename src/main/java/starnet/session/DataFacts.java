package starnet.session;

import starnet.baseline.Pca;
import starnet.model.Baselines;
import starnet.model.Dataset;
import starnet.model.StarNetConfig;

/**
 * What a session computed from the data in use, kept until the data changes: PCA, Fig. 6's baselines (with the
 * configuration they were computed for) and the held-out items (looked for once). Immutable: a change is a new value.
 *
 * @param heldOut       items not trained on (the test split of a sample, or items past the limit), or null when there are none
 * @param heldOutLooked whether the held-out items were looked for already
 */
record DataFacts(Pca pca, Baselines baselines, StarNetConfig baselinesFor, Dataset heldOut, boolean heldOutLooked) {
    static final DataFacts NONE = new DataFacts(null, null, null, null, false);

    DataFacts withPca(Pca p) { return new DataFacts(p, baselines, baselinesFor, heldOut, heldOutLooked); }

    DataFacts withBaselines(Baselines b, StarNetConfig computedFor) { return new DataFacts(pca, b, computedFor, heldOut, heldOutLooked); }

    DataFacts withHeldOut(Dataset items) { return new DataFacts(pca, baselines, baselinesFor, items, true); }

    /** The baselines when they were computed for {@code config}'s data, architecture and seed, else null. */
    Baselines baselinesFor(StarNetConfig config) {
        if (baselines == null || baselinesFor == null) return null;
        boolean same = baselinesFor.data().equals(config.data()) && baselinesFor.architecture().equals(config.architecture())
                && baselinesFor.training().seed() == config.training().seed();
        return same ? baselines : null;
    }
}
