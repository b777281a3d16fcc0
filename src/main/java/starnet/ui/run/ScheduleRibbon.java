package starnet.ui.run;

import starnet.ui.widgets.UiScale;

import javafx.geometry.VPos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.TextAlignment;
import starnet.model.SolveOrder;
import starnet.model.StarNetConfig;

/** Every layer (last first) × epoch × phase: done, next, to come, or skipped by early convergence. */
public final class ScheduleRibbon extends Region {
    private static final double ROW = 20, LABEL = 190, GAP = 2; // at 100 % zoom
    private final Canvas canvas = new Canvas();
    private final RunViewModel vm;
    private final starnet.ui.core.SessionModel model;

    public ScheduleRibbon(RunViewModel vm) {
        this.vm = vm;
        this.model = vm.model();
        setId("schedule");
        getChildren().add(canvas);
        vm.scheduleProperty().addListener((obs, o, n) -> requestLayout());
        model.configProperty().addListener((obs, o, n) -> requestLayout());
        model.planProperty().addListener((obs, o, n) -> requestLayout());
        UiScale.whenChanged(this, this::requestLayout);
        vm.cursor().viewedProperty().addListener((obs, o, n) -> draw());
    }

    @Override
    protected double computePrefHeight(double width) {
        StarNetConfig c = model.configProperty().get();
        return c == null ? UiScale.px(ROW) : c.architecture().depth() * (UiScale.px(ROW) + GAP) + 2;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(computePrefHeight(getWidth()));
        draw();
    }

    private void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        StarNetConfig c = model.configProperty().get();
        int[] cells = vm.scheduleProperty().get();
        if (c == null || cells.length == 0) return;
        int k = c.architecture().depth(), e = c.training().maxEpochs();
        boolean slFirst = c.training().order() == SolveOrder.SL_FIRST;
        double cw = Math.max(6, Math.min(UiScale.px(44), (getWidth() - UiScale.px(LABEL)) / (e * 2) - GAP));
        g.setFont(Font.font(UiScale.px(11)));
        g.setTextBaseline(VPos.CENTER);
        var plan = model.planProperty().get();
        // the configuration, the plan and the schedule arrive one after the other in one state change: draw once they agree
        if (plan == null || plan.size() != k || cells.length != k * e * 2) return;
        // the step the window shows, when the person looks back (the shared step cursor)
        int viewedRow = -1, viewedCol = -1;
        var viewed = vm.cursor().viewedProperty().get();
        if (viewed != null && viewed.step() != null && !vm.cursor().liveProperty().get()) {
            viewedRow = k - viewed.step().layer();
            viewedCol = (viewed.step().epoch() - 1) * 2 + ((viewed.step().phase() == starnet.model.Phase.SL) == slFirst ? 0 : 1);
        }
        for (int row = 0; row < k; row++) {
            int layer = k - row;
            double y = row * (UiScale.px(ROW) + GAP);
            g.setFill(Color.web("#333"));
            g.setTextAlign(TextAlignment.LEFT);
            var p = plan.get(layer - 1);
            String size = p.isConv() ? starnet.ui.reconstruction.ReconstructionPane.latentSize(p) + "→" + p.conv().cOut() + "×" + p.conv().outH() + "×" + p.conv().outW()
                    : p.inputWidth() + "→" + p.outputWidth();
            g.fillText("Layer " + layer + " (" + size + ")", 0, y + UiScale.px(ROW) / 2);
            for (int col = 0; col < e * 2; col++) {
                int state = cells[row * e * 2 + col];
                double x = UiScale.px(LABEL) + col * (cw + GAP) + (col % 2 == 0 ? 0 : -1);
                Color fill = switch (state) {
                    case 2 -> Color.web("#4a8f5c");
                    case 1 -> Color.web("#f4c542");
                    case 3 -> Color.web("#dde3e8");
                    default -> Color.web("#c5ced6");
                };
                g.setFill(fill);
                g.fillRoundRect(x, y, cw, UiScale.px(ROW), 5, 5);
                if (state == 1) {
                    g.setStroke(Color.web("#a07800"));
                    g.setLineWidth(1.5);
                    g.strokeRoundRect(x + 0.75, y + 0.75, cw - 1.5, UiScale.px(ROW) - 1.5, 5, 5);
                }
                if (row == viewedRow && col == viewedCol) {
                    g.setStroke(Color.web("#1f6fb5"));
                    g.setLineWidth(2.5);
                    g.strokeRoundRect(x + 1.25, y + 1.25, cw - 2.5, UiScale.px(ROW) - 2.5, 5, 5);
                }
                boolean sl = (col % 2 == 0) == slFirst;
                if (cw >= UiScale.px(28)) {
                    g.setFill(state == 2 ? Color.WHITE : Color.web("#333"));
                    g.setTextAlign(TextAlignment.CENTER);
                    g.fillText((sl ? "SL" : "SW") + (col / 2 + 1), x + cw / 2, y + UiScale.px(ROW) / 2);
                }
            }
        }
    }
}
