package starnet.session;

import starnet.model.Dataset;
import starnet.model.ConvUnpoolLayer;
import starnet.model.StepResult;
import starnet.training.Cancellation;
import starnet.training.Inference;
import starnet.training.LayerSystem;
import starnet.training.StarNetTrainer;

/** The held-out curve's items and values: how the decoder does, step by step, on images it was not trained on. */
final class HeldOutItems {
    /** Held-out items for a work's data: up to this many. */
    static final int COUNT = 500;

    private HeldOutItems() {}

    /**
     * The output MSE of held-out items after step {@code r} (paper Lemma 3: SL from the image down to the
     * step's layer, then decode), or NaN when there are none or a conv layer is too large for its explicit
     * operator. The items — a sample's test split, or the items past the limit — are found once per data.
     * Worker only; a few milliseconds, not cancellable (the step it measures is committed already).
     */
    static double outputMse(Work w, StarNetTrainer t, StepResult r, LayerSystem system) {
        for (var layer : t.decoder().layers()) { // conv layers too large to build are inferred matrix-free only: skipped here
            if (layer instanceof ConvUnpoolLayer c && !c.denseFits()) return Double.NaN;
        }
        Dataset held = data(w);
        if (held == null) return Double.NaN;
        return Inference.outputMse(system, t.decoder(), held.images(), r.layer() - 1, Cancellation.NEVER);
    }

    /** The work's held-out items (found once per data; worker only), or null when it has none. */
    static Dataset data(Work w) {
        if (w.streamed != null) return null; // the rows past those in the heap are trained on: none is held out
        if (!w.facts.heldOutLooked()) {
            Dataset items = null;
            try {
                items = starnet.data.HeldOut.of(w.config.data(), w.dataset, w.datapoints, COUNT);
            } catch (RuntimeException e) {
                AppLog.error("loading held-out items", e);
            }
            w.facts = w.facts.withHeldOut(items);
        }
        return w.facts.heldOut();
    }
}
