package starnet.ui.research;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import starnet.model.Dataset;
import starnet.math.Matrix;
import starnet.session.Research;
import starnet.session.ResearchJobs;
import starnet.model.Experiment;
import starnet.session.TaskKind;
import starnet.ui.core.FxThread;
import starnet.ui.core.SessionModel;

import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Beyond reconstruction: generation from the code distribution (samples, interpolation, principal
 * directions), end-to-end refinement and out-of-distribution scores. Each job is a cancellable
 * background task on the session; results come back on the JavaFX thread.
 */
public final class ResearchViewModel {
    private final SessionModel model;
    private final AtomicReference<double[]> pendingSliders = new AtomicReference<>();
    private final StringBinding refineBlocked;
    private final StringBinding generateBlocked;

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

    /** Decodes 12 codes drawn from the density of the training codes ({@code cls} ≥ 0: that class), with where they came from. */
    public void sample(long seed, int cls, double temperature, Consumer<ResearchJobs.Sampled> onFx) {
        FxThread.check();
        model.whenDone(model.session().research().sample(12, seed, cls, temperature), onFx);
    }

    /** Decodes 10 codes on the line between items {@code a} and {@code b}. */
    public void interpolate(int a, int b, Consumer<Matrix> onFx) {
        FxThread.check();
        model.whenDone(model.session().research().interpolate(a, b, 10), onFx);
    }

    /** Decodes the mean code moved {@code t[i]} standard deviations along principal direction i; only the newest request runs. */
    public void along(double[] t, Consumer<Matrix> onFx) {
        FxThread.check();
        if (pendingSliders.getAndSet(t.clone()) != null || !generateBlocked.get().isEmpty()) return;
        model.whenDone(model.session().research().along(() -> pendingSliders.getAndSet(null)), onFx);
    }

    /** Refines the trained model end to end (3 rounds) and continues from it; {@code onFx} gets the summary. */
    public void refine(Consumer<String> onFx) {
        FxThread.check();
        model.whenDone(model.session().research().refine(3), onFx);
    }

    /** Scores 2,000 held-out items against 2,000 of {@code otherSource}, with the ROC curve. */
    public void score(String otherSource, Consumer<ResearchJobs.Scored> onFx) {
        FxThread.check();
        model.whenDone(model.session().research().score(otherSource, 2000), onFx);
    }

    /**
     * Trains the Adam autoencoder and fits PCA on the data in use, in the background; they stay with the session
     * (and its file), so the loss-per-epoch figure (fig6) shows them.
     */
    public void compareBaselines() {
        FxThread.check();
        model.whenDone(model.session().computeBaselines(), b -> { });
    }

    /** Runs one of the paper's experiments on the data in use, into {@code dir}. */
    public void experiment(Experiment experiment, java.nio.file.Path dir, Consumer<ResearchJobs.ExperimentResult> onFx) {
        FxThread.check();
        model.whenDone(model.session().research().experiment(experiment, dir), onFx);
    }

    /** Why generation cannot run now ("" when it can). */
    public StringBinding generateBlockedReason() { return generateBlocked; }
    /** Why refinement cannot run now ("" when it can), e.g. on a convolutional model. */
    public StringBinding refineBlockedReason() { return refineBlocked; }
    public ReadOnlyBooleanProperty finishedProperty() { return model.finishedProperty(); }
    public ReadOnlyObjectProperty<Dataset> datasetProperty() { return model.datasetProperty(); }
}
