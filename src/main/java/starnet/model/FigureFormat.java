package starnet.model;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The file formats a figure is written in. */
public enum FigureFormat {
    PNG("png"), SVG("svg"), PDF("pdf");

    private final String id;

    FigureFormat(String id) { this.id = id; }

    /** "png", "svg", "pdf": also the file extension. */
    public String id() { return id; }

    public static FigureFormat parse(String s) {
        for (FigureFormat f : values()) if (f.id.equalsIgnoreCase(s.trim())) return f;
        throw new IllegalArgumentException("unknown figure format '" + s + "': expected png, svg or pdf");
    }

    /** The format a file name's extension names, if any. */
    public static Optional<FigureFormat> ofFileName(Path file) {
        String n = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        for (FigureFormat f : values()) if (n.endsWith("." + f.id)) return Optional.of(f);
        return Optional.empty();
    }

    /**
     * The format {@code file}'s name asks for: its extension, PNG when it has none.
     *
     * @throws IllegalArgumentException when the name ends in an extension that is not a figure format (e.g. .gif)
     */
    public static FigureFormat requireKnown(Path file) {
        Optional<FigureFormat> f = ofFileName(file);
        if (f.isPresent()) return f.get();
        String n = file.getFileName() == null ? "" : file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        if (dot > 0 && dot < n.length() - 1) {
            throw new IllegalArgumentException("figures are written as .png, .svg or .pdf; " + n + " ends in " + n.substring(dot));
        }
        return PNG;
    }

    /** {@code file} with this format's extension (replacing png/svg/pdf, else appended). */
    public Path withExtension(Path file) {
        String n = file.getFileName().toString();
        String base = ofFileName(file).map(f -> n.substring(0, n.length() - f.id.length() - 1)).orElse(n);
        return file.resolveSibling(base + "." + id);
    }
}
