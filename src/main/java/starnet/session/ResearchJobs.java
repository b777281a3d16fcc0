package starnet.session;

import starnet.figures.FigureWriter;
import starnet.figures.LinePlot;
import starnet.math.Matrix;
import starnet.model.Experiment;
import starnet.training.CodeDensity;
import starnet.training.CodeSpace;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What a session does with a trained model beyond reconstruction, as named background tasks: samples and
 * interpolations decoded from the codes, moves along their principal directions, end-to-end refinement,
 * out-of-distribution scores, the paper's experiments and the PCA row of the grids. The window and the command line
 * both ask here; every job reads the model, none steps it.
 */
public final class ResearchJobs {
    private final WorkbenchSession session;
    private final AtomicReference<CodeSpaceCache> space = new AtomicReference<>(); // read and written by jobs on the session's worker
    private final AtomicReference<DensityCache> density = new AtomicReference<>();

    private record CodeSpaceCache(Matrix codes, CodeSpace space) {}

    private record DensityCache(Matrix codes, CodeDensity density) {}

    /** The density the samples come from, fitted once per set of codes (on the worker). */
    private CodeDensity density(WorkbenchSession.WorkView v, TaskContext ctx) {
        Matrix codes = codes(v, "sampling");
        DensityCache c = density.get();
        if (c != null && c.codes() == codes) return c.density();
        ctx.progress(-1, "fitting the density of the codes");
        var d = v.dataset();
        CodeDensity fitted = CodeDensity.fit(codes, d.labels() == null ? null : java.util.Arrays.copyOf(d.labels(), codes.rows()),
                d.classNames() == null || d.classNames().isEmpty() ? null : d.classNames(), v.config().training().seed(), v.la(), ctx);
        density.set(new DensityCache(codes, fitted));
        return fitted;
    }

    ResearchJobs(WorkbenchSession session) {
        this.session = session;
    }

    /** The Gaussian of the current codes, fitted once per set of codes (on the worker). */
    private CodeSpace space(WorkbenchSession.WorkView v) {
        Matrix codes = codes(v, "generation");
        CodeSpaceCache c = space.get();
        if (c != null && c.codes() == codes) return c.space();
        CodeSpace fitted = CodeSpace.fit(codes);
        space.set(new CodeSpaceCache(codes, fitted));
        return fitted;
    }

    private static Matrix codes(WorkbenchSession.WorkView v, String what) {
        Matrix codes = v.trainer().codes();
        if (codes == null) throw new UserError("Train every layer first: " + what + " uses the codes h₀ of the first layer.");
        return codes;
    }

    /** How samples stray from their Gaussian's mean unless asked otherwise (1 = as fitted). */
    public static final double DEFAULT_SPREAD = starnet.training.CodeDensity.TEMPERATURE;

    /** Images decoded from sampled codes, and where the codes came from, in words. */
    public record Sampled(Matrix images, String source) {}

    /**
     * {@code count} images decoded from codes drawn (seeded) from the density of the training codes — one Gaussian per
     * class when the data has labels ({@code cls} ≥ 0: that class only), else a mixture BIC chose — with their spread
     * scaled by {@code temperature} (1: as fitted).
     */
    public CompletableFuture<Sampled> sample(int count, long seed, int cls, double temperature) {
        return session.researchTask(TaskKind.GENERATE, "Sampling " + count + " images", job -> {
            CodeDensity d = density(job.view(), job.context());
            if (cls >= 0 && cls >= d.classNames().size()) throw new UserError("Sampling: there is no class " + cls + " in this data.");
            Matrix images = job.view().trainer().decoder().decodeFrom(job.view().la(), 0, d.sample(count, seed, cls, temperature));
            String which = cls >= 0 ? " of class " + d.classNames().get(cls) : "";
            return new Sampled(images, "Samples" + which + " come from " + d.description() + ", spread × " + temperature + ".");
        });
    }

    /** The classes one may ask samples of (empty for data without labels), once the codes exist. */
    public CompletableFuture<java.util.List<String>> sampleClasses() {
        return session.researchTask(TaskKind.GENERATE, "The classes of the codes", job -> {
            var d = job.view().dataset();
            return d.labels() == null || d.classNames() == null ? java.util.List.<String>of() : d.classNames();
        });
    }

