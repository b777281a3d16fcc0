package starnet.session;

import starnet.data.Dataset;
import starnet.data.Datasets;
import starnet.data.Samples;
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
        if (!w.heldOutLooked) {
            w.heldOutLooked = true;
            Dataset d = w.dataset;
            try {
                if (Samples.isSample(w.config.data().source()) && w.config.data().split().equals("train")) {
                    w.heldOutImages = Datasets.load(w.config.data().source(), "test", COUNT).images();
                } else if (d.size() > w.datapoints) {
                    w.heldOutImages = d.images().rowRange(w.datapoints, Math.min(d.size(), w.datapoints + COUNT));
                }
            } catch (RuntimeException e) {
                AppLog.error("loading held-out items", e);
            }
        }
        if (w.heldOutImages == null) return Double.NaN;
        return Inference.outputMse(system, t.decoder(), w.heldOutImages, r.layer() - 1, Cancellation.NEVER);
    }
}
