package starnet.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.List;
import java.util.Locale;

/**
 * How the columns of a CSV file become images (ignored for other sources).
 *
 * @param label    where the class label is ({@link LabelColumn#AUTO}: a header named label/class/target/y, else the first column)
 * @param shape    the image shape as [height, width] or [channels, height, width]; empty = guessed from the pixel count
 * @param maxValue the value that means full intensity (pixels are divided by it); 0 = auto: 1 when every value is
 *                 at most 1, else 255
 */
public record CsvLayout(LabelColumn label, List<Integer> shape, double maxValue) {
    public CsvLayout {
        if (label == null) label = LabelColumn.AUTO;
        shape = checkedShape(shape == null ? List.of() : List.copyOf(shape));
        if (!Double.isFinite(maxValue) || maxValue < 0) {
            throw new IllegalArgumentException("the maximum pixel value must be a positive number, or 0 for auto; got " + maxValue);
        }
    }

    /** {@code shape} when it is empty, or 2 or 3 sizes of 1–65536 whose product fits an image; else a plain error. */
    private static List<Integer> checkedShape(List<Integer> shape) {
        if (!shape.isEmpty() && shape.size() != 2 && shape.size() != 3) {
            throw new IllegalArgumentException("image shape must be height×width or channels×height×width, got " + shape.size() + " numbers");
        }
        long product = 1;
        for (int s : shape) {
            if (s < 1 || s > 1 << 16) throw new IllegalArgumentException("image shape sizes must be between 1 and 65536, got " + s);
            product *= s;
        }
        if (product > Integer.MAX_VALUE / 2) throw new IllegalArgumentException("image shape " + text(shape) + " is too large");
        return shape;
    }

    public static CsvLayout defaults() { return new CsvLayout(LabelColumn.AUTO, List.of(), 0); }

    /** (channels, height, width) of the given shape, or null when it is to be guessed. */
    @JsonIgnore
    public int[] channelsHeightWidth() {
        if (shape.isEmpty()) return null;
        return shape.size() == 2 ? new int[] {1, shape.get(0), shape.get(1)} : new int[] {shape.get(0), shape.get(1), shape.get(2)};
    }

    /** Parses "28x28" or "3x32x32" ("" or "auto" = guess), checked as the constructor checks it. */
    public static List<Integer> parseShape(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("auto")) return List.of();
        String[] parts = t.split("\\s*[x×,]\\s*");
        try {
            List<Integer> out = new java.util.ArrayList<>();
            for (String p : parts) out.add(Integer.parseInt(p));
            return checkedShape(List.copyOf(out));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("image shape '" + text.trim() + "' is not understood; expected HxW or CxHxW such as 8x8 or 3x32x32");
        }
    }

    /** Parses "auto" (0) or a positive number: the value of full intensity. */
    public static double parseMaxValue(String text) {
        String t = text.trim();
        if (t.isEmpty() || t.equalsIgnoreCase("auto")) return 0;
        try {
            double v = Double.parseDouble(t);
            if (v > 0 && Double.isFinite(v)) return v;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new IllegalArgumentException("expected auto or the value of full intensity such as 255 or 16, got '" + t + "'");
    }

    /** "auto", "255", "16", "0.5". */
    public static String maxValueText(double maxValue) {
        return maxValue == 0 ? "auto" : Numbers.plain(maxValue);
    }

    /** "8×8", "3×32×32" or "auto". */
    public static String text(List<Integer> shape) {
        if (shape.isEmpty()) return "auto";
        StringBuilder b = new StringBuilder();
        for (int s : shape) b.append(b.length() == 0 ? "" : "×").append(s);
        return b.toString();
    }
}