    /** {@code steps} images decoded from codes on the line between items {@code a} and {@code b}. */
    public CompletableFuture<Matrix> interpolate(int a, int b, int steps) {
        return session.researchTask(TaskKind.GENERATE, "Interpolating", job -> {
            Matrix codes = codes(job.view(), "interpolation");
            if (a < 0 || b < 0 || a >= codes.rows() || b >= codes.rows()) throw new UserError("Interpolation: items must be between 0 and " + (codes.rows() - 1) + ".");
            return job.view().trainer().decoder().decodeFrom(job.view().la(), 0, CodeSpace.interpolate(codes.row(a), codes.row(b), steps));
        });
    }

    /** The image of the mean code moved {@code t[i]} standard deviations along principal direction i, for the newest {@code t} asked when the job runs. */
    public CompletableFuture<Matrix> along(java.util.function.Supplier<double[]> t) {
        return session.researchTask(TaskKind.GENERATE, "Moving along principal directions",
                job -> job.view().trainer().decoder().decodeFrom(job.view().la(), 0, space(job.view()).along(t.get())));
    }

    /** Refines the trained model end to end ({@code rounds} rounds) and continues from it; completes with the summary. */
    public CompletableFuture<String> refine(int rounds) {
        CompletableFuture<String> done = new CompletableFuture<>();
        var unused = session.researchTask(TaskKind.REFINE, "Refining end to end", job -> Research.refine(job.view(), rounds, job.context())).whenComplete((r, e) -> {
            if (e != null) {
                failLike(done, e);
                return;
            }
            var unusedAdoption = session.adoptRefined(r.decoder(), r.codes(), "Refined").whenComplete((x, e2) -> {
                if (e2 != null) failLike(done, e2);
                else done.complete(r.summary());
            });
        });
        return done;
    }

    /** Ends {@code f} as {@code e} ended its own task: cancelled, or failed with its cause. */
    private static void failLike(CompletableFuture<?> f, Throwable e) {
        Throwable cause = e instanceof java.util.concurrent.CompletionException && e.getCause() != null ? e.getCause() : e;
        if (cause instanceof java.util.concurrent.CancellationException) f.cancel(false);
        else f.completeExceptionally(cause);
    }

    /** A scored comparison: the ROC curve drawn, and the summary line. */
    public record Scored(BufferedImage roc, String summary) {}

    /** Scores up to {@code n} held-out items against {@code n} of {@code otherSource}, with the ROC curve. */
    public CompletableFuture<Scored> score(String otherSource, int n) {
        return session.researchTask(TaskKind.SCORE, "Scoring against " + otherSource, job -> {
            Research.Scores s = Research.score(job.view(), otherSource, n, job.context());
            LinePlot fig = LinePlot.roc(String.format("ROC: %s vs %s", s.inName(), s.outName()), "residual score", s.roc());
            return new Scored(FigureWriter.toImage(fig, 1), s.summary());
        });
    }

    /** An experiment's main figure and what it reported. */
    public record ExperimentResult(Path figure, String log) {}

    /** Runs {@code experiment} on the data in use, into {@code dir}. */
    public CompletableFuture<ExperimentResult> experiment(Experiment experiment, Path dir) {
        return session.researchTask(TaskKind.EXPERIMENT, "Experiment " + experiment.id(), job -> {
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            PrintStream log = new PrintStream(text, true, StandardCharsets.UTF_8);
            try {
                Path fig = Experiments.run(experiment, job.view().config(), job.view().dataset(), job.view().la(), dir, 3, log::println, new starnet.model.WorkProgress() {
                    private String last = "";

                    @Override public void note(String line) {
                        log.println(line);
                        last = line;
                    }

                    @Override public void done(double fraction) { job.context().progress(fraction, last); }
                }, job.context());
                return new ExperimentResult(fig, text.toString(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UserError("Experiment " + experiment.id() + ": could not write to " + dir + " (" + Messages.describe(e) + ").");
            }
        });
    }

    /** The pinned items reconstructed by PCA at {@code rank} (the PCA row of the grids), once PCA has been computed. */
    public CompletableFuture<Matrix> pcaOfPinned(int rank) {
        return session.researchTask(TaskKind.BASELINE, "PCA reconstructions", job -> {
            var pca = session.pcaFitted();
            if (pca == null) throw new UserError("PCA: compute it first (the loss chart's PCA bound).");
            return pca.reconstruct(job.view().dataset().selectRows(session.state().pinned()), rank, job.view().la());
        });
    }
}
