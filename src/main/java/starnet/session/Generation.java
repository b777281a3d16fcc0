package starnet.session;

import starnet.model.FigureFormat;
import starnet.figures.FigureWriter;
import starnet.figures.GridFigure;
import starnet.io.Npy;
import starnet.math.Matrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code generate}: samples and interpolations of a saved session's decoder, as PNG grids and NumPy arrays. */
public final class Generation {
    /** Images per row of a grid. */
    private static final int ROW = 12;

    private Generation() {}

    /**
     * What to generate.
     *
     * @param count       samples to draw (0: none)
     * @param className   a class to sample from (its name or index), or null for any
     * @param spread      how far samples stray from their Gaussian's mean (1 = as fitted)
     * @param seed        the samples' seed
     * @param between     two item indices to interpolate between, or null
     * @param steps       images on the interpolation's line, ends included
     */
    public record Request(int count, String className, double spread, long seed, int[] between, int steps) {
        public Request {
            if (count < 0 || count > 10_000) throw new UserError("--count expects 0 to 10000 samples, got " + count);
            if (!(spread > 0 && spread <= 2)) throw new UserError("--spread expects a number above 0 and at most 2, got " + spread);
            if (steps < 2 || steps > 1000) throw new UserError("--steps expects 2 to 1000, got " + steps);
            if (count == 0 && between == null) throw new UserError("say what to generate: --count N samples, --interpolate A,B, or both");
        }
    }

    /** What was written, and where the samples came from in words ("" without samples). */
    public record Written(List<Path> files, String source) {}

    /** Opens {@code sessionFile} (its data reloaded), generates into {@code out} (created) and returns what it wrote. */
    public static Written run(Path sessionFile, Request r, Path out, Compute compute) throws IOException {
        WorkbenchSession s = WorkbenchSession.immediate(compute);
        try {
            SessionRuns.await(s.open(sessionFile));
            if (!s.state().finished()) throw new UserError(sessionFile + " is not fully trained; generation uses the codes h₀ of the first layer");
            Files.createDirectories(out);
            List<Path> files = new ArrayList<>();
            String source = "";
            var d = s.state().dataset();
            if (r.count() > 0) {
                int cls = classIndex(r.className(), SessionRuns.await(s.research().sampleClasses()));
                ResearchJobs.Sampled sampled = SessionRuns.await(s.research().sample(r.count(), r.seed(), cls, r.spread()));
                files.addAll(write(out, "samples", "Samples", sampled.images(), d.channels(), d.height(), d.width()));
                source = sampled.source();
            }
            if (r.between() != null) {
                Matrix line = SessionRuns.await(s.research().interpolate(r.between()[0], r.between()[1], r.steps()));
                files.addAll(write(out, "interpolation", "From item " + r.between()[0] + " to item " + r.between()[1], line, d.channels(), d.height(), d.width()));
            }
            return new Written(files, source);
        } finally {
            s.close();
        }
    }

    private static int classIndex(String name, List<String> classes) {
        if (name == null) return -1;
        if (classes.isEmpty()) throw new UserError("--class: this data has no classes (no labels); leave --class out");
        int i = classes.indexOf(name);
        if (i >= 0) return i;
        try {
            int n = Integer.parseInt(name.trim());
            if (n >= 0 && n < classes.size()) return n;
        } catch (NumberFormatException e) {
            // not an index either
        }
        throw new UserError("--class expects one of " + String.join(", ", classes) + " (or 0–" + (classes.size() - 1) + "), got '" + name + "'");
    }

    private static List<Path> write(Path dir, String name, String title, Matrix images, int c, int h, int w) throws IOException {
        Path png = dir.resolve(name + ".png"), npy = dir.resolve(name + ".npy");
        List<GridFigure.Row> rows = new ArrayList<>();
        for (int from = 0; from < images.rows(); from += ROW) rows.add(new GridFigure.Row("", images.rowRange(from, Math.min(images.rows(), from + ROW))));
        FigureWriter.writeFigure(new GridFigure(title, rows, List.of(), c, h, w), png, FigureFormat.PNG, 2);
        starnet.io.AtomicFiles.write(npy, o -> Npy.write(o, new int[] {images.rows(), c, h, w}, images.data()));
        return List.of(png, npy);
    }
}
