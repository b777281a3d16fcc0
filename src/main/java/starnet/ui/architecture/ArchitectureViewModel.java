package starnet.ui.architecture;

import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.LongProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleLongProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import starnet.model.SolverKind;
import starnet.model.ArchitectureConfig;
import starnet.model.CsvLayout;
import starnet.model.DataSpec;
import starnet.model.InitKind;
import starnet.model.Padding;
import starnet.model.Presets;
import starnet.model.SolveOrder;
import starnet.model.StarNetConfig;
import starnet.model.TrainingConfig;
import starnet.ui.core.DiscardGuard;
import starnet.ui.core.FxThread;
import starnet.ui.core.SessionModel;

import java.util.ArrayList;
import java.util.List;

/**
 * The configuration editor: one JavaFX property per field of {@link StarNetConfig}, and one lossless
 * mapping each way ({@link #show} and {@link #toConfig}). A valid edit is handed to the session (asking
 * first when it would discard trained steps); an invalid one is reported in {@link #configErrorProperty()}
 * and changes nothing. When the session's configuration changes (undo, open), the editor shows it.
 */
public final class ArchitectureViewModel {
    private final SessionModel model;
    private final DiscardGuard guard;

    private final StringProperty source = new SimpleStringProperty(DataSpec.defaults().source());
    private final ObjectProperty<starnet.model.Split> split = new SimpleObjectProperty<>(DataSpec.defaults().split());
    /** Not edited here (the dataset panel's CSV layout dialog sets it); carried so the mapping stays lossless. */
    private final ObjectProperty<CsvLayout> csv = new SimpleObjectProperty<>(CsvLayout.defaults());
    private final IntegerProperty limit = new SimpleIntegerProperty(0);
    private final ObjectProperty<starnet.model.ArchitectureKind> kind = new SimpleObjectProperty<>(starnet.model.ArchitectureKind.FEEDFORWARD);
    private final ObservableList<Integer> widths = FXCollections.observableArrayList();
    private final DoubleProperty slope = new SimpleDoubleProperty();
    private final ObservableList<Integer> kernels = FXCollections.observableArrayList();
    private final ObservableList<Integer> kernelSizes = FXCollections.observableArrayList();
    private final ObservableList<Integer> unpools = FXCollections.observableArrayList();
    private final ObjectProperty<Padding> padding = new SimpleObjectProperty<>();
    private final IntegerProperty maxEpochs = new SimpleIntegerProperty();
    private final DoubleProperty tolerance = new SimpleDoubleProperty();
    private final LongProperty seed = new SimpleLongProperty();
    private final ObjectProperty<SolverKind> solver = new SimpleObjectProperty<>();
    private final DoubleProperty ridge = new SimpleDoubleProperty();
    private final ObjectProperty<SolveOrder> order = new SimpleObjectProperty<>();
    private final ObjectProperty<InitKind> init = new SimpleObjectProperty<>();
    private final IntegerProperty swSample = new SimpleIntegerProperty();
    private final IntegerProperty swPartitions = new SimpleIntegerProperty();
    private final ObjectProperty<starnet.model.LatentPath> latentPath = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper configError = new ReadOnlyStringWrapper("");
    /** Where the run trains: follows the session's setting; a choice of the person's is handed to it. */
    private final ObjectProperty<starnet.model.EngineSpec> engine = new SimpleObjectProperty<>(starnet.model.EngineSpec.memory());
    private boolean showingEngine;

    private int batch;
    private StarNetConfig submitted;
    private StarNetConfig shownFromSession;

    public ArchitectureViewModel(SessionModel model, DiscardGuard guard) {
        this.model = model;
        this.guard = guard;
        show(StarNetConfig.defaults());
        Runnable changed = this::edited;
        for (ObservableList<Integer> l : List.of(widths, kernels, kernelSizes, unpools)) {
            l.addListener((ListChangeListener<Integer>) c -> changed.run());
        }
        for (var p : List.of(source, split, limit, kind, slope, padding, maxEpochs, tolerance, seed, solver, ridge, order, init, swSample,
                swPartitions, latentPath)) {
            p.addListener((obs, o, n) -> changed.run());
        }
        model.configProperty().addListener((obs, o, c) -> sessionConfigChanged(c));
        model.stateProperty().addListener((obs, o, st) -> {
            if (st == null || st.engine().equals(engine.get())) return;
            showingEngine = true;
            try {
                engine.set(st.engine());
            } finally {
                showingEngine = false;
            }
        });
        engine.addListener((obs, o, e) -> engineChosen(o, e));
    }

    /** The person chose where to train: asks first when that discards trained steps, then hands it to the session. */
    private void engineChosen(starnet.model.EngineSpec old, starnet.model.EngineSpec e) {
        if (showingEngine || e == null || model.stateProperty().get() == null || e.equals(model.stateProperty().get().engine())) return;
        int trained = model.steps().size();
        if (trained > 0 && !guard.allowDiscard("Changing where the run trains", trained)) {
            javafx.application.Platform.runLater(() -> {
                showingEngine = true;
                try {
                    engine.set(old);
                } finally {
                    showingEngine = false;
                }
            });
            return;
        }
        model.session().setEngine(e).exceptionally(x -> { // refused (e.g. no Spark here): show the setting in force again
            javafx.application.Platform.runLater(() -> {
                showingEngine = true;
                try {
                    engine.set(model.stateProperty().get().engine());
                } finally {
                    showingEngine = false;
                }
            });
            return null;
        });
    }

