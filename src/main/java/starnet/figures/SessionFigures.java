package starnet.figures;

import starnet.model.FigureSize;
import starnet.model.FigureOptions;
import starnet.model.FigureKind;
import starnet.io.SessionFile;
import starnet.math.Matrix;
import starnet.model.Baselines;
import starnet.model.LayerPlan;
import starnet.model.Numbers;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;
import starnet.model.TrainingSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The paper's figure layouts made from a saved session (no dataset or display needed), with captions that say what they show. */
public final class SessionFigures {
    /** Items shown by fig4, and the most columns (Init and solves) before it thins them evenly. */
    static final int STRIP_ITEMS = 4, STRIP_STEPS = 21;

    private SessionFigures() {}

    /** {@code kind} drawn from {@code s}, at {@code size} where the figure is a plot (image grids take the size their tiles need). */
    public static Figure make(FigureKind kind, SessionFile.Session s, FigureSize size) {
        return switch (kind) {
            case FIG2 -> fig2(s);
            case GRID -> grid(s);
            case FIG4 -> fig4(s);
            case FIG6 -> fig6(s).withSize(size);
            case LOSS -> loss(s).withSize(size);
        };
    }

    /** {@code kind} as {@code options} ask: at their size, with the caption beneath when they want one. */
    public static Figure make(FigureKind kind, SessionFile.Session s, FigureOptions options) {
        Figure fig = make(kind, s, options.size());
        return options.caption() ? fig.withCaption(caption(kind, s)) : fig;
    }

    /** What {@code kind} shows, for a caption: the dataset, the architecture, the layer, and for fig6 how to add missing curves. */
    public static String caption(FigureKind kind, SessionFile.Session s) {
        String what = switch (kind) {
            case FIG2 -> "Targets and their reconstructions decoded from each layer's latents (paper Fig. 2).";
            case GRID -> "Targets, their reconstruction at " + currentLabel(s) + ", and the absolute error per pixel (dark blue 0, red, yellow ≥ "
                    + GridFigure.HEAT_MAX + ").";
            case FIG4 -> "Layer " + s.training().decoder().depth() + " (" + layerShape(s, s.training().decoder().depth()) + "): "
                    + "the reconstruction of each item at Init and after " + stripSteps(s) + " (paper Figs. 4-5).";
            case FIG6 -> "Reconstruction MSE of the decoded images after each epoch (paper Fig. 6)."
                    + (s.baselines() == null ? " StarNet only." : " Autoencoder: Adam on the same widths; PCA: the best rank-"
                    + s.baselines().pcaRank() + " linear reconstruction.");
            case LOSS -> "Each layer's fit (MSE of its linear system) after every SL and SW solve.";
        };
        return what + " " + dataAndModel(s);
    }

    /** Said beside (never inside) a figure when a session has no autoencoder or PCA results. */
    public static String missingBaselines() {
        return "This session has no autoencoder or PCA curves: train with `train --baselines`, or in the window use "
                + "Experiments → Compare with autoencoder and PCA, then export again.";
    }

    /** "Data: sample:mnist (train), 8000 items of 1×28×28. Decoder: feedforward (dense), 128 → 256 → 784, leaky ReLU α = 0.5; at most 5 epochs per layer, seed 0." */
    static String dataAndModel(SessionFile.Session s) {
        SessionFile.DatasetRef d = s.dataset();
        StarNetConfig c = s.config();
        StringBuilder arch = new StringBuilder();
        List<LayerPlan> plans = c.architecture().plan(d.channels(), d.height(), d.width());
        if (c.architecture().isConv()) {
            for (LayerPlan p : plans) arch.append(arch.length() == 0 ? "" : "; ").append(p.describe());
        } else {
            for (LayerPlan p : plans) arch.append(p.inputWidth()).append(" → ");
            arch.append(plans.get(plans.size() - 1).outputWidth());
        }
        return String.format(Locale.ROOT, "Data: %s (%s), %d items of %d×%d×%d. Decoder: %s, %s, leaky ReLU α\u00a0=\u00a0%s; at most %d epochs per layer, seed %d.",
                d.source(), d.split(), d.count(), d.channels(), d.height(), d.width(), c.architecture().kind().words(), arch,
                Numbers.plain(c.architecture().slope()), c.training().maxEpochs(), c.training().seed());
    }

