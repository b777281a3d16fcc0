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
            if (in != null) {
                byte[] bytes = in.readAllBytes();
                java.nio.file.Path kept = kept(bytes);
                // from a file of its own the font makes no temporary copy (one a killed process would leave in the temp folder)
                if (kept != null) return Font.createFont(Font.TRUETYPE_FONT, kept.toFile());
                return Font.createFont(Font.TRUETYPE_FONT, new java.io.ByteArrayInputStream(bytes));
            }
        } catch (IOException | FontFormatException e) {
            java.util.logging.Logger.getLogger("starnet").log(java.util.logging.Level.WARNING, "loading the figure font", e);
        }
        return new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    }

    /**
     * The font file kept in the workbench's folder ({@code ~/.starnet/fonts}), written once (atomically) and reused by
     * every later process; null when that folder cannot be written.
     */
    private static java.nio.file.Path kept(byte[] bytes) {
        java.nio.file.Path dir = java.nio.file.Path.of(System.getProperty("user.home"), ".starnet", "fonts");
        java.nio.file.Path file = dir.resolve("LiberationSans-Regular-" + bytes.length + ".ttf");
        try {
            if (java.nio.file.Files.size(file) == bytes.length) return file;
        } catch (IOException e) { // not there yet
        }
        java.nio.file.Path partial = dir.resolve(file.getFileName() + "." + ProcessHandle.current().pid() + ".partial");
        try {
            java.nio.file.Files.createDirectories(dir);
            java.nio.file.Files.write(partial, bytes);
            java.nio.file.Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return file;
        } catch (IOException | UnsupportedOperationException e) {
            try {
                java.nio.file.Files.deleteIfExists(partial);
            } catch (IOException ignored) { // nothing more to do: the font loads from the jar instead
            }
            return null;
        }
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