    /** Puts every field of {@code c} into the editor, as one change that is not handed back to the session. */
    public void show(StarNetConfig c) {
        batch++;
        try {
            DataSpec d = c.data();
            ArchitectureConfig a = c.architecture();
            TrainingConfig t = c.training();
            source.set(d.source());
            csv.set(d.csv());
            split.set(d.split());
            limit.set(d.limit());
            kind.set(a.kind());
            widths.setAll(a.widths());
            slope.set(a.slope());
            kernels.setAll(a.kernels());
            kernelSizes.setAll(a.kernelSizes());
            unpools.setAll(a.unpools());
            padding.set(a.padding());
            maxEpochs.set(t.maxEpochs());
            tolerance.set(t.tolerance());
            seed.set(t.seed());
            solver.set(t.solver());
            ridge.set(t.ridge());
            order.set(t.order());
            init.set(t.init());
            swSample.set(t.swSample());
            swPartitions.set(t.swPartitions());
            latentPath.set(t.latentPath());
        } finally {
            batch--;
        }
        configError.set("");
    }

    /**
     * The configuration the fields describe.
     *
     * @throws IllegalArgumentException in plain words when a field is not valid
     */
    public StarNetConfig toConfig() {
        return new StarNetConfig(StarNetConfig.FORMAT,
                new DataSpec(source.get(), split.get(), limit.get(), csv.get()),
                new ArchitectureConfig(kind.get(), new ArrayList<>(widths), slope.get(), new ArrayList<>(kernels),
                        new ArrayList<>(kernelSizes), new ArrayList<>(unpools), padding.get()),
                new TrainingConfig(maxEpochs.get(), tolerance.get(), seed.get(), solver.get(), ridge.get(), order.get(), init.get(),
                        swSample.get(), swPartitions.get(), latentPath.get()));
    }

    /** Applies several edits as one change (one question, one new model). */
    public void edit(Runnable edits) {
        FxThread.check();
        batch++;
        try {
            edits.run();
        } finally {
            batch--;
        }
        edited();
    }

    /** One of the paper's architectures (feedforward or conv), as one change; the slope stays as the person set it. */
    /** Applies {@code p}; false when it is refused (made for other data: said in a notice, nothing changed). */
    public boolean applyPreset(Presets.Preset p) {
        var data = model.datasetProperty().get();
        String mismatch = data == null ? "" : p.mismatch(data.channels());
        if (!mismatch.isEmpty()) { // a colour decoder on grey digits trains to nonsense: said, not applied
            model.notify(starnet.session.Notice.error("The " + mismatch + p.insteadFor(data.channels()).map(q -> "; choose “" + q.title() + "”").orElse("") + "."));
            return false;
        }
        ArchitectureConfig a = p.architecture();
        edit(() -> {
            kind.set(a.kind());
            if (a.isConv()) {
                kernels.setAll(a.kernels());
                kernelSizes.setAll(a.kernelSizes());
                unpools.setAll(a.unpools());
                padding.set(a.padding());
            } else {
                widths.setAll(a.widths());
            }
        });
        return true;
    }

    private void edited() {
        if (batch > 0) return;
        FxThread.check();
        StarNetConfig c;
        try {
            c = toConfig();
        } catch (IllegalArgumentException e) {
            configError.set(e.getMessage());
            return;
        }
        configError.set("");
        StarNetConfig current = model.configProperty().get();
        if (c.equals(current) || c.equals(submitted)) return;
        int trained = model.steps().size();
        if (trained > 0 && !guard.allowDiscard("Changing the configuration", trained)) {
            // put the fields back once the control that made the edit has finished committing it
            javafx.application.Platform.runLater(() -> show(model.configProperty().get()));
            return;
        }
        submitted = c;
        model.session().configure(c);
    }

    /** The session's configuration changed: show it, unless it is an older one while an edit of ours is on its way. */
    private void sessionConfigChanged(StarNetConfig c) {
        if (c == null || c.equals(shownFromSession)) return;
        shownFromSession = c;
        if (submitted != null && !submitted.equals(c)) return;
        submitted = null;
        if (!c.equals(currentOrNull())) show(c);
    }

    private StarNetConfig currentOrNull() {
        try {
            return toConfig();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public SessionModel model() { return model; }

    public StringProperty sourceProperty() { return source; }
    public ObjectProperty<starnet.model.Split> splitProperty() { return split; }
    public IntegerProperty limitProperty() { return limit; }
    public ObjectProperty<starnet.model.ArchitectureKind> kindProperty() { return kind; }
    public ObservableList<Integer> widths() { return widths; }
    public DoubleProperty slopeProperty() { return slope; }
    public ObservableList<Integer> kernels() { return kernels; }
    public ObservableList<Integer> kernelSizes() { return kernelSizes; }
    public ObservableList<Integer> unpools() { return unpools; }
    public ObjectProperty<Padding> paddingProperty() { return padding; }
    public IntegerProperty maxEpochsProperty() { return maxEpochs; }
    public DoubleProperty toleranceProperty() { return tolerance; }
    public LongProperty seedProperty() { return seed; }
    public ObjectProperty<SolverKind> solverProperty() { return solver; }
    public DoubleProperty ridgeProperty() { return ridge; }
    public ObjectProperty<SolveOrder> orderProperty() { return order; }
    public ObjectProperty<InitKind> initProperty() { return init; }
    public IntegerProperty swSampleProperty() { return swSample; }
    public IntegerProperty swPartitionsProperty() { return swPartitions; }
    public ObjectProperty<starnet.model.LatentPath> latentPathProperty() { return latentPath; }
    public ObjectProperty<starnet.model.EngineSpec> engineProperty() { return engine; }
    /** Why the fields do not make a valid configuration, or "". */
    public ReadOnlyStringProperty configErrorProperty() { return configError.getReadOnlyProperty(); }
}
