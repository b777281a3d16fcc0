package starnet.figures;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.util.List;

/** A figure with its caption beneath, wrapped to the figure's width. */
final class CaptionedFigure implements Figure {
    private static final Font FONT = FigureFonts.of(12f);
    private static final int PAD = 10;
    private final Figure inner;
    private final String caption;
    private final List<String> lines;
    private final int lineHeight;

    CaptionedFigure(Figure inner, String caption) {
        this.inner = inner;
        this.caption = caption;
        FontMetrics fm = Text.metrics(FONT);
        this.lines = Text.wrap(caption, fm, inner.width() - 2 * PAD);
        this.lineHeight = fm.getHeight();
    }

    @Override public int width() { return inner.width(); }

    @Override public int height() { return inner.height() + PAD / 2 + lines.size() * lineHeight + PAD; }

    @Override
    public void draw(Graphics2D g) {
        Graphics2D in = (Graphics2D) g.create();
        in.clipRect(0, 0, inner.width(), inner.height());
        inner.draw(in);
        in.dispose();
        g.setFont(FONT);
        g.setColor(new Color(0x222222));
        FontMetrics fm = g.getFontMetrics();
        float y = inner.height() + PAD / 2f + fm.getAscent();
        for (String line : lines) {
            g.drawString(line, PAD, y);
            y += lineHeight;
        }
    }

    @Override
    public String dataCsv() {
        return inner.dataCsv();
    }

    String caption() { return caption; }
}