    private static String layerShape(SessionFile.Session s, int layer) {
        SessionFile.DatasetRef d = s.dataset();
        return s.config().architecture().plan(d.channels(), d.height(), d.width()).get(layer - 1).describe();
    }

    private static String currentLabel(SessionFile.Session s) {
        return s.history().isEmpty() ? "the initial weights" : s.history().get(s.history().size() - 1).label();
    }

    /** Paper Figs. 2–3: targets, then the reconstruction decoded from each finished layer (last layer first). */
    static GridFigure fig2(SessionFile.Session s) {
        List<GridFigure.Row> rows = new ArrayList<>();
        rows.add(new GridFigure.Row("(a) targets", s.pinnedTargets()));
        TrainingSnapshot last = s.history().isEmpty() ? null : s.history().get(s.history().size() - 1);
        char letter = 'b';
        int k = s.training().decoder().depth();
        for (int i = k - 1; i >= 0; i--) {
            Matrix m = last == null ? null : last.afterLayer().get(i);
            if (m == null) continue;
            rows.add(new GridFigure.Row("(" + letter++ + ") from layer " + (i + 1) + " (" + layerShape(s, i + 1) + ")", m));
        }
        return new GridFigure("Reconstructions decoded from each layer", rows, List.of(), s.dataset().channels(), s.dataset().height(), s.dataset().width());
    }

    /** The reconstruction grid as the window shows it: targets, the current reconstruction, and its error heat map. */
    static GridFigure grid(SessionFile.Session s) {
        TrainingSnapshot last = s.history().isEmpty() ? null : s.history().get(s.history().size() - 1);
        Matrix now = last == null ? null : last.current();
        List<GridFigure.Row> rows = new ArrayList<>();
        rows.add(new GridFigure.Row("targets", s.pinnedTargets()));
        rows.add(new GridFigure.Row("reconstruction", now));
        rows.add(new GridFigure.Row("|error|", now, s.pinnedTargets()));
        return new GridFigure("Reconstructions at " + currentLabel(s), rows, List.of(), s.dataset().channels(), s.dataset().height(), s.dataset().width());
    }

    /** The last layer's snapshots: Init (when kept) and each of its solves, in order. */
    private static List<TrainingSnapshot> lastLayerSnapshots(SessionFile.Session s) {
        int k = s.training().decoder().depth();
        List<TrainingSnapshot> chosen = new ArrayList<>();
        for (TrainingSnapshot h : s.history()) {
            if (h.step() == null ? h.layer() == k : h.step().layer() == k) chosen.add(h);
        }
        return chosen;
    }

    /** The columns fig4 shows: every snapshot of the last layer, or {@link #STRIP_STEPS} of them evenly spaced (first and last kept). */
    static List<TrainingSnapshot> stripPicks(SessionFile.Session s) {
        List<TrainingSnapshot> chosen = lastLayerSnapshots(s);
        if (chosen.size() <= STRIP_STEPS) return chosen;
        List<TrainingSnapshot> picks = new ArrayList<>();
        for (int j = 0; j < STRIP_STEPS; j++) picks.add(chosen.get((int) Math.round(j * (chosen.size() - 1) / (double) (STRIP_STEPS - 1))));
        return picks;
    }

    /** "each of its 10 SL/SW solves", or "9 of its 40 solves, evenly spaced" when fig4 thins them. */
    static String stripSteps(SessionFile.Session s) {
        long solves = lastLayerSnapshots(s).stream().filter(h -> h.step() != null).count();
        long shown = stripPicks(s).stream().filter(h -> h.step() != null).count();
        return shown == solves ? "each of its " + solves + " SL/SW solves" : shown + " of its " + solves + " solves, evenly spaced";
    }

