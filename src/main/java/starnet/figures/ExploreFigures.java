package starnet.figures;

import starnet.model.LatentMap;
import starnet.model.SystemInspection;
import starnet.model.Phase;

import java.util.ArrayList;
import java.util.List;

/** The figures of the exploration tools: latent maps and solver spectra. */
public final class ExploreFigures {
    private ExploreFigures() {}

    /** A latent map as a scatter figure: a series per class, the held-out items as one more. */
    public static LinePlot latentMap(LatentMap m, String title) {
        List<LinePlot.Series> series = new ArrayList<>();
        if (m.labels() == null) {
            series.add(new LinePlot.Series("training items", m.x(), m.y(), LinePlot.Kind.POINTS));
        } else {
            int classes = 0;
            for (int l : m.labels()) classes = Math.max(classes, l + 1);
            for (int c = 0; c < classes; c++) {
                int cls = c;
                int[] idx = java.util.stream.IntStream.range(0, m.x().length).filter(i -> m.labels()[i] == cls).toArray();
                if (idx.length == 0) continue;
                series.add(new LinePlot.Series(m.className(c), pick(m.x(), idx), pick(m.y(), idx), LinePlot.Kind.POINTS));
            }
        }
        if (m.heldX().length > 0) series.add(new LinePlot.Series("held-out items (latents inferred)", m.heldX(), m.heldY(), LinePlot.Kind.RINGS));
        return new LinePlot(title, m.axisNames()[0], m.axisNames()[1], series, false);
    }

    /** The singular values on a log scale, with the ridge's floor √shift when there is one. */
    public static LinePlot spectrum(SystemInspection in) {
        double[] x = new double[in.singularValues().length];
        for (int i = 0; i < x.length; i++) x[i] = i + 1;
        List<LinePlot.Series> series = new java.util.ArrayList<>();
        series.add(new LinePlot.Series("singular values of " + (in.phase() == Phase.SL ? "W" : "[H 1]"), x, in.singularValues().clone()));
        if (in.ridgeShift() > 0) {
            double floor = Math.sqrt(in.ridgeShift());
            series.add(new LinePlot.Series("ridge floor √(λ·trace/n)", new double[] {1, x.length}, new double[] {floor, floor},
                    LinePlot.Kind.REFERENCE));
        }
        return new LinePlot(String.format("Step %d: layer %d %s%d — condition %s", in.step().number(), in.step().layer(), in.step().phase(), in.step().epoch(),
                SystemInspection.sci(in.condition())), "index", "singular value σᵢ", series, true);
    }

    private static double[] pick(double[] v, int[] idx) {
        double[] out = new double[idx.length];
        for (int i = 0; i < idx.length; i++) out[i] = v[idx[i]];
        return out;
    }
}
