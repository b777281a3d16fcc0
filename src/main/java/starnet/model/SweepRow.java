package starnet.model;

import java.util.List;

/**
 * One run of a sweep.
 *
 * @param values         the swept settings' values, one per axis, in the axes' order
 * @param trainMse       the reconstruction MSE of the training items after every layer (NaN when it did not run)
 * @param heldOutMse     that of held-out items, their codes inferred (paper Lemma 3); NaN when there are none
 * @param pcaMse         PCA's optimum at the code width on the training items (Eckart–Young bound)
 * @param seconds        training time (the solves and their evaluation)
 * @param worstCondition the largest condition estimate of any solve
 * @param problem        why it did not run (not determined, does not fit the images), or "" when it did
 */
public record SweepRow(List<String> values, double trainMse, double heldOutMse, double pcaMse, double seconds, double worstCondition, String problem) {
    public SweepRow {
        values = List.copyOf(values);
    }

    public boolean ran() { return problem.isEmpty(); }
}
