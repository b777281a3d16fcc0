package starnet.explore;

import starnet.model.SweepPlan;

import starnet.model.SweepChart;
import starnet.model.SweepRow;
import starnet.model.SweepAxis;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import starnet.baseline.Pca;
import starnet.model.Dataset;
import starnet.data.HeldOut;
import starnet.model.FigureFormat;
import starnet.figures.FigureWriter;
import starnet.figures.LinePlot;
import starnet.io.AtomicFiles;
import starnet.io.Json;
import starnet.math.LinearAlgebra;
import starnet.model.ConvUnpoolLayer;
import starnet.model.DeterminednessReport;
import starnet.model.LayerPlan;
import starnet.model.Numbers;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;
import starnet.training.Cancellation;
import starnet.training.Engines;
import starnet.training.Inference;
import starnet.training.StarNetTrainer;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Trains one model per combination of one or two swept settings and records the final output MSE (training and
 * held-out items), time, the worst condition and the PCA bound; writes {@code sweep.csv} after every run and its
 * charts ({@link SweepChart}: {@code sweep.png}, {@code sweep-seconds.png}, {@code sweep-condition.png}) so a cancelled
 * sweep keeps what it finished. Running the same sweep into the
 * same folder again resumes: combinations already in {@code sweep.csv} are not trained again.
 */
public final class Sweep {
    /** Held-out items measured per run, at most. */
    public static final int HELD_OUT = 500;
    static final String CSV = "sweep.csv", SETTINGS = "sweep.json";

    private final SweepPlan plan;
    private final StarNetConfig base;
    private final List<SweepAxis> axes;

    public Sweep(SweepPlan plan) {
        this.plan = plan;
        this.base = plan.base();
        this.axes = plan.axes();
    }

    public Sweep(StarNetConfig base, List<SweepAxis> axes) {
        this(new SweepPlan(base, axes));
    }

    public SweepPlan plan() { return plan; }

    public List<SweepAxis> axes() { return axes; }

    /** Every combination, the first axis varying slowest. */
    public List<List<String>> combinations() { return plan.combinations(); }

    /** The configuration of one combination. */
    public StarNetConfig config(List<String> values) { return plan.config(values); }

    /**
     * Runs every combination not yet in {@code dir}'s sweep.csv on {@code data} (the whole loaded data: the base
     * configuration's limit picks the training items, the rest or the sample's test split are held out).
     *
     * @param onRow    called with each row, resumed ones first
     * @param progress called with a fraction done and a line of text
     * @return all rows, in the order of {@link #combinations()}
     * @throws IllegalArgumentException when {@code dir} holds a sweep of other settings
     */
    public List<SweepRow> run(Dataset data, LinearAlgebra la, Path dir, Consumer<SweepRow> onRow, Progress progress, Cancellation cancel) throws IOException {
        Files.createDirectories(dir);
        String signature = signature(data);
        Map<List<String>, SweepRow> done = resume(dir, signature);
        AtomicFiles.writeText(dir.resolve(SETTINGS), signature);
        int n = base.data().limit() > 0 ? Math.min(base.data().limit(), data.size()) : data.size();
        Dataset train = data.limit(n);
        Dataset held = HeldOut.of(base.data(), data, n, HELD_OUT);
        Pca pca = null;
        List<List<String>> combos = combinations();
        List<SweepRow> rows = new ArrayList<>();
        for (int i = 0; i < combos.size(); i++) {
            List<String> values = combos.get(i);
            SweepRow row = done.get(values);
            if (row == null) {
                progress.report((double) i / combos.size(), "run " + (i + 1) + " of " + combos.size() + ": " + describe(values));
                if (pca == null) pca = Pca.fit(train.images(), la);
                row = runOne(values, train, held, pca, la, cancel);
            }
            rows.add(row);
            onRow.accept(row);
            if (!done.containsKey(values)) save(dir, rows);
        }
        if (done.containsKey(combos.get(combos.size() - 1))) save(dir, rows); // else the last run's save wrote them all already
        progress.report(1, "sweep done: " + combos.size() + (combos.size() == 1 ? " run" : " runs"));
        return rows;
    }

    /** Where a sweep reports how far it is. */
    @FunctionalInterface
    public interface Progress {
        void report(double fraction, String text);
    }

    /** "slope = 0.2, ridge = 1e-6". */
    public String describe(List<String> values) { return plan.describe(values); }

