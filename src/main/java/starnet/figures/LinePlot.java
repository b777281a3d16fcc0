package starnet.figures;

import starnet.model.PlotAxis;
import starnet.model.FigureSize;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Lines against a common x axis (losses per step or epoch, an ROC curve), drawn to the standard of a
 * plotting library: decade ticks with minor ticks on a log axis, one number format per axis, the title
 * wrapped rather than clipped, the Okabe–Ito colour-blind-safe palette with a dash pattern and a marker shape
 * per series (so lines stay apart in greyscale), markers only where points are few, and the legend in the
 * corner with the fewest points (or beneath the plot when it is large).
 */
public final class LinePlot implements Figure {
    /** How a series is drawn. */
    public enum Kind {
        /** A data series: colour, dash and marker of its own. */
        DATA,
        /** A reference (chance diagonal, a bound): thin, dashed, grey. */
        REFERENCE,
        /** A scatter: markers only, every point, no line (a colour of ten and a marker shape of its own). */
        POINTS,
        /** A scatter drawn as hollow grey rings (e.g. held-out items over the training items). */
        RINGS
    }

    /** One named line: x and y of equal length (non-finite values, and non-positive ones on a log axis, are skipped). */
    public record Series(String name, double[] x, double[] y, Kind kind) {
        public Series {
            if (x.length != y.length) throw new IllegalArgumentException(x.length + " x values for " + y.length + " y values");
        }

        public Series(String name, double[] x, double[] y) { this(name, x, y, Kind.DATA); }
    }

    /** Okabe & Ito (2008): blue, vermillion, bluish green, orange, reddish purple, sky blue, black. */
    static final Color[] PALETTE = {new Color(0x0072B2), new Color(0xD55E00), new Color(0x009E73), new Color(0xE69F00),
            new Color(0xCC79A7), new Color(0x56B4E9), new Color(0x000000)};
    private static final float[][] DASHES = {null, {6f, 3f}, {1.5f, 2.5f}, {7f, 2.5f, 1.5f, 2.5f}, {3f, 2f}};
    private static final int MARKERS_UP_TO = 30;
    /** For scatters of up to ten classes: the palette above (Okabe–Ito), then three more colour-blind-safe tones (Tol). */
    /** The scatter palette as 0xRRGGBB values, for drawings outside figures (the window's latent map). */
    public static int[] scatterColours() {
        return java.util.Arrays.stream(PALETTE_10).mapToInt(c -> c.getRGB() & 0xFFFFFF).toArray();
    }

    /** The line palette (Okabe–Ito) as 0xRRGGBB values, for the window's live charts. */
    public static int[] lineColours() {
        return java.util.Arrays.stream(PALETTE).mapToInt(c -> c.getRGB() & 0xFFFFFF).toArray();
    }

    static final Color[] PALETTE_10 = java.util.stream.Stream.concat(java.util.Arrays.stream(PALETTE),
            java.util.stream.Stream.of(new Color(0x882255), new Color(0x999933), new Color(0x999999))).toArray(Color[]::new);
    private static final Color INK = new Color(0x222222), GRID = new Color(0xe6e6e6), FRAME = new Color(0x444444);
    private static final int PAD = 10, TICK = 4, MINOR_TICK = 2;

    private final String title, xLabel, yLabel;
    private final List<Series> series;
    private final boolean logY, integerX, square;
    private final FigureSize size;

