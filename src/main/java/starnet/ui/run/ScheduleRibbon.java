package starnet.ui.run;

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
    private static final double ROW = 20, LABEL = 190, GAP = 2;
    private final Canvas canvas = new Canvas();
    private final RunViewModel vm;
    private final starnet.ui.core.SessionModel model;

    public ScheduleRibbon(RunViewModel vm) {
        this.vm = vm;
        this.model = vm.model();
        setId("schedule");
        getChildren().add(canvas);
        vm.scheduleProperty().addListener((obs, o, n) -> requestLayout());
    }

    @Override
    protected double computePrefHeight(double width) {
        StarNetConfig c = model.configProperty().get();
        return c == null ? ROW : c.architecture().depth() * (ROW + GAP) + 2;
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
        double cw = Math.max(6, Math.min(44, (getWidth() - LABEL) / (e * 2) - GAP));
        g.setFont(Font.font(11));
        g.setTextBaseline(VPos.CENTER);
        var plan = model.planProperty().get();
        if (plan == null) return;
        for (int row = 0; row < k; row++) {
            int layer = k - row;
            double y = row * (ROW + GAP);
            g.setFill(Color.web("#333"));
            g.setTextAlign(TextAlignment.LEFT);
            var p = plan.get(layer - 1);
            String size = p.isConv() ? starnet.ui.reconstruction.ReconstructionPane.latentSize(p) + "→" + p.conv().cOut() + "×" + p.conv().outH() + "×" + p.conv().outW()
                    : p.inputWidth() + "→" + p.outputWidth();
            g.fillText("Layer " + layer + " (" + size + ")", 0, y + ROW / 2);
            for (int col = 0; col < e * 2; col++) {
                int state = cells[row * e * 2 + col];
                double x = LABEL + col * (cw + GAP) + (col % 2 == 0 ? 0 : -1);
                Color fill = switch (state) {
                    case 2 -> Color.web("#4a8f5c");
                    case 1 -> Color.web("#f4c542");
                    case 3 -> Color.web("#dde3e8");
                    default -> Color.web("#c5ced6");
                };
                g.setFill(fill);
                g.fillRoundRect(x, y, cw, ROW, 5, 5);
                if (state == 1) {
                    g.setStroke(Color.web("#a07800"));
                    g.setLineWidth(1.5);
                    g.strokeRoundRect(x + 0.75, y + 0.75, cw - 1.5, ROW - 1.5, 5, 5);
                }
                boolean sl = (col % 2 == 0) == slFirst;
                if (cw >= 28) {
                    g.setFill(state == 2 ? Color.WHITE : Color.web("#333"));
                    g.setTextAlign(TextAlignment.CENTER);
                    g.fillText((sl ? "SL" : "SW") + (col / 2 + 1), x + cw / 2, y + ROW / 2);
                }
            }
        }
    }
}
