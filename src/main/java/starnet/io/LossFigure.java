package starnet.io;

import starnet.model.StepResult;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Loss against step (or against epoch, the paper's Fig. 6) with one series per layer and optional
 * extra series (baselines), log-scale y; drawn with Java2D for PNG and SVG alike.
 */
public final class LossFigure implements Figure {
    /** One named line: x and y values of equal length. */
    public record Series(String name, double[] x, double[] y) {}

    private static final Color[] COLORS = {new Color(0xd9541e), new Color(0xf0a030), new Color(0x2f6db5), new Color(0x3a8f4a), new Color(0x8e44ad)};
    private final List<Series> series;
    private final String xLabel, yLabel, title;
    private final boolean logY;

    public LossFigure(String title, String xLabel, String yLabel, List<Series> series, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.series = List.copyOf(series);
        this.logY = logY;
    }

    /** Per-step values of {@code metric}, one series per layer (last layer first), x = step index. */
    public static LossFigure perStep(List<StepResult> steps, String metricName, ToDoubleFunction<StepResult> metric, boolean logY) {
        List<Series> out = new ArrayList<>();
        int maxLayer = steps.stream().mapToInt(StepResult::layer).max().orElse(0);
        for (int layer = maxLayer; layer >= 1; layer--) {
            int l = layer;
            List<StepResult> s = steps.stream().filter(r -> r.layer() == l).toList();
            if (s.isEmpty()) continue;
            out.add(new Series("Layer " + layer, s.stream().mapToDouble(StepResult::step).toArray(), s.stream().mapToDouble(metric).toArray()));
        }
        return new LossFigure(metricName + " per step", "step (SL and SW solves)", metricName, out, logY);
    }

    /** The paper's Fig. 6: the layer loss after each epoch's last solve, against epoch, one series per layer. */
    public static LossFigure perEpoch(List<StepResult> steps, boolean logY) {
        List<Series> out = new ArrayList<>();
        int maxLayer = steps.stream().mapToInt(StepResult::layer).max().orElse(0);
        for (int layer = maxLayer; layer >= 1; layer--) {
            int l = layer;
            List<StepResult> ends = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                StepResult r = steps.get(i);
                boolean lastOfEpoch = i + 1 == steps.size() || steps.get(i + 1).layer() != r.layer() || steps.get(i + 1).epoch() != r.epoch();
                if (r.layer() == l && lastOfEpoch) ends.add(r);
            }
            if (ends.isEmpty()) continue;
            out.add(new Series("StarNet layer " + layer, ends.stream().mapToDouble(StepResult::epoch).toArray(), ends.stream().mapToDouble(StepResult::mse).toArray()));
        }
        return new LossFigure("Loss per epoch (paper Fig. 6)", "epoch", "MSE", out, logY);
    }

    /** An ROC curve from (false positive rate, true positive rate) points, with the chance diagonal. */
    public static LossFigure roc(String title, String curveName, double[][] points) {
        double[] x = new double[points.length], y = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            x[i] = points[i][0];
            y[i] = points[i][1];
        }
        return new LossFigure(title, "false positive rate", "true positive rate",
                List.of(new Series(curveName, x, y), new Series("chance", new double[] {0, 1}, new double[] {0, 1})), false);
    }

    @Override public int width() { return 640; }
    @Override public int height() { return 400; }

    @Override
    public void draw(Graphics2D g) {
        int left = 78, right = 20, top = 36, bottom = 56;
        int pw = width() - left - right, ph = height() - top - bottom;
        double xmin = Double.POSITIVE_INFINITY, xmax = Double.NEGATIVE_INFINITY, ymin = Double.POSITIVE_INFINITY, ymax = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (int i = 0; i < s.x().length; i++) {
                double y = ty(s.y()[i]);
                if (!Double.isFinite(y)) continue;
                xmin = Math.min(xmin, s.x()[i]);
                xmax = Math.max(xmax, s.x()[i]);
                ymin = Math.min(ymin, y);
                ymax = Math.max(ymax, y);
            }
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
        g.setColor(Color.DARK_GRAY);
        g.drawString(title, left, 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        FontMetrics fm = g.getFontMetrics();
        if (!(xmin <= xmax)) {
            g.drawString("no data", left + pw / 2 - 20, top + ph / 2);
            return;
        }
        if (xmax == xmin) xmax = xmin + 1;
        if (ymax == ymin) {
            ymax += 0.5;
            ymin -= 0.5;
        }
        double ypad = (ymax - ymin) * 0.05;
        ymin -= ypad;
        ymax += ypad;
        // grid and ticks
        g.setStroke(new BasicStroke(1f));
        for (double t : ticks(ymin, ymax)) {
            double y = top + ph - (t - ymin) / (ymax - ymin) * ph;
            g.setColor(new Color(0xe4e8ec));
            g.draw(new Line2D.Double(left, y, left + pw, y));
            g.setColor(Color.DARK_GRAY);
            String s = logY ? String.format("%.1e", Math.pow(10, t)) : String.format("%.4g", Math.abs(t) < 1e-12 ? 0.0 : t);
            g.drawString(s, left - 6 - fm.stringWidth(s), (float) y + 4);
        }
        boolean integerX = series.stream().allMatch(ser -> java.util.Arrays.stream(ser.x()).allMatch(v -> v == Math.rint(v)));
        for (double t : integerX ? integerTicks(xmin, xmax) : ticks(xmin, xmax)) {
            double x = left + (t - xmin) / (xmax - xmin) * pw;
            g.setColor(new Color(0xe4e8ec));
            g.draw(new Line2D.Double(x, top, x, top + ph));
            g.setColor(Color.DARK_GRAY);
            String s = Math.abs(t - Math.rint(t)) < 1e-9 ? Long.toString(Math.round(t)) : String.format("%.3g", t);
            g.drawString(s, (float) x - fm.stringWidth(s) / 2f, top + ph + 16);
        }
        g.setColor(Color.GRAY);
        g.drawRect(left, top, pw, ph);
        g.setColor(Color.DARK_GRAY);
        g.drawString(xLabel, left + pw / 2f - fm.stringWidth(xLabel) / 2f, height() - 28);
        Graphics2D rot = (Graphics2D) g.create();
        rot.rotate(-Math.PI / 2);
        String yl = yLabel + (logY ? " (log scale)" : "");
        rot.drawString(yl, -(top + ph / 2f + fm.stringWidth(yl) / 2f), 16);
        rot.dispose();
        // series
        int legendX = left;
        for (int si = 0; si < series.size(); si++) {
            Series s = series.get(si);
            Color col = COLORS[si % COLORS.length];
            g.setColor(col);
            g.setStroke(new BasicStroke(2f));
            Path2D path = new Path2D.Double();
            boolean started = false;
            for (int i = 0; i < s.x().length; i++) {
                double yv = ty(s.y()[i]);
                if (!Double.isFinite(yv)) continue;
                double x = left + (s.x()[i] - xmin) / (xmax - xmin) * pw, y = top + ph - (yv - ymin) / (ymax - ymin) * ph;
                if (!started) path.moveTo(x, y);
                else path.lineTo(x, y);
                started = true;
                g.fill(new java.awt.geom.Ellipse2D.Double(x - 2.5, y - 2.5, 5, 5));
            }
            g.draw(path);
            g.fillRect(legendX, height() - 14, 14, 4);
            g.setColor(Color.DARK_GRAY);
            g.drawString(s.name(), legendX + 18, height() - 9);
            legendX += 30 + fm.stringWidth(s.name());
        }
    }

    private double ty(double v) {
        return logY ? (v > 0 ? Math.log10(v) : Double.NaN) : v;
    }

    /** Whole-number ticks (steps, epochs): about six, never fractional. */
    static double[] integerTicks(double lo, double hi) {
        double step = Math.max(1, Math.ceil((hi - lo) / 6));
        List<Double> out = new ArrayList<>();
        for (double t = Math.ceil(lo); t <= hi + 1e-9; t += step) out.add(t);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }

    /** About six round tick positions in [lo, hi]. */
    static double[] ticks(double lo, double hi) {
        double span = hi - lo, raw = span / 6, mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        List<Double> out = new ArrayList<>();
        for (double t = Math.ceil(lo / step) * step; t <= hi + 1e-12; t += step) out.add(t);
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