    private LinePlot(String title, String xLabel, String yLabel, List<Series> series, boolean logY, boolean integerX, boolean square, FigureSize size) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.series = List.copyOf(series);
        this.logY = logY;
        this.integerX = integerX;
        this.square = square;
        this.size = size;
    }

    /** A plot of {@code series}; whole-number x values (steps, epochs) get whole-number ticks. */
    public LinePlot(String title, String xLabel, String yLabel, List<Series> series, boolean logY) {
        this(title, xLabel, yLabel, series, logY, allWhole(series), false, FigureSize.WIDE);
    }

    /** An ROC curve with the chance diagonal, both axes 0–1. */
    public static LinePlot roc(String title, String curveName, double[][] points) {
        double[] x = new double[points.length], y = new double[points.length];
        for (int i = 0; i < points.length; i++) {
            x[i] = points[i][0];
            y[i] = points[i][1];
        }
        return new LinePlot(title, "false positive rate", "true positive rate",
                List.of(new Series(curveName, x, y), new Series("chance", new double[] {0, 1}, new double[] {0, 1}, Kind.REFERENCE)),
                false, false, true, FigureSize.COLUMN);
    }

    /** The same plot at another size. */
    public LinePlot withSize(FigureSize s) {
        return new LinePlot(title, xLabel, yLabel, series, logY, integerX, square, s);
    }

    public String title() { return title; }
    public List<Series> series() { return series; }

    @Override public int width() { return size.width(); }
    @Override public int height() { return size.height(); }

    // ------------------------------------------------------------------ drawing

    @Override
    public void draw(Graphics2D g) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        Font titleFont = FigureFonts.of(15f), labelFont = FigureFonts.of(13f), tickFont = FigureFonts.of(11.5f), supFont = FigureFonts.of(8.5f);
        FontMetrics tfm = g.getFontMetrics(titleFont), lfm = g.getFontMetrics(labelFont), kfm = g.getFontMetrics(tickFont), sfm = g.getFontMetrics(supFont);

        PlotAxis x = xAxis(), y = yAxis();
        List<String> titleLines = title.isBlank() ? List.of() : Text.wrap(title, tfm, width() - 2 * PAD);
        Legend legend = new Legend(g.getFontMetrics(tickFont));

        int yTickWidth = 0;
        for (PlotAxis.Label l : y.labels()) yTickWidth = Math.max(yTickWidth, labelWidth(l, kfm, sfm));
        int top = PAD + titleLines.size() * tfm.getHeight() + (titleLines.isEmpty() ? 0 : 6) + (y.factor() != 0 ? kfm.getHeight() : 0);
        int left = PAD + lfm.getHeight() + 4 + yTickWidth + 4 + TICK;
        String lastX = x.labels().isEmpty() ? "" : x.labels().get(x.labels().size() - 1).plain();
        int right = PAD + Math.max(kfm.stringWidth(lastX) / 2, x.factor() != 0 ? kfm.stringWidth(factorText(x.factor())) : 0);
        int bottom = PAD + lfm.getHeight() + 2 + kfm.getHeight() + 2 + TICK;
        int pw = width() - left - right, ph = height() - top - bottom;
        int inside = square ? Math.min(pw, ph) : pw; // a square plot (ROC) narrows to its height: the legend must fit that
        boolean legendBelow = legend.width > inside * 0.6 || legend.height > ph * 0.45;
        if (legendBelow) {
            legend.wrapTo(width() - 2 * PAD);
            bottom += legend.height + 4;
            ph = height() - top - bottom;
        }
        List<String> yLines = Text.wrap(yLabel, lfm, ph);
        if (yLines.size() > 2) yLines = List.of(yLabel); // very long: one line, shrunk below
        left += (yLines.size() - 1) * lfm.getHeight();
        pw -= (yLines.size() - 1) * lfm.getHeight();
        int shift = 0; // a square plot is centred: its labels move with it
        if (square) { // equal scales (ROC): the plot is as wide as it is high
            int sideLength = Math.min(pw, ph);
            shift = (pw - sideLength) / 2;
            left += shift;
            pw = ph = sideLength;
        }
        Rectangle2D plot = new Rectangle2D.Double(left, top, pw, ph);

        // title
        g.setColor(INK);
        g.setFont(titleFont);
        float ty = PAD + tfm.getAscent();
        for (String line : titleLines) {
            g.drawString(line, (float) (width() - tfm.stringWidth(line)) / 2f, ty);
            ty += tfm.getHeight();
        }
        // grid at major ticks
        g.setStroke(new BasicStroke(0.8f));
        g.setColor(GRID);
        for (double t : y.major()) g.draw(new Line2D.Double(left, py(y, t, plot), left + pw, py(y, t, plot)));
        for (double t : x.major()) g.draw(new Line2D.Double(px(x, t, plot), top, px(x, t, plot), top + ph));
        // series, clipped to the plot
        Graphics2D clip = (Graphics2D) g.create();
        clip.clip(new Rectangle2D.Double(left - 3, top - 3, pw + 6, ph + 6));
        int styleIndex = 0;
        List<double[]> drawnPoints = new ArrayList<>();
        for (Series s : series) {
            drawSeries(clip, s, styleOf(s, styleIndex++), x, y, plot, drawnPoints);
        }
        clip.dispose();
        // frame and ticks
        g.setColor(FRAME);
        g.setStroke(new BasicStroke(0.8f));
        g.draw(plot);
        g.setFont(tickFont);
        for (double t : y.minor()) g.draw(new Line2D.Double(left - MINOR_TICK, py(y, t, plot), left, py(y, t, plot)));
        for (double t : x.minor()) g.draw(new Line2D.Double(px(x, t, plot), top + ph, px(x, t, plot), top + ph + MINOR_TICK));
        g.setColor(INK);
        for (int i = 0; i < y.major().length; i++) {
            double yy = py(y, y.major()[i], plot);
            g.setColor(FRAME);
            g.draw(new Line2D.Double(left - TICK, yy, left, yy));
            g.setColor(INK);
            PlotAxis.Label l = y.labels().get(i);
            drawLabel(g, l, left - TICK - 3 - labelWidth(l, kfm, sfm), (float) yy + kfm.getAscent() / 2f - 1, tickFont, supFont, kfm);
        }
        for (int i = 0; i < x.major().length; i++) {
            double xx = px(x, x.major()[i], plot);
            g.setColor(FRAME);
            g.draw(new Line2D.Double(xx, top + ph, xx, top + ph + TICK));
            g.setColor(INK);
            PlotAxis.Label l = x.labels().get(i);
            drawLabel(g, l, (float) xx - labelWidth(l, kfm, sfm) / 2f, top + ph + TICK + 2 + kfm.getAscent(), tickFont, supFont, kfm);
        }
        if (y.factor() != 0) drawFactor(g, y.factor(), left, top - 4, tickFont, supFont, kfm);
        if (x.factor() != 0) drawFactor(g, x.factor(), left + pw - kfm.stringWidth(factorText(x.factor())), top + ph + TICK + 2 + 2 * kfm.getAscent() + 2, tickFont, supFont, kfm);
        // axis labels
        g.setFont(labelFont);
        g.setColor(INK);
        float xLabelY = top + ph + TICK + 2 + kfm.getHeight() + 2 + lfm.getAscent();
        g.drawString(xLabel, (float) (left + pw / 2.0 - lfm.stringWidth(xLabel) / 2.0), xLabelY);
        Graphics2D rot = (Graphics2D) g.create();
        rot.rotate(-Math.PI / 2);
        for (int i = 0; i < yLines.size(); i++) {
            String yl = yLines.get(i);
            rot.setFont(lfm.stringWidth(yl) > ph ? labelFont.deriveFont(labelFont.getSize2D() * (float) ph / lfm.stringWidth(yl)) : labelFont);
            rot.drawString(yl, -(float) (top + ph / 2.0 + rot.getFontMetrics().stringWidth(yl) / 2.0), shift + PAD + lfm.getAscent() + i * lfm.getHeight());
        }
        rot.dispose();
        // legend
        if (!legend.entries.isEmpty()) {
            if (legendBelow) legend.draw(g, (width() - legend.width) / 2.0, xLabelY + lfm.getDescent() + 6);
            else legend.drawInBestCorner(g, plot, drawnPoints);
        }
    }

    /** The style of the {@code index}-th series (references take none of the palette's places). */
    private static Style styleOf(Series s, int index) {
        return switch (s.kind()) {
            case REFERENCE -> Style.REFERENCE;
            case POINTS -> new Style(PALETTE_10[index % PALETTE_10.length], null, 1.8f, Marker.values()[index % 4], false);
            case RINGS -> new Style(new Color(0x333333), null, 1f, Marker.RING, false);
            case DATA -> Style.of(index);
        };
    }

    /** How large scatter markers are drawn: smaller as the points grow many. */
    private double pointScale() {
        long n = series.stream().filter(s -> s.kind() == Kind.POINTS || s.kind() == Kind.RINGS).mapToLong(s -> s.x().length).sum();
        return n > 4000 ? 0.5 : n > 1000 ? 0.65 : n > 300 ? 0.8 : 1;
    }

    private void drawSeries(Graphics2D g, Series s, Style st, PlotAxis x, PlotAxis y, Rectangle2D plot, List<double[]> drawn) {
        if (!st.line()) {
            double scale = pointScale();
            g.setStroke(new BasicStroke(0.7f));
            g.setColor(new Color(st.color().getRed(), st.color().getGreen(), st.color().getBlue(), scale < 0.8 ? 160 : 230));
            for (int i = 0; i < s.x().length; i++) {
                double fx = x.fraction(s.x()[i]), fy = y.fraction(s.y()[i]);
                if (!Double.isFinite(fx) || !Double.isFinite(fy)) continue;
                double sx = plot.getX() + fx * plot.getWidth(), sy = plot.getY() + (1 - fy) * plot.getHeight();
                st.marker().draw(g, sx, sy, scale);
                drawn.add(new double[] {sx, sy});
            }
            return;
        }
        Path2D path = new Path2D.Double();
        boolean pen = false;
        List<double[]> points = new ArrayList<>();
        for (int i = 0; i < s.x().length; i++) {
            double fx = x.fraction(s.x()[i]), fy = y.fraction(s.y()[i]);
            if (!Double.isFinite(fx) || !Double.isFinite(fy)) {
                pen = false;
                continue;
            }
            double sx = plot.getX() + fx * plot.getWidth(), sy = plot.getY() + (1 - fy) * plot.getHeight();
            if (pen) {
                path.lineTo(sx, sy);
                double[] prev = points.get(points.size() - 1);
                int n = (int) (Math.hypot(sx - prev[0], sy - prev[1]) / 4); // the line too, not only its points, keeps the legend away
                for (int k = 1; k < n; k++) drawn.add(new double[] {prev[0] + (sx - prev[0]) * k / n, prev[1] + (sy - prev[1]) * k / n});
            } else {
                path.moveTo(sx, sy);
            }
            pen = true;
            points.add(new double[] {sx, sy});
        }
        drawn.addAll(points);
        g.setColor(st.color);
        g.setStroke(st.stroke());
        g.draw(path);
        if (st.marker != Marker.NONE && s.x().length <= MARKERS_UP_TO) {
            g.setStroke(new BasicStroke(1f));
            for (double[] p : points) st.marker.draw(g, p[0], p[1]);
        }
    }

    private static double px(PlotAxis a, double v, Rectangle2D plot) { return plot.getX() + a.fraction(v) * plot.getWidth(); }

    private static double py(PlotAxis a, double v, Rectangle2D plot) { return plot.getY() + (1 - a.fraction(v)) * plot.getHeight(); }

    private PlotAxis xAxis() {
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            if (s.kind() == Kind.REFERENCE && !square) continue;
            for (int i = 0; i < s.x().length; i++) {
                if (!Double.isFinite(s.x()[i]) || !usable(s.y()[i])) continue;
                lo = Math.min(lo, s.x()[i]);
                hi = Math.max(hi, s.x()[i]);
            }
        }
        if (square) return PlotAxis.linear(0, 1, true);
        return PlotAxis.linear(lo, hi, false, integerX);
    }

    private PlotAxis yAxis() {
        if (square) return PlotAxis.linear(0, 1, true);
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (Series s : series) {
            for (double v : s.y()) {
                if (!usable(v)) continue;
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        return logY ? PlotAxis.log(lo, hi) : PlotAxis.linear(lo, hi, false);
    }

    private boolean usable(double v) {
        return Double.isFinite(v) && (!logY || v > 0);
    }

    private static boolean allWhole(List<Series> series) {
        for (Series s : series) for (double v : s.x()) if (Double.isFinite(v) && v != Math.rint(v)) return false;
        return true;
    }

    // ------------------------------------------------------------------ labels

    static int labelWidth(PlotAxis.Label l, FontMetrics main, FontMetrics sup) {
        return main.stringWidth(l.text()) + (l.exponent() == null ? 0 : 1 + sup.stringWidth(l.exponent()));
    }

    private static void drawLabel(Graphics2D g, PlotAxis.Label l, float x, float baseline, Font main, Font sup, FontMetrics mfm) {
        g.setFont(main);
        g.drawString(l.text(), x, baseline);
        if (l.exponent() != null) {
            g.setFont(sup);
            g.drawString(l.exponent(), x + mfm.stringWidth(l.text()) + 1, baseline - mfm.getAscent() * 0.45f);
            g.setFont(main);
        }
    }

    private static String factorText(int factor) { return "×10" + Integer.toString(factor).replace("-", "−"); }

    private static void drawFactor(Graphics2D g, int factor, float x, float baseline, Font main, Font sup, FontMetrics mfm) {
        drawLabel(g, new PlotAxis.Label("×10", Integer.toString(factor).replace("-", "−")), x, baseline, main, sup, mfm);
    }

    // ------------------------------------------------------------------ styles

    /** Marker shapes, told apart without colour. */
    enum Marker {
        CIRCLE, SQUARE, TRIANGLE, DIAMOND, NONE, RING;

        void draw(Graphics2D g, double x, double y) { draw(g, x, y, 1); }

        void draw(Graphics2D g, double x, double y, double scale) {
            double r = 2.8 * scale;
            Shape s = switch (this) {
                case CIRCLE -> new Ellipse2D.Double(x - r, y - r, 2 * r, 2 * r);
                case SQUARE -> new Rectangle2D.Double(x - r * 0.9, y - r * 0.9, 1.8 * r, 1.8 * r);
                case TRIANGLE -> polygon(new double[] {x, x + r * 1.1, x - r * 1.1}, new double[] {y - r * 1.2, y + r * 0.8, y + r * 0.8});
                case DIAMOND -> polygon(new double[] {x, x + r * 1.2, x, x - r * 1.2}, new double[] {y - r * 1.2, y, y + r * 1.2, y});
                case NONE -> null;
                case RING -> new Ellipse2D.Double(x - r * 1.2, y - r * 1.2, 2.4 * r, 2.4 * r);
            };
            if (this == RING) g.draw(s);
            else if (s != null) g.fill(s);
        }

        private static Shape polygon(double[] xs, double[] ys) {
            Path2D p = new Path2D.Double();
            p.moveTo(xs[0], ys[0]);
            for (int i = 1; i < xs.length; i++) p.lineTo(xs[i], ys[i]);
            p.closePath();
            return p;
        }
    }

    /** A series' colour, dash pattern, width and marker. */
    record Style(Color color, float[] dash, float width, Marker marker, boolean line) {
        static final Style REFERENCE = new Style(new Color(0x777777), new float[] {4f, 3f}, 1f, Marker.NONE, true);

        Style withoutMarker() { return new Style(color, dash, width, Marker.NONE, line); }

        Style asPoints() { return new Style(color, null, width, marker, false); }

        /** The markers series take in turn. */
        private static final List<Marker> MARKERS = List.of(Marker.CIRCLE, Marker.SQUARE, Marker.TRIANGLE, Marker.DIAMOND);

        static Style of(int i) {
            return new Style(PALETTE[i % PALETTE.length], DASHES[i % DASHES.length], 1.8f, MARKERS.get(i % MARKERS.size()), true);
        }

        BasicStroke stroke() {
            return dash == null ? new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                    : new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
        }
    }

    /** The legend: one entry per series, laid out in one column, or in rows when it goes beneath the plot. */
    private final class Legend {
        final List<String> entries = new ArrayList<>();
        final List<Style> styles = new ArrayList<>();
        final FontMetrics fm;
        static final int SAMPLE = 24, GAP = 6, INSET = 6;
        int width, height;
        List<List<Integer>> rows = new ArrayList<>();

        Legend(FontMetrics fm) {
            this.fm = fm;
            int styleIndex = 0;
            for (Series s : series) {
                entries.add(s.name());
                Style st = styleOf(s, styleIndex++);
                styles.add(s.x().length <= MARKERS_UP_TO || !st.line() ? st : st.withoutMarker()); // as the series is drawn
            }
            if (entries.size() <= 1 && series.stream().noneMatch(s -> s.kind() == Kind.REFERENCE)) { // one line needs no legend
                entries.clear();
                styles.clear();
            }
            for (int i = 0; i < entries.size(); i++) rows.add(List.of(i));
            measure();
        }

        int entryWidth(int i) { return SAMPLE + 4 + fm.stringWidth(entries.get(i)); }

        void measure() {
            width = 0;
            for (List<Integer> row : rows) {
                int w = 0;
                for (int i : row) w += entryWidth(i) + (w == 0 ? 0 : 14);
                width = Math.max(width, w);
            }
            width += 2 * INSET;
            height = rows.size() * (fm.getHeight() + 1) + 2 * INSET - 1;
        }

        void wrapTo(int max) {
            rows = new ArrayList<>();
            List<Integer> row = new ArrayList<>();
            int w = 2 * INSET;
            for (int i = 0; i < entries.size(); i++) {
                int e = entryWidth(i) + (row.isEmpty() ? 0 : 14);
                if (!row.isEmpty() && w + e > max) {
                    rows.add(row);
                    row = new ArrayList<>();
                    w = 2 * INSET;
                    e = entryWidth(i);
                }
                row.add(i);
                w += e;
            }
            if (!row.isEmpty()) rows.add(row);
            measure();
        }

        void drawInBestCorner(Graphics2D g, Rectangle2D plot, List<double[]> points) {
            double[][] corners = {
                    {plot.getMaxX() - width - GAP, plot.getY() + GAP}, {plot.getX() + GAP, plot.getY() + GAP},
                    {plot.getX() + GAP, plot.getMaxY() - height - GAP}, {plot.getMaxX() - width - GAP, plot.getMaxY() - height - GAP}};
            int best = 0;
            long bestCount = Long.MAX_VALUE;
            for (int c = 0; c < corners.length; c++) {
                Rectangle2D box = new Rectangle2D.Double(corners[c][0] - 3, corners[c][1] - 3, width + 6, height + 6);
                long n = points.stream().filter(p -> box.contains(p[0], p[1])).count();
                if (n < bestCount) {
                    bestCount = n;
                    best = c;
                }
            }
            Rectangle2D box = new Rectangle2D.Double(corners[best][0], corners[best][1], width, height);
            g.setColor(new Color(255, 255, 255, 225));
            g.fill(box);
            g.setColor(new Color(0xcccccc));
            g.setStroke(new BasicStroke(0.8f));
            g.draw(box);
            draw(g, box.getX(), box.getY());
        }

        void draw(Graphics2D g, double x0, double y0) {
            g.setFont(fm.getFont());
            double y = y0 + INSET;
            for (List<Integer> row : rows) {
                double x = x0 + INSET;
                double mid = y + fm.getHeight() / 2.0;
                for (int i : row) {
                    Style st = styles.get(i);
                    g.setColor(st.color());
                    g.setStroke(st.stroke());
                    if (st.line()) g.draw(new Line2D.Double(x, mid, x + SAMPLE, mid));
                    if (st.marker() != Marker.NONE) st.marker().draw(g, x + SAMPLE / 2.0, mid);
                    g.setColor(INK);
                    g.drawString(entries.get(i), (float) (x + SAMPLE + 4), (float) (y + fm.getAscent()));
                    x += entryWidth(i) + 14;
                }
                y += fm.getHeight() + 1;
            }
        }
    }

    // ------------------------------------------------------------------ data

    @Override
    public String dataCsv() {
        StringBuilder sb = new StringBuilder("series,x,y\n");
        for (Series s : series) {
            String name = Text.csv(s.name());
            for (int i = 0; i < s.x().length; i++) {
                sb.append(name).append(',').append(num(s.x()[i])).append(',').append(num(s.y()[i])).append('\n');
            }
        }
        return sb.toString();
    }

    private static String num(double v) {
        return Double.isFinite(v) ? starnet.model.Numbers.plain(v) : "";
    }

    @Override
    public String toString() { return String.format(Locale.ROOT, "LinePlot[%s, %d series]", title, series.size()); }
}
