package starnet.ui.research;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import starnet.model.Dataset;
import starnet.io.IoMessages;
import starnet.figures.FigureWriter;
import starnet.figures.LinePlot;
import starnet.math.Matrix;
import starnet.session.Research;
import starnet.session.TaskKind;
import starnet.session.UserError;
import starnet.session.WorkbenchSession;
import starnet.ui.core.FxThread;
import starnet.ui.core.SessionModel;

import java.awt.image.BufferedImage;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Beyond reconstruction: generation from the code distribution (samples, interpolation, principal
 * directions), end-to-end refinement and out-of-distribution scores. Each job is a cancellable
 * background task on the session; results come back on the JavaFX thread.
 */
public final class ResearchViewModel {
    private final SessionModel model;
    private final AtomicReference<CodeSpaceCache> space = new AtomicReference<>(); // read and written by jobs on the session's worker
    private final AtomicReference<double[]> pendingSliders = new AtomicReference<>();
    private final StringBinding refineBlocked;
    private final StringBinding generateBlocked;

    private record CodeSpaceCache(Matrix codes, starnet.training.CodeSpace space) {}

    /** A scored comparison: the ROC curve drawn, and the summary line. */
    public record ScoreResult(BufferedImage roc, String summary) {}

    public ResearchViewModel(SessionModel model) {
        this.model = model;
        generateBlocked = Bindings.createStringBinding(() -> model.runningProperty().get() ? "Training is running; pause it first"
                : !model.finishedProperty().get() ? "Train every layer first: these use the codes h₀ of the first layer"
                : model.tasksProperty().get().stream().anyMatch(t -> t.kind() == TaskKind.REFINE || t.kind() == TaskKind.SCORE
                        || t.kind() == TaskKind.EXPERIMENT) ? "Another job on the model is running; wait for it or cancel it in the status bar" : "",
                model.runningProperty(), model.finishedProperty(), model.tasksProperty());
        refineBlocked = Bindings.createStringBinding(() -> {
            String why = model.configProperty().get() == null ? "" : Research.refineBlockedReason(model.configProperty().get());
            return why.isEmpty() ? generateBlocked.get() : why;
        }, generateBlocked, model.configProperty());
    }

    /** The Gaussian of the current codes, fitted once per set of codes (on the worker). */
    private starnet.training.CodeSpace space(WorkbenchSession.WorkView v) {
        Matrix codes = v.trainer().codes();
        if (codes == null) throw new UserError("Train every layer first: generation uses the codes h₀ of the first layer.");
        CodeSpaceCache c = space.get();
        if (c != null && c.codes() == codes) return c.space();
        starnet.training.CodeSpace fitted = starnet.training.CodeSpace.fit(codes);
        space.set(new CodeSpaceCache(codes, fitted));
        return fitted;
    }

    /** Decodes 12 codes drawn from a Gaussian fitted to the training codes. */
    public void sample(long seed, Consumer<Matrix> onFx) {
        FxThread.check();
        model.whenDone(model.session().research(TaskKind.GENERATE, "Sampling 12 images",
                job -> job.view().trainer().decoder().decodeFrom(job.view().la(), 0, space(job.view()).sample(12, seed))), onFx);
    }

    /** Decodes 10 codes on the line between items {@code a} and {@code b}. */
    public void interpolate(int a, int b, Consumer<Matrix> onFx) {
        FxThread.check();
        model.whenDone(model.session().research(TaskKind.GENERATE, "Interpolating", job -> {
            Matrix codes = job.view().trainer().codes();
            if (codes == null) throw new UserError("Train every layer first: interpolation uses the codes h₀ of the first layer.");
            if (a < 0 || b < 0 || a >= codes.rows() || b >= codes.rows()) {
                throw new UserError("Interpolation: items must be between 0 and " + (codes.rows() - 1) + ".");
            }
            return job.view().trainer().decoder().decodeFrom(job.view().la(), 0,
                    starnet.training.CodeSpace.interpolate(codes.row(a), codes.row(b), 10));
        }), onFx);
    }

    /** Decodes the mean code moved {@code t[i]} standard deviations along principal direction i; only the newest request runs. */
    public void along(double[] t, Consumer<Matrix> onFx) {
        FxThread.check();
        if (pendingSliders.getAndSet(t.clone()) != null || !generateBlocked.get().isEmpty()) return;
        model.whenDone(model.session().research(TaskKind.GENERATE, "Moving along principal directions", job -> {
            double[] latest = pendingSliders.getAndSet(null);
            return job.view().trainer().decoder().decodeFrom(job.view().la(), 0, space(job.view()).along(latest));
        }), onFx);
    }

    /** Refines the trained model end to end (3 rounds) and continues from it; {@code onFx} gets the summary. */
    public void refine(Consumer<String> onFx) {
        FxThread.check();
        model.whenDone(model.session().research(TaskKind.REFINE, "Refining end to end", job -> Research.refine(job.view(), 3, job.context())), r -> {
            model.session().adoptRefined(r.decoder(), r.codes(), "Refined");
            onFx.accept(r.summary());
        });
    }

    /** Scores 2,000 held-out items against 2,000 of {@code otherSource}, with the ROC curve. */
    public void score(String otherSource, Consumer<ScoreResult> onFx) {
        FxThread.check();
        model.whenDone(model.session().research(TaskKind.SCORE, "Scoring against " + otherSource, job -> {
            Research.Scores s = Research.score(job.view(), otherSource, 2000, job.context());
            var fig = LinePlot.roc(String.format("ROC: %s vs %s", s.inName(), s.outName()), "residual score", s.roc());
            return new ScoreResult(FigureWriter.toImage(fig, 1), s.summary());
        }), onFx);
    }

    /**
     * Trains the Adam autoencoder and fits PCA on the data in use, in the background; they stay with the session
     * (and its file), so the loss-per-epoch figure (fig6) shows them.
     */
    public void compareBaselines() {
        FxThread.check();
        model.whenDone(model.session().computeBaselines(), b -> { });
    }

    /** An experiment's main figure and what it reported. */
    public record ExperimentResult(java.nio.file.Path figure, String log) {}

    /** Runs one of the paper's experiments ({@link starnet.session.Experiments#NAMES}) on the data in use, into {@code dir}. */
    public void experiment(String name, java.nio.file.Path dir, Consumer<ExperimentResult> onFx) {
        FxThread.check();
        model.whenDone(model.session().research(TaskKind.EXPERIMENT, "Experiment " + name, job -> {
            java.io.ByteArrayOutputStream text = new java.io.ByteArrayOutputStream();
            java.io.PrintStream log = new java.io.PrintStream(text, true, java.nio.charset.StandardCharsets.UTF_8);
            try {
                java.nio.file.Path fig = starnet.session.Experiments.run(name, job.view().config(), job.view().dataset(), job.view().la(), dir, 3,
                        log, log, job.context());
                return new ExperimentResult(fig, text.toString(java.nio.charset.StandardCharsets.UTF_8));
            } catch (java.io.IOException e) {
                throw new UserError("Experiment " + name + ": could not write to " + dir + " (" + IoMessages.describe(e) + ").");
            }
        }), onFx);
    }

    /** Why generation cannot run now ("" when it can). */
    public StringBinding generateBlockedReason() { return generateBlocked; }
    /** Why refinement cannot run now ("" when it can), e.g. on a convolutional model. */
    public StringBinding refineBlockedReason() { return refineBlocked; }
    public ReadOnlyBooleanProperty finishedProperty() { return model.finishedProperty(); }
    public ReadOnlyObjectProperty<Dataset> datasetProperty() { return model.datasetProperty(); }
}
