package starnet.model;

import java.util.Locale;

/**
 * A figure's size in logical pixels (1/96 inch, as CSS): a paper's column, its full width, or a slide.
 *
 * @param width  logical pixels, 200–4000
 * @param height logical pixels, 150–4000
 */
public record FigureSize(int width, int height) {
    /** 3.5 × 2.6 inches: one column of a two-column paper. */
    public static final FigureSize COLUMN = new FigureSize(336, 250);
    /** 7 × 3.9 inches: the full text width. */
    public static final FigureSize WIDE = new FigureSize(672, 378);
    /** 10 × 5.6 inches (16:9): a slide. */
    public static final FigureSize SLIDE = new FigureSize(960, 540);

    public FigureSize {
        if (width < 200 || width > 4000 || height < 150 || height > 4000) {
            throw new IllegalArgumentException("figure size must be 200–4000 × 150–4000 pixels (1/96 inch), got " + width + "x" + height);
        }
    }

    /** column, wide, slide, or WIDTHxHEIGHT in 1/96-inch pixels. */
    public static FigureSize parse(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        FigureSize named = switch (t) {
            case "column" -> COLUMN;
            case "wide" -> WIDE;
            case "slide" -> SLIDE;
            default -> null;
        };
        if (named != null) return named;
        String[] p = t.split("[x×]");
        try {
            if (p.length == 2) return new FigureSize(Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()));
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("figure size '" + s + "' is not understood; expected column, wide, slide or WIDTHxHEIGHT such as 800x500");
    }

    /** "column (3.5 × 2.6 in)" and the like. */
    public String describe() {
        String name = equals(COLUMN) ? "column" : equals(WIDE) ? "wide" : equals(SLIDE) ? "slide" : width + "x" + height;
        return String.format(Locale.ROOT, "%s (%.1f × %.1f in)", name, width / 96.0, height / 96.0);
    }
}
