package starnet.figures;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;

/**
 * The one typeface of every figure: Liberation Sans (SIL Open Font License), which Apache PDFBox ships, so PNG,
 * SVG and PDF show the same glyphs on every machine and the PDF can embed it. Falls back to the JVM's sans-serif
 * font if the file is missing.
 */
public final class FigureFonts {
    /** The font file inside the PDFBox jar. */
    static final String RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    private static final Font BASE = load();

    private FigureFonts() {}

    private static Font load() {
        try (InputStream in = FigureFonts.class.getResourceAsStream(RESOURCE)) {
            if (in != null) return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
            java.util.logging.Logger.getLogger("starnet").log(java.util.logging.Level.WARNING, "loading the figure font", e);
        }
        return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    }

    /** The figure font at {@code size} logical pixels. */
    public static Font of(float size) {
        return BASE.deriveFont(Font.PLAIN, size);
    }

    /** True when the bundled font is in use (not the fallback). */
    static boolean bundled() {
        return !BASE.getFamily().equals(Font.SANS_SERIF) && !BASE.getFamily().equalsIgnoreCase("SansSerif");
    }

    /** The font file's bytes, for embedding in a PDF; null when the fallback is in use. */
    static InputStream file() {
        return FigureFonts.class.getResourceAsStream(RESOURCE);
    }
}
