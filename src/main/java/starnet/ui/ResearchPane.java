package starnet.ui;

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
import starnet.baseline.Pca;
import starnet.data.Dataset;
import starnet.data.Datasets;
import starnet.data.Samples;
import starnet.io.LossFigure;
import starnet.math.Matrix;
import starnet.training.Cancellation;
import starnet.training.CodeSpace;
import starnet.training.LayerSystem;
import starnet.training.OutlierScores;
import starnet.training.Refinement;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Beyond reconstruction, in the window: generation from the code distribution (samples, interpolation,
 * sliders on principal directions), end-to-end refinement, out-of-distribution scoring with its ROC
 * curve, and the PCA bound. Every computation runs on the solver worker.
 */
final class ResearchPane extends VBox {
    static final int SLIDERS = 4;
    private final WorkbenchViewModel vm;
    private final TileGrid samples = new TileGrid(), line = new TileGrid(), slid = new TileGrid();
    private final Label info = new Label("Train every layer first: generation uses the codes h₀ of the first layer.");
    private final ImageView roc = new ImageView();
    private final Label rocText = new Label();
    private final Slider[] sliders = new Slider[SLIDERS];
    private final AtomicReference<double[]> pendingSliders = new AtomicReference<>();
    private final AtomicReference<Object[]> spaceCache = new AtomicReference<>(); // {codes, CodeSpace}, worker only
    private long sampleSeed = 1;

    ResearchPane(WorkbenchViewModel vm) {
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
        sample.setTooltip(new Tooltip("Draw codes from a Gaussian fitted to the training codes (mean and covariance) and decode them"));
        sample.setOnAction(e -> sample());
        TextField a = new TextField("0"), b = new TextField("1");
        a.setPrefColumnCount(4);
        b.setPrefColumnCount(4);
        Button interp = new Button("Interpolate");
        interp.setId("gen-interpolate");
        interp.setTooltip(new Tooltip("Decode 10 codes on the straight line between the two items' codes"));
        interp.setOnAction(e -> interpolate(a.getText(), b.getText()));
        HBox interpBox = new HBox(6, new Label("Items"), a, new Label("→"), b, interp);
        interpBox.setAlignment(Pos.CENTER_LEFT);
        GridPane sliderGrid = new GridPane();
        sliderGrid.setHgap(6);
        sliderGrid.setVgap(2);
        for (int i = 0; i < SLIDERS; i++) {
            Slider s = new Slider(-3, 3, 0);
            s.setPrefWidth(150);
            s.setId("gen-slider-" + i);
            s.valueProperty().addListener((obs, o, n) -> slidersChanged());
            sliders[i] = s;
            sliderGrid.addRow(i, new Label("direction " + (i + 1) + " (σ)"), s);
        }
        HBox sliderBox = new HBox(10, sliderGrid, slid);

        Button refine = new Button("Refine end to end (3 rounds)");
        refine.setId("refine");
        refine.setTooltip(new Tooltip("Gauss–Newton steps on the codes and least-squares refits of each layer on the true output error; each step is kept only if the error drops"));
        refine.setOnAction(e -> refine());
        ChoiceBox<String> other = new ChoiceBox<>();
        for (Samples.Sample s : Samples.ALL) other.getItems().add(s.source());
        other.setValue("sample:fashion-mnist");
        Button score = new Button("Score out-of-distribution");
        score.setId("ood-score");
        score.setTooltip(new Tooltip("Residual scores (paper Lemma 4) of the training source's test items vs the chosen dataset's, and the ROC curve"));
        score.setOnAction(e -> score(other.getValue()));
        HBox scoreBox = new HBox(6, score, new Label("against"), other);
        scoreBox.setAlignment(Pos.CENTER_LEFT);
        rocText.setWrapText(true);
        roc.setFitWidth(380);
        roc.setPreserveRatio(true);

        for (var n : List.of(sample, interp, refine, score)) n.disableProperty().bind(vm.runningProperty().or(vm.finishedProperty().not()));
        getChildren().addAll(title("Generate"), info, sample, samples, interpBox, line, new Label("Sliders on the leading principal directions of the code space"),
                sliderBox, title("Refine and score"), refine, scoreBox, rocText, roc);
        vm.finishedProperty().addListener((obs, o, done) -> info.setText(done
                ? "Codes h₀ are ready: sample, interpolate or move the sliders."
                : "Train every layer first: generation uses the codes h₀ of the first layer."));
    }

    int sampledCount() { return samples.columns(); }

    String resultText() { return rocText.getText(); }

    private static Label title(String text) {
        Label l = new Label(text);
        l.getStyleClass().add("section-title");
        return l;
    }

    /** The Gaussian of the current codes, fitted once per set of codes (worker thread). */
    private CodeSpace space(WorkbenchViewModel.SessionView s) {
        Matrix codes = s.trainer().codes();
        if (codes == null) throw new IllegalStateException("train every layer first");
        Object[] c = spaceCache.get();
        if (c != null && c[0] == codes) return (CodeSpace) c[1];
        CodeSpace fitted = CodeSpace.fit(codes);
        spaceCache.set(new Object[] {codes, fitted});
        return fitted;
    }

