package starnet.ui.research;

import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import starnet.model.Dataset;
import starnet.math.Matrix;
import starnet.ui.widgets.TileGrid;

import java.util.ArrayList;
import java.util.List;

/**
 * Beyond reconstruction, in the window: generation from the code distribution (samples, interpolation,
 * sliders on principal directions), end-to-end refinement, out-of-distribution scoring with its ROC
 * curve, and the PCA bound. Every computation runs on the solver worker.
 */
public final class ResearchPane extends VBox {
    static final int SLIDERS = 4;
    private final ResearchViewModel vm;
    private final TileGrid samples = new TileGrid(), line = new TileGrid(), slid = new TileGrid();
    private final Label info = new Label("Train every layer first: generation uses the codes h₀ of the first layer.");
    private final ImageView roc = new ImageView();
    private final Label rocText = new Label();
    private final Slider[] sliders = new Slider[SLIDERS];
    private long sampleSeed = 1;
    private final ChoiceBox<String> sampleClass = new ChoiceBox<>();
    private final Slider spread = new Slider(0.3, 1.0, starnet.session.ResearchJobs.DEFAULT_SPREAD);
    private final Label sampleSource = new Label("Samples come from a density fitted to the training codes: one Gaussian per class when the data "
            + "has labels, else a mixture of Gaussians; press Sample to draw some.");

    public ResearchPane(ResearchViewModel vm) {
        this.vm = vm;
        setSpacing(6);
        setPadding(new Insets(6));
        info.setWrapText(true);
        info.getStyleClass().add("muted");
        for (TileGrid g : List.of(samples, line, slid)) {
            g.setTitleWidth(0);
            g.setTileRange(28, 56);
        }
        slid.setTileRange(84, 112);

        Button sample = new Button("Sample 12 new images");
        sample.setId("gen-sample");
        sample.setOnAction(e -> sample());
        sampleClass.setId("gen-class");
        sampleClass.setTooltip(new Tooltip("Any class, or samples of one class only (one Gaussian per class is fitted when the data has labels)"));
        vm.datasetProperty().addListener((obs, o, d) -> classesChanged(d));
        classesChanged(vm.datasetProperty().get());
        spread.setId("gen-spread");
        spread.setShowTickLabels(true);
        spread.setMajorTickUnit(0.5);
        spread.setPrefWidth(140);
        spread.setTooltip(new Tooltip("How far samples stray from their Gaussian's mean: 1 = as fitted, lower = crisper and more alike"));
        sampleSource.setWrapText(true);
        sampleSource.setId("gen-source");
        sampleSource.getStyleClass().add("muted");
        // wraps rather than cutting its words on a narrow pane
        javafx.scene.layout.FlowPane sampleBox = new javafx.scene.layout.FlowPane(8, 4, explained(sample, vm.generateBlockedReason(),
                "Draw codes from the density of the training codes and decode them"), whole(new Label("of")), sampleClass, whole(new Label("spread")), spread);
        sampleBox.setAlignment(Pos.CENTER_LEFT);
        sample.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        sampleClass.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        TextField a = new TextField("0"), b = new TextField("1");
        a.setPrefColumnCount(4);
        b.setPrefColumnCount(4);
        Button interp = new Button("Interpolate");
        interp.setId("gen-interpolate");
        interp.setOnAction(e -> interpolate(a.getText(), b.getText()));
        HBox interpBox = new HBox(6, new Label("Items"), a, new Label("→"), b,
                explained(interp, vm.generateBlockedReason(), "Decode 10 codes on the straight line between the two items' codes"));
        interpBox.setAlignment(Pos.CENTER_LEFT);
        GridPane sliderGrid = new GridPane();
        sliderGrid.setHgap(6);
        sliderGrid.setVgap(2);
        for (int i = 0; i < SLIDERS; i++) {
            Slider s = new Slider(-3, 3, 0);
            s.setPrefWidth(120);
            s.setId("gen-slider-" + i);
            s.valueProperty().addListener((obs, o, n) -> slidersChanged());
            sliders[i] = s;
            sliderGrid.addRow(i, new Label("direction " + (i + 1) + " (σ)"), s);
        }
        javafx.scene.layout.FlowPane sliderBox = new javafx.scene.layout.FlowPane(10, 6, sliderGrid, slid); // the picture goes under the sliders when narrow

        Button refine = new Button("Refine end to end (3 rounds)");
        refine.setId("refine");

        refine.setOnAction(e -> refine());
        ChoiceBox<String> other = new ChoiceBox<>();
        for (starnet.model.SampleCatalog.Sample s : starnet.model.SampleCatalog.ALL) other.getItems().add(s.source());
        other.setValue("sample:fashion-mnist");
        Runnable otherThanTraining = () -> { // compare with another dataset than the one trained on
            var d = vm.datasetProperty().get();
            if (d != null && d.source().equals(other.getValue())) {
                other.getItems().stream().filter(x -> !x.equals(d.source())).findFirst().ifPresent(other::setValue);
            }
        };
        vm.datasetProperty().addListener((obs, o, n) -> otherThanTraining.run());
        otherThanTraining.run();
        Button score = new Button("Score out-of-distribution");
        score.setId("ood-score");
        score.setOnAction(e -> score(other.getValue()));
        javafx.scene.layout.FlowPane scoreBox = new javafx.scene.layout.FlowPane(6, 4, explained(score, vm.generateBlockedReason(),
                "Residual scores (paper Lemma 4) of the training source's test items vs the chosen dataset's, and the ROC curve"), whole(new Label("against")), other);
        scoreBox.setAlignment(Pos.CENTER_LEFT);
        score.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        other.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        rocText.setWrapText(true);
        roc.setFitWidth(380);
        roc.setPreserveRatio(true);

        for (var n : List.of(sample, interp, score)) n.disableProperty().bind(vm.generateBlockedReason().isNotEmpty());
        refine.disableProperty().bind(vm.refineBlockedReason().isNotEmpty());
        getChildren().addAll(title("Generate"), info,
                sampleBox, sampleSource, samples, interpBox, line, wrapped(new Label("Sliders on the leading principal directions of the code space")),
                sliderBox, title("Refine and score"), explained(refine, vm.refineBlockedReason(),
                        "Gauss–Newton steps on the codes and least-squares refits of each layer on the true output error; each step is kept only if the error drops"), scoreBox, rocText, roc);
        vm.finishedProperty().addListener((obs, o, done) -> info.setText(done
                ? "Codes h₀ are ready: sample, interpolate or move the sliders."
                : "Train every layer first: generation uses the codes h₀ of the first layer."));
    }