    private SweepRow runOne(List<String> values, Dataset train, Dataset held, Pca pca, LinearAlgebra la, Cancellation cancel) {
        StarNetConfig c = config(values);
        List<LayerPlan> plan;
        try {
            plan = c.architecture().plan(train.channels(), train.height(), train.width());
        } catch (IllegalArgumentException e) {
            return failed(values, "does not fit the images: " + e.getMessage());
        }
        DeterminednessReport report = DeterminednessReport.forDecoder(plan, train.size(), c.architecture().slope(), c.training());
        if (report.hasErrors()) return failed(values, "not determined: " + report.firstError());
        int codeWidth = c.architecture().widths(train.channels(), train.height(), train.width())[0];
        long t0 = System.nanoTime();
        StarNetTrainer t = StarNetTrainer.create(c, train.images(), train.channels(), train.height(), train.width(), la);
        List<StepResult> steps = t.trainAll(cancel);
        double seconds = (System.nanoTime() - t0) / 1e9;
        double worst = 0;
        for (StepResult r : steps) if (Double.isFinite(r.condition())) worst = Math.max(worst, r.condition());
        double heldMse = Double.NaN;
        boolean inferable = t.decoder().layers().stream().noneMatch(l -> l instanceof ConvUnpoolLayer conv && !conv.denseFits());
        if (held != null && inferable) heldMse = Inference.outputMse(Engines.layerSystem(c, la), t.decoder(), held.images(), 0, cancel);
        return new SweepRow(values, steps.get(steps.size() - 1).outputMse(), heldMse, pca.mse(codeWidth), seconds, worst, "");
    }

    private static SweepRow failed(List<String> values, String why) {
        return new SweepRow(values, Double.NaN, Double.NaN, Double.NaN, 0, Double.NaN, why);
    }

    /** Final output MSE against the first setting: training and held-out per value of the second, and the PCA bound. */
    public LinePlot figure(List<SweepRow> rows) {
        return figure(rows, SweepChart.MSE);
    }

    /** {@code chart} against the first setting, one line per value of the second (runs that could not train are left out). */
    public LinePlot figure(List<SweepRow> rows, SweepChart chart) {
        SweepAxis x = axes.get(0);
        List<String> groups = axes.size() == 2 ? axes.get(1).values() : List.of("");
        List<LinePlot.Series> series = new ArrayList<>();
        for (String g : groups) {
            List<SweepRow> in = rows.stream().filter(r -> axes.size() == 1 || r.values().get(1).equals(g)).toList();
            String suffix = g.isEmpty() ? "" : axes.get(1).param().id() + " = " + axes.get(1).param().display(g);
            switch (chart) {
                case MSE -> {
                    series.add(series("training items" + (suffix.isEmpty() ? "" : ", " + suffix), in, x, SweepRow::trainMse));
                    if (in.stream().anyMatch(r -> Double.isFinite(r.heldOutMse()))) {
                        series.add(series("held-out items" + (suffix.isEmpty() ? "" : ", " + suffix), in, x, SweepRow::heldOutMse));
                    }
                }
                case SECONDS -> series.add(series(suffix.isEmpty() ? "training" : suffix, in.stream().filter(SweepRow::ran).toList(), x, SweepRow::seconds));
                case CONDITION -> series.add(series(suffix.isEmpty() ? "worst condition" : suffix, in, x, SweepRow::worstCondition));
            }
        }
        if (chart == SweepChart.MSE) {
            List<SweepRow> pcaRows = rows.stream().filter(r -> Double.isFinite(r.pcaMse())).toList();
            if (!pcaRows.isEmpty()) {
                LinePlot.Series p = series("PCA bound at the code width", pcaRows.stream().filter(r -> axes.size() == 1 || r.values().get(1).equals(pcaRows.get(0).values().get(1))).toList(), x, SweepRow::pcaMse);
                series.add(new LinePlot.Series(p.name(), p.x(), p.y(), LinePlot.Kind.REFERENCE));
            }
        }
        String xLabel = x.param().logScale() ? "log₁₀ " + x.param().label()
                : x.param().numericFor(x.values()) ? x.param().label() : x.param().label() + ": " + positions(x);
        return switch (chart) {
            case MSE -> new LinePlot("Sweep: reconstruction MSE against " + x.param().label(), xLabel, "output MSE after training", series, true);
            case SECONDS -> new LinePlot("Sweep: training time against " + x.param().label(), xLabel, "seconds", series, false);
            case CONDITION -> new LinePlot("Sweep: worst condition number against " + x.param().label(), xLabel, "largest condition estimate of any solve", series,
                    spansDecades(series));
        };
    }

