package starnet.session;

import starnet.io.SessionFile.SavedTraining;
import starnet.training.StarNetTrainer;

/** Converts between the trainer's state and the session file's own record of it (both share their matrices). */
public final class TrainingStates {
    private TrainingStates() {}

    /** The file's record of {@code s}; matrices shared, the step list copied. */
    public static SavedTraining saved(StarNetTrainer.State s) {
        return new SavedTraining(s.decoder(), s.layer(), s.latents(), s.epoch(), s.firstHalfDone(), s.lastEpochLoss(),
                s.finishedLatents().clone(), java.util.List.copyOf(s.log()), s.files());
    }

    /** The trainer state recorded in {@code t}; matrices shared, the step list copied. */
    public static StarNetTrainer.State state(SavedTraining t) {
        return new StarNetTrainer.State(t.decoder(), t.layer(), t.latents(), t.epoch(), t.firstHalfDone(), t.lastEpochLoss(),
                t.finishedLatents().clone(), java.util.List.copyOf(t.steps()), t.files());
    }
}