    private void show(TileGrid g, Matrix images, List<String> captions) {
        Dataset d = vm.datasetProperty().get();
        g.setContent(List.of(new TileGrid.Row("", images, null, captions)), d.channels(), d.height(), d.width());
    }

    void sample() {
        long seed = sampleSeed++;
        vm.withSession("Sampling", s -> s.trainer().decoder().decodeFrom(s.la(), 0, space(s).sample(12, seed)),
                m -> show(samples, m, List.of()));
    }

    void interpolate(String a, String b) {
        int ia, ib;
        try {
            ia = Integer.parseInt(a.trim());
            ib = Integer.parseInt(b.trim());
        } catch (NumberFormatException e) {
            rocText.setText("Interpolation needs two item numbers, e.g. 0 and 1.");
            return;
        }
        vm.withSession("Interpolation", s -> {
            Matrix codes = s.trainer().codes();
            if (codes == null) throw new IllegalStateException("train every layer first");
            if (ia < 0 || ib < 0 || ia >= codes.rows() || ib >= codes.rows()) {
                throw new IllegalArgumentException("items must be between 0 and " + (codes.rows() - 1));
            }
            return s.trainer().decoder().decodeFrom(s.la(), 0, CodeSpace.interpolate(codes.row(ia), codes.row(ib), 10));
        }, m -> {
            List<String> caps = new ArrayList<>();
            for (int i = 0; i < 10; i++) caps.add(i == 0 ? "#" + ia : i == 9 ? "#" + ib : "");
            show(line, m, caps);
        });
    }

    private void slidersChanged() {
        double[] t = new double[SLIDERS];
        for (int i = 0; i < SLIDERS; i++) t[i] = sliders[i].getValue();
        if (pendingSliders.getAndSet(t) != null || !vm.finishedProperty().get() || vm.runningProperty().get()) return; // a request is queued: it takes the latest values
        vm.withSession("Sliders", s -> {
            double[] latest = pendingSliders.getAndSet(null);
            return s.trainer().decoder().decodeFrom(s.la(), 0, space(s).along(latest));
        }, m -> show(slid, m, List.of()));
    }

    void refine() {
        vm.withSession("Refinement", s -> {
            if (s.config().architecture().isConv()) throw new IllegalArgumentException("refinement works on feedforward decoders only");
            Matrix data = s.trainer().data();
            Refinement r = new Refinement(new LayerSystem(s.la(), s.trainer().decoder().activation(),
                    s.config().training().solver().create(s.config().training().ridge(), s.la())), s.trainer().decoder(), s.trainer().codes(), data);
            double before = r.mse();
            r.run(3, Cancellation.NEVER, null);
            double pca = Pca.fit(data, s.la()).mse(s.trainer().codes().cols());
            return new Object[] {r, before, pca};
        }, res -> {
            Refinement r = (Refinement) res[0];
            double before = (double) res[1], pca = (double) res[2];
            vm.adoptRefined(r.decoder(), r.codes(), "Refined");
            rocText.setText(String.format("Refinement: reconstruction MSE %.5f → %.5f (%.1f%% lower); PCA rank %d optimum %.5f.",
                    before, r.mse(), 100 * (1 - r.mse() / before), r.codes().cols(), pca));
        });
    }

    void score(String otherSource) {
        vm.withSession("Scoring", s -> {
            Dataset ds = s.dataset();
            int n = 2000;
            Dataset in = Samples.isSample(ds.source()) ? Datasets.load(ds.source(), "test", n) : ds.limit(n);
            Dataset out = Datasets.load(otherSource, "test", n);
            if (out.pixels() != in.pixels()) throw new IllegalArgumentException(otherSource + " has images of another size");
            LayerSystem sys = new LayerSystem(s.la(), s.trainer().decoder().activation(), s.config().training().solver().create(s.config().training().ridge(), s.la()));
            double[] a = OutlierScores.score(sys, s.trainer().decoder(), in.images(), Cancellation.NEVER);
            double[] b = OutlierScores.score(sys, s.trainer().decoder(), out.images(), Cancellation.NEVER);
            double auc = OutlierScores.auroc(a, b);
            var fig = LossFigure.roc(String.format("ROC: %s vs %s", in.name(), out.name()), "residual score", OutlierScores.roc(a, b));
            return new Object[] {fig.toImage(1), String.format("AUROC %.4f: %s (in, %d items) vs %s (out, %d items), by mean relative residual.",
                    auc, in.name(), a.length, out.name(), b.length)};
        }, res -> {
            roc.setImage(SwingFXUtils.toFXImage((java.awt.image.BufferedImage) res[0], null));
            rocText.setText((String) res[1]);
        });
    }
}
