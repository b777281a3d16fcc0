package starnet.io;

import starnet.math.Matrix;
import starnet.model.StepResult;
import starnet.model.TrainingSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The paper's figure layouts, made from a saved session (no dataset or display needed). */
public final class SessionFigures {
    /** Figure names for the CLI and the UI's Export menu. */
    public static final List<String> NAMES = List.of("fig2", "fig4", "fig6", "grid", "loss");
    static final int STRIP_ITEMS = 4, STRIP_STEPS = 12;

    private SessionFigures() {}

    public static Figure make(String name, SessionFile.Session s) {
        SessionFile.DatasetRef d = s.dataset();
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "fig2" -> fig2(s, false);
            case "grid" -> fig2(s, true);
            case "fig4" -> fig4(s);
            case "fig6" -> LossFigure.perEpoch(s.training().steps(), true);
            case "loss" -> LossFigure.perStep(s.training().steps(), "MSE", StepResult::mse, true);
            default -> throw new IllegalArgumentException("unknown figure '" + name + "': expected one of " + String.join(", ", NAMES));
        };
    }

    /** Paper Figs. 2–3: targets, after the last layer, …, after the first layer (grid adds the current state). */
    static Figure fig2(SessionFile.Session s, boolean withCurrent) {
        List<String> titles = new ArrayList<>();
        List<Matrix> rows = new ArrayList<>();
        titles.add("(a) targets");
        rows.add(s.pinnedTargets());
        TrainingSnapshot last = s.history().isEmpty() ? null : s.history().get(s.history().size() - 1);
        if (last != null && withCurrent && !last.finished()) {
            titles.add("now: " + last.label());
            rows.add(last.current());
        }
        char letter = 'b';
        int k = s.training().decoder().depth();
        for (int i = k - 1; i >= 0; i--) {
            Matrix m = last == null ? null : last.afterLayer().get(i);
            if (m == null && !withCurrent) continue;
            titles.add("(" + letter++ + ") after layer " + (i + 1));
            rows.add(m);
        }
        return new GridFigure(titles, rows, List.of(), s.dataset().channels(), s.dataset().height(), s.dataset().width());
    }

    /** Paper Figs. 4–5: a few items through Init → SL1 → SW1 → … on the last layer (thinned to fit). */
    static Figure fig4(SessionFile.Session s) {
        int k = s.training().decoder().depth();
        List<TrainingSnapshot> chosen = new ArrayList<>();
        for (TrainingSnapshot h : s.history()) {
            if (h.step() == null ? h.layer() == k : h.step().layer() == k) chosen.add(h);
        }
        List<TrainingSnapshot> picks = new ArrayList<>();
        if (chosen.size() <= STRIP_STEPS) picks.addAll(chosen);
        else for (int j = 0; j < STRIP_STEPS; j++) picks.add(chosen.get((int) Math.round(j * (chosen.size() - 1) / (double) (STRIP_STEPS - 1))));
        int items = Math.min(STRIP_ITEMS, s.pinned().length);
        List<String> titles = new ArrayList<>();
        List<Matrix> rows = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        labels.add("target");
        for (TrainingSnapshot p : picks) labels.add(p.step() == null ? "Init" : p.step().phase() + Integer.toString(p.step().epoch()));
        int d = s.pinnedTargets().cols();
        for (int i = 0; i < items; i++) {
            Matrix row = new Matrix(picks.size() + 1, d);
            row.setRows(0, s.pinnedTargets().rowRange(i, i + 1));
            for (int j = 0; j < picks.size(); j++) row.setRows(j + 1, picks.get(j).current().rowRange(i, i + 1));
            titles.add("item " + s.pinned()[i]);
            rows.add(row);
        }
        return new GridFigure(titles, rows, labels, s.dataset().channels(), s.dataset().height(), s.dataset().width());
    }

    /** Every step's metrics as CSV (header + one row per step). */
    public static String metricsCsv(List<StepResult> steps) {
        StringBuilder sb = new StringBuilder("step,layer,epoch,phase,mse,mae,elastic,output_mse,seconds,condition,method\n");
        for (StepResult r : steps) {
            sb.append(r.step()).append(',').append(r.layer()).append(',').append(r.epoch()).append(',').append(r.phase()).append(',')
                    .append(r.mse()).append(',').append(r.mae()).append(',').append(r.elastic()).append(',').append(r.outputMse()).append(',')
                    .append(r.seconds()).append(',').append(r.condition()).append(",\"").append(r.method().replace("\"", "'")).append("\"\n");
        }
        return sb.toString();
    }
}