    /** Paper Figs. 4–5: a few items through Init → SL1 → SW1 → … on the last layer (thinned evenly beyond {@link #STRIP_STEPS} columns). */
    static GridFigure fig4(SessionFile.Session s) {
        int k = s.training().decoder().depth();
        List<TrainingSnapshot> picks = stripPicks(s);
        int items = Math.min(STRIP_ITEMS, s.pinned().length);
        List<String> labels = new ArrayList<>();
        labels.add("target");
        for (TrainingSnapshot p : picks) labels.add(p.step() == null ? "Init" : p.step().phase() + Integer.toString(p.step().epoch()));
        int d = s.pinnedTargets().cols();
        List<GridFigure.Row> rows = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            Matrix row = new Matrix(picks.size() + 1, d);
            row.setRows(0, s.pinnedTargets().rowRange(i, i + 1));
            for (int j = 0; j < picks.size(); j++) row.setRows(j + 1, picks.get(j).current().rowRange(i, i + 1));
            rows.add(new GridFigure.Row("item " + s.pinned()[i], row));
        }
        return new GridFigure("Layer " + k + " (" + layerShape(s, k) + "): reconstructions step by step", rows, labels,
                s.dataset().channels(), s.dataset().height(), s.dataset().width());
    }

    /**
     * Paper Fig. 6: the decoded images' MSE after each closed epoch, against the epochs run over all layers (one
     * series per layer), with the autoencoder per epoch and the PCA bound when the session has them.
     */
    static LinePlot fig6(SessionFile.Session s) {
        List<StepResult> steps = s.training().steps();
        List<LinePlot.Series> out = new ArrayList<>();
        int maxLayer = steps.stream().mapToInt(StepResult::layer).max().orElse(0);
        List<double[]> ends = new ArrayList<>(); // epoch over all layers, layer, output mse
        int epochs = 0;
        for (int i = 0; i < steps.size(); i++) {
            StepResult r = steps.get(i);
            if (StepResult.closesEpoch(steps, i)) ends.add(new double[] {++epochs, r.layer(), r.outputMse()});
        }
        for (int layer = maxLayer; layer >= 1; layer--) {
            int l = layer;
            List<double[]> e = ends.stream().filter(r -> r[1] == l).toList();
            if (e.isEmpty()) continue;
            out.add(new LinePlot.Series(l == 1 ? "StarNet, decoded from the codes" : "StarNet layer " + l + " (decoded from its latents)",
                    e.stream().mapToDouble(r -> r[0]).toArray(), e.stream().mapToDouble(r -> r[2]).toArray()));
        }
        Baselines b = s.baselines();
        if (b != null) {
            double[] ae = b.autoencoderMse();
            double[] x = new double[ae.length];
            for (int i = 0; i < ae.length; i++) x[i] = i + 1;
            out.add(new LinePlot.Series("Adam autoencoder", x, ae));
            double right = Math.max(epochs, ae.length);
            out.add(new LinePlot.Series("PCA, rank " + b.pcaRank(), new double[] {1, Math.max(2, right)}, new double[] {b.pcaMse(), b.pcaMse()},
                    LinePlot.Kind.REFERENCE));
        }
        return new LinePlot(b == null ? "Reconstruction MSE per epoch (paper Fig. 6)" : "Reconstruction MSE per epoch: StarNet, autoencoder and PCA (paper Fig. 6)",
                "epoch (StarNet: counted over all layers)", "image MSE", out, true);
    }

    /** Each layer's fit after every solve. */
    static LinePlot loss(SessionFile.Session s) {
        List<StepResult> steps = s.training().steps();
        List<LinePlot.Series> out = new ArrayList<>();
        int maxLayer = steps.stream().mapToInt(StepResult::layer).max().orElse(0);
        for (int layer = maxLayer; layer >= 1; layer--) {
            int l = layer;
            List<StepResult> st = steps.stream().filter(r -> r.layer() == l).toList();
            if (st.isEmpty()) continue;
            out.add(new LinePlot.Series("layer " + layer + " (" + layerShape(s, layer) + ")", st.stream().mapToDouble(StepResult::number).toArray(),
                    st.stream().mapToDouble(StepResult::mse).toArray()));
        }
        return new LinePlot("Layer fit after each solve", "step (the k-th SL or SW solve is step k)", "layer fit (MSE)", out, true);
    }

    /** Every step's metrics as CSV (header + one row per step). */
    public static String metricsCsv(List<StepResult> steps) {
        StringBuilder sb = new StringBuilder("step,layer,epoch,phase,mse,mae,elastic,output_mse,seconds,condition,method\n");
        for (StepResult r : steps) {
            sb.append(r.number()).append(',').append(r.layer()).append(',').append(r.epoch()).append(',').append(r.phase()).append(',')
                    .append(r.mse()).append(',').append(r.mae()).append(',').append(r.elastic()).append(',').append(r.outputMse()).append(',')
                    .append(r.seconds()).append(',').append(r.condition()).append(",\"").append(r.method().replace("\"", "'")).append("\"\n");
        }
        return sb.toString();
    }
}