    /** Sampled images shown (two rows). */
    public int sampledCount() { return samples.columns() * samples.rowCount(); }

    public String resultText() { return rocText.getText(); }

    /** {@code b} with a tooltip that says why it is disabled, or what it does when it is not. */
    private static javafx.scene.Node explained(Button b, javafx.beans.binding.StringBinding blocked, String help) {
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> blocked.get().isEmpty() ? help : blocked.get(), blocked));
        return starnet.ui.widgets.Tips.wrap(b, tip);
    }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    private void show(TileGrid g, Matrix images, List<String> captions) {
        Dataset d = vm.datasetProperty().get();
        g.setContent(List.of(new TileGrid.Row("", images, null, captions)), d.channels(), d.height(), d.width());
    }

    public void sample() {
        int cls = sampleClass.getSelectionModel().getSelectedIndex() - 1; // the first choice is "any class"
        vm.sample(sampleSeed++, cls, spread.getValue(), r -> {
            // two rows of six: tiles large enough to tell the digits apart in a narrow pane
            Dataset d = vm.datasetProperty().get();
            Matrix m = r.images();
            int half = (m.rows() + 1) / 2;
            samples.setContent(List.of(new TileGrid.Row("", m.rowRange(0, half)), new TileGrid.Row("", m.rowRange(half, m.rows()))),
                    d.channels(), d.height(), d.width());
            sampleSource.setText(r.source());
        });
    }

    /** The class choice for the data in use: any class, then each class it names. */
    private void classesChanged(Dataset d) {
        sampleClass.getItems().setAll("any class");
        if (d != null && d.labels() != null && d.classNames() != null) sampleClass.getItems().addAll(d.classNames());
        sampleClass.getSelectionModel().select(0);
    }

    /** What the last samples came from (for tests). */
    public String sampleSourceText() { return sampleSource.getText(); }

    void interpolate(String a, String b) {
        int ia, ib;
        try {
            ia = Integer.parseInt(a.trim());
            ib = Integer.parseInt(b.trim());
        } catch (NumberFormatException e) {
            rocText.setText("Interpolation needs two item numbers, e.g. 0 and 1.");
            return;
        }
        vm.interpolate(ia, ib, m -> {
            List<String> caps = new ArrayList<>();
            for (int i = 0; i < 10; i++) caps.add(i == 0 ? "#" + ia : i == 9 ? "#" + ib : "");
            show(line, m, caps);
        });
    }

    private void slidersChanged() {
        double[] t = new double[SLIDERS];
        for (int i = 0; i < SLIDERS; i++) t[i] = sliders[i].getValue();
        vm.along(t, m -> show(slid, m, List.of()));
    }

    public void refine() {
        vm.refine(rocText::setText);
    }

    public void score(String otherSource) {
        vm.score(otherSource, r -> {
            roc.setImage(SwingFXUtils.toFXImage(r.roc(), null));
            rocText.setText(r.summary());
        });
    }

    /** A label never shortened: it keeps its preferred width. */
    private static Label whole(Label l) {
        l.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }

    /** A label that wraps to the pane's width instead of being cut. */
    private static Label wrapped(Label l) {
        l.setWrapText(true);
        l.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        return l;
    }
}
