package starnet.session;

import starnet.baseline.Pca;
import starnet.model.Dataset;
import starnet.data.Datasets;
import starnet.data.Samples;
import starnet.math.Matrix;
import starnet.model.Decoder;
import starnet.training.Engines;
import starnet.training.LayerSystem;
import starnet.training.OutlierScores;
import starnet.training.Refinement;

/** Research jobs on a trained model (refinement, out-of-distribution scores), for the window and the command line alike. */
public final class Research {
    private Research() {}

    /** A refined model and what it gained. */
    public record Refined(Decoder decoder, Matrix codes, double mseBefore, double mseAfter, double pcaMse) {
        public String summary() {
            return String.format("Refinement: reconstruction MSE %.5f → %.5f (%.1f%% lower); PCA rank %d optimum %.5f.",
                    mseBefore, mseAfter, 100 * (1 - mseAfter / mseBefore), codes.cols(), pcaMse);
        }
    }

    /** Whether refinement applies to this configuration: "" when it does, else why not. */
    public static String refineBlockedReason(starnet.model.StarNetConfig c) {
        return c.architecture().isConv() ? "Refinement works on feedforward decoders only; this model is convolutional." : "";
    }

    /** End-to-end refinement of the view's fully trained model ({@code rounds} rounds of Gauss–Newton on codes and layer refits). */
    public static Refined refine(WorkbenchSession.WorkView v, int rounds, TaskContext ctx) {
        String blocked = refineBlockedReason(v.config());
        if (!blocked.isEmpty()) throw new UserError(blocked);
        if (v.trainer().codes() == null) throw new UserError("Refinement starts from a fully trained model: train every layer first.");
        Matrix data = v.trainer().data();
        Refinement r = new Refinement(Engines.layerSystem(v.config(), v.la()), v.trainer().decoder(), v.trainer().codes(), data);
        double before = r.mse();
        r.run(rounds, ctx, s -> ctx.progress(-1, String.format("round %d, %s: %.6f", s.round(), s.block(), s.mseAfter())));
        double pca = Pca.fit(data, v.la()).mse(v.trainer().codes().cols());
        return new Refined(r.decoder(), r.codes(), before, r.mse(), pca);
    }

    /** Residual scores of in- and out-of-distribution items and their ROC. */
    public record Scores(String inName, String outName, double[] in, double[] out) {
        public double auroc() { return OutlierScores.auroc(in, out); }

        public double[][] roc() { return OutlierScores.roc(in, out); }

        public String summary() {
            return String.format("AUROC %.4f: %s (in, %d items) vs %s (out, %d items), by mean relative residual.",
                    auroc(), inName, in.length, outName, out.length);
        }
    }

    /**
     * Scores up to {@code n} held-out items of the view's data (its test split for a sample) against up to
     * {@code n} items of {@code otherSource}.
     */
    public static Scores score(WorkbenchSession.WorkView v, String otherSource, int n, TaskContext ctx) {
        Dataset ds = v.dataset();
        Dataset in = Samples.isSample(ds.source()) ? Datasets.load(ds.source(), starnet.model.Split.TEST, n) : ds.limit(n);
        Dataset out = Datasets.load(otherSource, starnet.model.Split.TEST, n);
        if (out.pixels() != in.pixels()) throw new UserError(otherSource + " has images of another size than the model's.");
        if (otherSource.equals(ds.source())) throw new UserError("Pick another dataset to compare with: both sides are " + in.name() + ".");
        LayerSystem sys = Engines.layerSystem(v.config().training(), v.trainer().decoder().activation(), v.la());
        double[] a = OutlierScores.score(sys, v.trainer().decoder(), in.images(), ctx);
        ctx.progress(0.5, "scored " + in.name());
        double[] b = OutlierScores.score(sys, v.trainer().decoder(), out.images(), ctx);
        return new Scores(in.name(), out.name(), a, b);
    }
}
