package starnet.ui.solving;

import javafx.animation.KeyFrame;
import javafx.animation.KeyValue;
import javafx.animation.Timeline;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Insets;
import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.Pane;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.TextAlignment;
import javafx.util.Duration;
import starnet.model.LayerPlan;
import starnet.model.Phase;
import starnet.model.StepResult;
import starnet.model.SystemShape;
import starnet.ui.widgets.UiScale;

import java.util.List;

/**
 * "Now solving": the decoder as blocks from the code to the image, the layer being solved lit up with
 * what is unknown (orange), what is known (blue) and the targets (green); the systems in the paper's terms
 * with their counts; the numbers of the solve; the theorem one click away. A change of phase or layer
 * is animated, so a class sees the unknown move from the latents to the weights and back.
 */
public final class NowSolvingPane extends VBox {
    static final Color UNKNOWN = Color.web("#e67e22"), KNOWN = Color.web("#2f6db5"), TARGET = Color.web("#4a8f5c"), IDLE = Color.web("#c5ced6");
    private final NowSolvingViewModel vm;
    private final Label headline = new Label();
    private final Canvas diagram = new Canvas();
    private final Label counts = new Label(), equation = new Label(), roles = new Label(), numbers = new Label(), words = new Label();
    private final Hyperlink theorem = new Hyperlink();
    private final DoubleProperty pulse = new SimpleDoubleProperty(1);
    private final Timeline animation = new Timeline();
    private boolean stale = true;

    public NowSolvingPane(NowSolvingViewModel vm) {
        this.vm = vm;
        setId("now-solving");
        setSpacing(6);
        setPadding(new Insets(8));
        headline.getStyleClass().add("section-title");
        headline.setId("solving-headline");
        headline.setWrapText(true);
        Pane holder = new Pane(diagram);
        holder.minHeightProperty().bind(UiScale.factor().multiply(120));
        holder.prefHeightProperty().bind(UiScale.factor().multiply(120));
        diagram.widthProperty().bind(holder.widthProperty());
        diagram.heightProperty().bind(holder.heightProperty());
        diagram.widthProperty().addListener((obs, o, n) -> draw());
        diagram.heightProperty().addListener((obs, o, n) -> draw());
        counts.setId("solving-counts");
        counts.getStyleClass().add("solving-counts");
        equation.setId("solving-equation");
        equation.getStyleClass().add("solving-equation");
        for (Label l : List.of(counts, equation, roles, numbers, words)) l.setWrapText(true);
        numbers.setId("solving-numbers");
        words.getStyleClass().add("muted");
        theorem.setId("solving-theorem");
        theorem.setOnAction(e -> showTheorem());
        getChildren().addAll(headline, holder, counts, equation, roles, numbers, theorem, words);
        pulse.addListener((obs, o, n) -> draw());
        visibleProperty().addListener((obs, o, n) -> draw());
        sceneProperty().addListener((obs, o, n) -> draw());
        vm.focusProperty().addListener((obs, o, n) -> {
            boolean moved = o == null || n == null || o.shape().phase() != n.shape().phase() || o.shape().layer() != n.shape().layer();
            show(n);
            if (moved && shown()) animate(); // no animation frames while the panel's tab is not shown (they cost the solver time)
        });
        show(vm.focusProperty().get());
    }

    private void animate() {
        animation.stop();
        animation.getKeyFrames().setAll(new KeyFrame(Duration.ZERO, new KeyValue(pulse, 0)), new KeyFrame(Duration.millis(600), new KeyValue(pulse, 1)));
        animation.playFromStart();
    }

    private void show(NowSolvingViewModel.Focus f) {
        if (f == null) {
            headline.setText("Nothing to solve yet: load a dataset and make a valid model.");
            for (Label l : List.of(counts, equation, roles, numbers, words)) l.setText("");
            theorem.setText("");
            theorem.setVisible(false);
            draw();
            return;
        }
        SystemShape s = f.shape();
        headline.setText(f.headline());
        counts.setText((f.upcoming() ? "Will solve " : "Solved ") + s.counts() + (s.phase() == Phase.SL
                ? " — one system per datapoint, all sharing the same left-hand side, so one factorisation serves them all."
                : " — one system per " + (s.unknown().startsWith("one kernel") ? "kernel" : "row of weights") + ", all sharing one Gram matrix."));
        equation.setText(s.equation() + "    (t: the layer's targets; a⁻¹ undoes the leaky ReLU)");
        roles.setText("Unknown: " + s.unknown() + ".\nKnown: " + s.known() + ".");
        numbers.setText(numbersText(f));
        theorem.setText(s.theorem() + ": when " + (s.determined() ? "are" : "are not") + " these systems determined? (click)");
        theorem.setVisible(true);
        words.setText(s.phase() == Phase.SL
                ? "SL keeps the weights fixed and finds, for every datapoint, the input to this layer whose output best matches its target (least squares)."
                : "SW keeps the latents fixed and finds the weights that map every datapoint's latents best onto its target (least squares).");
        draw();
    }

    private static String numbersText(NowSolvingViewModel.Focus f) {
        StepResult r = f.step();
        if (r == null) return "No solve yet.";
        String who = f.upcoming() ? "The last solve (step " + r.number() + ", layer " + r.layer() + " " + r.phase() + ")" : "This solve";
        String loss = f.before() == null ? String.format("layer-fit MSE %.5g", r.mse())
                : String.format("layer-fit MSE %.5g → %.5g", f.before().mse(), r.mse());
        return String.format("%s: condition number %.3g, %.2f s, %s; decoded images (output MSE) %.5g.", who, r.condition(), r.seconds(), loss, r.outputMse());
    }