    /** Whether the values span more than a factor of 20 (then a log axis reads better). */
    private static boolean spansDecades(List<LinePlot.Series> series) {
        double lo = Double.POSITIVE_INFINITY, hi = 0;
        for (LinePlot.Series s : series) for (double v : s.y()) if (Double.isFinite(v) && v > 0) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
        return hi > 20 * lo;
    }

    private static String positions(SweepAxis x) {
        List<String> p = new ArrayList<>();
        for (int i = 0; i < x.values().size(); i++) p.add((i + 1) + " = " + x.param().display(x.values().get(i)));
        return String.join(", ", p);
    }

    private static LinePlot.Series series(String name, List<SweepRow> rows, SweepAxis x, java.util.function.ToDoubleFunction<SweepRow> y) {
        double[] xs = new double[rows.size()], ys = new double[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            xs[i] = x.param().plotted(rows.get(i).values().get(0), x.values());
            ys[i] = y.applyAsDouble(rows.get(i));
        }
        return new LinePlot.Series(name, xs, ys);
    }

    // ------------------------------------------------------------------ files

    private String signature(Dataset data) throws IOException {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("base", base);
        s.put("data", data.source() + " (" + data.size() + " items, " + data.contentHash(Math.min(data.size(), 1000)) + ")");
        s.put("axes", axes.stream().map(SweepAxis::toString).toList());
        return Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(s);
    }

    private Map<List<String>, SweepRow> resume(Path dir, String signature) throws IOException {
        Map<List<String>, SweepRow> done = new LinkedHashMap<>();
        Path settings = dir.resolve(SETTINGS), csv = dir.resolve(CSV);
        if (!Files.exists(settings)) return done;
        if (!Files.readString(settings, StandardCharsets.UTF_8).equals(signature)) {
            throw new IllegalArgumentException(dir + " holds a sweep of other settings or data; choose another folder to start a new one");
        }
        if (!Files.exists(csv)) return done;
        try (CSVParser p = CSVParser.parse(new StringReader(Files.readString(csv, StandardCharsets.UTF_8)), CSVFormat.DEFAULT.builder().setHeader().get())) {
            for (CSVRecord r : p) {
                List<String> values = new ArrayList<>();
                for (SweepAxis a : axes) values.add(r.get(a.param().id()));
                done.put(values, new SweepRow(values, num(r.get("train_mse")), num(r.get("heldout_mse")), num(r.get("pca_mse")),
                        num(r.get("seconds")), num(r.get("worst_condition")), r.get("note")));
            }
        } catch (NumberFormatException e) {
            throw damaged(csv, "a number column holds text");
        } catch (java.io.UncheckedIOException e) {
            throw damaged(csv, "it is not well-formed CSV (a quote left open, or a malformed line)");
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw damaged(csv, "a line lacks a column this sweep writes (" + String.join(", ", columns()) + ")");
        }
        return done;
    }

    private static IllegalArgumentException damaged(Path csv, String why) {
        return new IllegalArgumentException(csv + " is damaged: " + why + "; delete it to run the sweep again");
    }

    private List<String> columns() {
        List<String> header = new ArrayList<>();
        for (SweepAxis a : axes) header.add(a.param().id());
        header.addAll(List.of("train_mse", "heldout_mse", "pca_mse", "seconds", "worst_condition", "note"));
        return header;
    }

    private static double num(String s) { return s.isEmpty() ? Double.NaN : Double.parseDouble(s); }

    /** The rows as CSV text (a header, then one line per row). */
    public String csv(List<SweepRow> rows) {
        StringBuilder sb = new StringBuilder();
        List<String> header = columns();
        try (org.apache.commons.csv.CSVPrinter out = new org.apache.commons.csv.CSVPrinter(sb, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            out.printRecord(header);
            for (SweepRow r : rows) {
                List<String> line = new ArrayList<>(r.values());
                for (double v : new double[] {r.trainMse(), r.heldOutMse(), r.pcaMse(), r.seconds(), r.worstCondition()}) line.add(plain(v));
                line.add(r.problem());
                out.printRecord(line);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringBuilder does not fail
        }
        return sb.toString();
    }

    private static String plain(double v) { return Double.isFinite(v) ? Numbers.plain(v) : ""; }

    private void save(Path dir, List<SweepRow> rows) throws IOException {
        AtomicFiles.writeText(dir.resolve(CSV), csv(rows));
        if (rows.stream().anyMatch(SweepRow::ran)) {
            for (SweepChart c : SweepChart.values()) FigureWriter.writeFigure(figure(rows, c), dir.resolve(c.file()), FigureFormat.PNG, 2);
        }
    }

}
