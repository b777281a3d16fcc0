package starnet.training;

import starnet.math.Matrix;

/** Lets other test packages use the SVD-based Eckart–Young reference of {@link TrainerBehaviourTest}. */
public final class TrainerBehaviourTestAccess {
    private TrainerBehaviourTestAccess() {}

    public static double affinePcaMse(Matrix x, int rank) {
        return TrainerBehaviourTest.affinePcaMse(x, rank);
    }
}