    private void showTheorem() {
        var f = vm.focusProperty().get();
        if (f == null) return;
        StringBuilder text = new StringBuilder();
        for (var c : vm.theoremLines()) text.append(c.line()).append("\n\n");
        text.append(starnet.ui.core.PaperNotes.explain(f.shape().theorem()));
        Alert a = new Alert(Alert.AlertType.INFORMATION, text.toString().strip(), ButtonType.CLOSE);
        a.initOwner(getScene().getWindow());
        a.setTitle(f.shape().theorem());
        a.setHeaderText(f.shape().theorem() + " — layer " + f.shape().layer());
        a.getDialogPane().setPrefWidth(UiScale.px(560));
        a.show();
    }

    /** Draws what changed while the panel was hidden (call when its tab is selected). */
    public void shownAgain() {
        if (stale) draw();
    }

    /** Whether the panel is on screen: in a scene, and it and every parent visible (its tab selected). */
    private boolean shown() {
        if (getScene() == null) return false;
        for (javafx.scene.Node n = this; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return true;
    }

    /** The decoder from the code to the image: a box per latent vector, an arrow per layer's weights. */
    private void draw() {
        if (!shown()) {
            stale = true;
            return;
        }
        stale = false;
        GraphicsContext g = diagram.getGraphicsContext2D();
        double w = diagram.getWidth(), h = diagram.getHeight();
        g.clearRect(0, 0, w, h);
        var f = vm.focusProperty().get();
        if (f == null || w <= 0) return;
        List<LayerPlan> plan = f.plan();
        int k = plan.size(), focus = f.shape().layer();
        boolean sl = f.shape().phase() == Phase.SL;
        double boxW = Math.max(UiScale.px(46), Math.min(UiScale.px(90), w / (2.2 * k + 1.2))), gap = (w - (k + 1) * boxW) / k;
        double top = UiScale.px(18), boxH = h - UiScale.px(48);
        g.setTextAlign(TextAlignment.CENTER);
        g.setTextBaseline(VPos.CENTER);
        for (int i = 0; i <= k; i++) { // latent i enters layer i + 1 (h₀ = the code, h_K = the image)
            double x = i * (boxW + gap);
            Color c = i == focus - 1 ? (sl ? UNKNOWN : KNOWN) : i == focus ? TARGET : IDLE;
            double strength = i == focus - 1 || i == focus ? 0.25 + 0.75 * pulse.get() : 1;
            g.setFill(blend(IDLE, c, strength));
            g.fillRoundRect(x, top, boxW, boxH, 8, 8);
            g.setFill(Color.WHITE);
            g.setFont(Font.font(null, FontWeight.BOLD, UiScale.px(13)));
            g.fillText(i == k ? "x" : "h" + SystemShape.subscript(i), x + boxW / 2, top + boxH / 2 - UiScale.px(8));
            g.setFont(Font.font(UiScale.px(11)));
            g.fillText(size(plan, i), x + boxW / 2, top + boxH / 2 + UiScale.px(9));
            g.setFill(Color.web("#334"));
            String role = i == focus - 1 ? (sl ? "unknown" : "known") : i == focus ? "targets t" : i == 0 ? "code" : i == k ? "image" : "";
            g.fillText(role, x + boxW / 2, top + boxH + UiScale.px(12));
        }
        for (int l = 1; l <= k; l++) { // layer l maps h_{l-1} to h_l
            double x0 = (l - 1) * (boxW + gap) + boxW + 4, x1 = l * (boxW + gap) - 4, y = top + boxH / 2;
            Color c = l == focus ? (sl ? KNOWN : UNKNOWN) : IDLE.darker();
            double strength = l == focus ? 0.25 + 0.75 * pulse.get() : 1;
            g.setStroke(blend(IDLE, c, strength));
            g.setLineWidth(l == focus ? UiScale.px(4) : UiScale.px(2));
            g.strokeLine(x0, y, x1 - 6, y);
            g.setFill(blend(IDLE, c, strength));
            g.fillPolygon(new double[] {x1 - 10, x1, x1 - 10}, new double[] {y - 6, y, y + 6}, 3);
            g.setFill(Color.web("#223"));
            g.setFont(Font.font(null, l == focus ? FontWeight.BOLD : FontWeight.NORMAL, UiScale.px(12)));
            g.fillText("W" + SystemShape.subscript(l) + (l == focus ? (sl ? " known" : " unknown") : ""), (x0 + x1) / 2, y - UiScale.px(12));
        }
    }

    private static Color blend(Color from, Color to, double t) {
        return from.interpolate(to, Math.max(0, Math.min(1, t)));
    }

    /** The width (dense) or grid (conv) of latent {@code i}: the input of layer i + 1, or for i = K the image. */
    private static String size(List<LayerPlan> plan, int i) {
        LayerPlan p = i < plan.size() ? plan.get(i) : null;
        if (p == null) {
            LayerPlan last = plan.get(plan.size() - 1);
            return last.isConv() ? last.conv().cOut() + "×" + last.conv().outH() + "×" + last.conv().outW() : Integer.toString(last.outputWidth());
        }
        return p.isConv() ? p.conv().cIn() + "×" + p.conv().h() + "×" + p.conv().w() : Integer.toString(p.inputWidth());
    }

    /** The headline as shown (for tests). */
    public String headlineText() { return headline.getText(); }

    /** The counts line as shown (for tests). */
    public String countsText() { return counts.getText(); }
}
