package starnet.data;

import starnet.model.DataException;
import starnet.model.Dataset;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.ByteOrderMark;
import org.apache.commons.io.input.BOMInputStream;
import starnet.io.Declared;
import starnet.io.GrowingValues;
import starnet.math.Matrix;
import starnet.model.CsvLayout;
import starnet.model.LabelColumn;

import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CSV with one image per line: a class label and one pixel per further column (the Kaggle MNIST layout).
 * Parsed by Apache Commons CSV, so quoted cells, CRLF line ends, blank lines and a byte-order mark
 * (UTF-8 or UTF-16, as spreadsheet programs write them) are all understood. A first row that is not
 * numeric is a header; a header column named {@code label}, {@code class}, {@code target} or {@code y}
 * is the label wherever it stands, otherwise the label is the first column; a {@link CsvLayout} can say
 * first, last or none instead, give the image shape (else guessed from the pixel count: square grey,
 * square colour, else a strip) and the value of full intensity (else values in [0, 1] are kept and
 * values in [0, 255] divided by 255). Memory follows the rows read: a line longer than {@link #MAX_LINE_CHARS} characters is
 * refused before it is held, so a huge one-line file costs nothing.
 */
public final class CsvLoader {
    /** The longest line read: a 1024×1024 grey image written as "255," per pixel fits. */
    static final int MAX_LINE_CHARS = 4 << 20;
    /** Where Commons CSV's own messages say the trouble is ("… at line: 3, position: 6"). */
    private static final Pattern PARSER_LINE = Pattern.compile("line:? (\\d+)");
    /** A plain decimal number as people write them: no Java suffixes (1f, 1d) and no hexadecimal (0x1p3). */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NOT_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);
    private static final Set<String> LABEL_NAMES = Set.of("label", "labels", "class", "target", "y");

    private CsvLoader() {}

    public static Dataset load(Path file, int limit) {
        return load(file, limit, CsvLayout.defaults());
    }

    /** Reads up to {@code limit} rows (0 = all) with the given label column, image shape and value scale. */
    public static Dataset load(Path file, int limit, CsvLayout layout) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();
        try (InputStream raw = Files.newInputStream(file);
             BOMInputStream in = BOMInputStream.builder().setInputStream(raw)
                     .setByteOrderMarks(ByteOrderMark.UTF_8, ByteOrderMark.UTF_16LE, ByteOrderMark.UTF_16BE).get();
             Reader reader = new LineGuard(new InputStreamReader(in, decoder(in)));
             CSVParser parser = format.parse(reader)) {
            return read(file, parser, limit, layout);
        } catch (UncheckedIOException e) {
            throw failure(file, e.getCause());
        } catch (IOException e) {
            throw failure(file, e);
        }
    }

    private static Dataset read(Path file, CSVParser parser, int limit, CsvLayout layout) {
        GrowingValues pixels = new GrowingValues(Declared.MAX_VALUES);
        List<Integer> labels = new ArrayList<>();
        boolean labelled = layout.label() != LabelColumn.NONE;
        int width = -1;
        int labelColumn = -1;
        int rows = 0;
        boolean first = true;
        for (CSVRecord row : parser) {
            if (limit > 0 && rows >= limit) break;
            long line = parser.getCurrentLineNumber();
            if (first) {
                first = false;
                width = row.size();
                int named = labelColumnOf(row);
                labelColumn = switch (layout.label()) {
                    case AUTO -> Math.max(named, 0);
                    case FIRST -> 0;
                    case LAST -> width - 1;
                    case NONE -> -1;
                };
                if (named >= 0 || !isNumber(row.get(0))) continue; // a header
            }
            if (row.size() != width) {
                throw DataException.of(file, "line " + line + " has " + row.size() + " column" + (row.size() == 1 ? "" : "s")
                        + " but the first line has " + width + "; expected the same number on every line");
            }
            if (labelled && width < 2) throw DataException.of(file, "line " + line + " has 1 column; expected a label then pixel columns");
            if (labelled) labels.add(parseLabel(file, line, labelColumn, row.get(labelColumn)));
            int d = labelled ? width - 1 : width;
            pixels.reserve(d);
            for (int j = 0; j < width; j++) {
                if (j != labelColumn) pixels.add(parsePixel(file, line, j, row.get(j)));
            }
            rows++;
        }
        if (rows == 0) {
            throw DataException.of(file, "has no data rows; expected " + (labelled ? "a label then pixel columns" : "pixel columns") + " per line");
        }
        int d = labelled ? width - 1 : width;
        Matrix m = new Matrix(rows, d, pixels.array());
        Pixels.requireFinite(file, m.data(), d);
        if (layout.maxValue() > 0) Pixels.scale(file, m.data(), layout.maxValue());
        else Pixels.normalise(file, m.data());
        int[] shape = layout.channelsHeightWidth();
        if (shape == null) {
            shape = Pixels.guessShape(d);
        } else if ((long) shape[0] * shape[1] * shape[2] != d) {
            throw DataException.of(file, "has " + d + " pixel columns but the image shape " + CsvLayout.text(layout.shape()) + " needs "
                    + (long) shape[0] * shape[1] * shape[2] + "; give a shape whose sizes multiply to " + d
                    + (labelled ? " (or say whether there is a label column)" : ""));
        }
        return new Dataset(file.getFileName().toString(), file.toString(), shape[0], shape[1], shape[2], m,
                labelled ? labels.stream().mapToInt(Integer::intValue).toArray() : null, List.of());
    }

    private static int labelColumnOf(CSVRecord header) {
        for (int j = 0; j < header.size(); j++) {
            if (LABEL_NAMES.contains(header.get(j).trim().toLowerCase(Locale.ROOT))) return j;
        }
        return -1;
    }

    private static int parseLabel(Path file, long line, int column, String cell) {
        double v;
        try {
            v = number(cell);
        } catch (NumberFormatException e) {
            throw DataException.of(file, "line " + line + ", column " + (column + 1) + ": '" + shorten(cell)
                    + "' is not a number; expected a class label");
        }
        if (v != Math.rint(v) || v < 0 || v > Integer.MAX_VALUE) {
            throw DataException.of(file, "line " + line + ", column " + (column + 1) + ": '" + shorten(cell)
                    + "' is not a class label; expected a whole number ≥ 0");
        }
        return (int) v;
    }

    private static double parsePixel(Path file, long line, int column, String cell) {
        try {
            return number(cell);
        } catch (NumberFormatException e) {
            throw DataException.of(file, "line " + line + ", column " + (column + 1) + ": '" + shorten(cell)
                    + "' is not a number; expected a pixel value");
        }
    }

    /** The value of a plain decimal cell; NaN and infinities are read (and refused later with their position). */
    private static double number(String cell) {
        String t = cell.strip(); // spaces only: a NUL or another control character makes the cell no number
        if (DECIMAL.matcher(t).matches()) return Double.parseDouble(t);
        if (NOT_FINITE.matcher(t).matches()) return t.toLowerCase(Locale.ROOT).contains("nan") ? Double.NaN
                : t.startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        throw new NumberFormatException(t);
    }

    /** UTF-8 unless the byte-order mark says UTF-16; undecodable bytes (a Latin-1 header) become U+FFFD. */
    private static CharsetDecoder decoder(BOMInputStream in) throws IOException {
        Charset charset = in.hasBOM() ? Charset.forName(in.getBOMCharsetName()) : StandardCharsets.UTF_8;
        return charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
    }

    private static DataException failure(Path file, IOException e) {
        if (e instanceof LineTooLong) {
            return DataException.of(file, "has a line longer than " + String.format(Locale.ROOT, "%,d", MAX_LINE_CHARS)
                    + " characters; expected one image (a label and its pixels) per line");
        }
        String lower = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        Matcher at = PARSER_LINE.matcher(lower);
        String where = at.find() ? " on line " + at.group(1) : "";
        if (lower.contains("eof reached before encapsulated token finished")) {
            return DataException.of(file, "has a quoted value that is never closed" + where + "; expected a matching \" before the end of the file");
        }
        if (lower.contains("between encapsulated token and delimiter")) {
            return DataException.of(file, "has text right after a closing quote" + where + "; expected a comma or the end of the line");
        }
        return DataException.unreadable(file, e);
    }

    private static String shorten(String cell) {
        String shown = cell.replace("\0", "\\0").replaceAll("\\p{Cntrl}", "?"); // a NUL byte shown as \0, not written to the terminal
        return shown.length() <= 40 ? shown : shown.substring(0, 40) + "…";
    }

    private static boolean isNumber(String s) {
        try {
            number(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Signals a line past {@link #MAX_LINE_CHARS}. */
    private static final class LineTooLong extends IOException {
        LineTooLong() {
            super("line too long");
        }
    }

    /** Counts characters since the last line end and stops the parser at the first line that is too long. */
    private static final class LineGuard extends FilterReader {
        private int sinceNewline;

        LineGuard(Reader in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) count((char) c);
            return c;
        }

        @Override
        public int read(char[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            for (int i = 0; i < n; i++) count(buf[off + i]);
            return n;
        }

        private void count(char c) throws LineTooLong {
            if (c == '\n' || c == '\r') {
                sinceNewline = 0;
            } else if (++sinceNewline > MAX_LINE_CHARS) {
                throw new LineTooLong();
            }
        }
    }
}
