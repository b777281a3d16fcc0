package starnet.data;

import starnet.model.DataException;
import starnet.model.Numbers;

/** Checks that shared by every loader. */
final class Pixels {
    private Pixels() {}

    /** Throws when any value is NaN or infinite; names the file and the first bad position. */
    static void requireFinite(Object file, double[] values, int perItem) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                throw DataException.of(file, "item " + (i / perItem) + " has a " + (Double.isNaN(values[i]) ? "NaN" : "infinite")
                        + " value at position " + (i % perItem) + "; expected finite pixel values");
            }
        }
    }

    /**
     * Scales values to [0, 1]: kept as they are when all lie in [0, 1], divided by 255 when they lie
     * in [0, 255]; anything else is an error. {@code values} is written.
     */
    static void normalise(Object file, double[] values) {
        double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        if (values.length == 0 || (min >= 0 && max <= 1)) return;
        if (min >= 0 && max <= 255) {
            for (int i = 0; i < values.length; i++) values[i] /= 255.0;
            return;
        }
        throw DataException.of(file, "pixel values range from " + Numbers.plain(min) + " to " + Numbers.plain(max)
                + "; expected values in [0, 1] or [0, 255] (for a CSV file, give the value of full intensity)");
    }

    /** Divides every value by {@code max}; values outside [0, max] are an error. {@code values} is written. */
    static void scale(Object file, double[] values, double max) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] < 0 || values[i] > max) {
                throw DataException.of(file, "has the pixel value " + Numbers.plain(values[i]) + ", outside [0, " + Numbers.plain(max) + "]; expected values up to the "
                        + "given full intensity " + Numbers.plain(max) + " (or auto)");
            }
        }
        for (int i = 0; i < values.length; i++) values[i] /= max;
    }

    /** (channels, height, width) guessed from a flat length: square grey, square colour, or a 1×1×D strip. */
    static int[] guessShape(int length) {
        int s = (int) Math.round(Math.sqrt(length));
        if (s * s == length) return new int[] {1, s, s};
        if (length % 3 == 0) {
            int c = (int) Math.round(Math.sqrt(length / 3.0));
            if (3 * c * c == length) return new int[] {3, c, c};
        }
        return new int[] {1, 1, length};
    }
}
