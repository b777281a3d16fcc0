package starnet.ui.reconstruction;

import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.paint.Color;
import starnet.ui.widgets.UiScale;

/** The error heat map's colour scale: |reconstruction − target| per pixel, black at 0 through red to yellow at 0.5 or more. */
final class HeatScale extends HBox {
    HeatScale() {
        setSpacing(6);
        setAlignment(Pos.CENTER_LEFT);
        setId("heat-scale");
        Canvas bar = new Canvas(UiScale.px(160), UiScale.px(12));
        GraphicsContext g = bar.getGraphicsContext2D();
        int w = (int) bar.getWidth();
        for (int x = 0; x < w; x++) {
            double t = x / (double) (w - 1);
            // the same map as ImageTiles.errorHeat: red rises first, then green (to yellow); a little blue at 0
            g.setFill(Color.rgb((int) Math.round(255 * Math.min(1, 2 * t)), (int) Math.round(255 * Math.max(0, 2 * t - 1)),
                    (int) Math.round(80 * Math.max(0, 1 - 4 * t))));
            g.fillRect(x, 0, 1, bar.getHeight());
        }
        Label from = new Label("0"), to = new Label("≥ 0.5"), what = new Label("|reconstruction − target| per pixel (pixels in [0, 1])");
        what.getStyleClass().add("muted");
        getChildren().addAll(what, from, bar, to);
    }
}
