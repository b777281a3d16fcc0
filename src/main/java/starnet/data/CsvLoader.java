package starnet.data;

import starnet.math.Matrix;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV with the label in the first column and one pixel per further column (the Kaggle MNIST
 * layout). A first row that is not numeric is taken as a header. Pixels in [0, 255] are scaled to
 * [0, 1]; the image shape is guessed from the pixel count (square grey, square colour, else a strip).
 */
public final class CsvLoader {
    private CsvLoader() {}

    public static Dataset load(Path file, int limit) {
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        int width = -1;
        try (BufferedReader r = Files.newBufferedReader(file)) {
            String line;
            int lineNo = 0;
            while ((line = r.readLine()) != null && (limit <= 0 || rows.size() < limit)) {
                lineNo++;
                if (line.isBlank()) continue;
                String[] cells = line.split(",", -1);
                if (lineNo == 1 && !isNumber(cells[0].trim())) continue; // header
                if (width < 0) {
                    width = cells.length;
                    if (width < 2) throw DataException.of(file, "line " + lineNo + " has " + width + " column; expected a label then pixel columns");
                } else if (cells.length != width) {
                    throw DataException.of(file, "line " + lineNo + " has " + cells.length + " columns but line 1 has " + width
                            + "; expected the same number on every line");
                }
                double[] px = new double[width - 1];
                int label;
                try {
                    label = (int) Double.parseDouble(cells[0].trim());
                } catch (NumberFormatException e) {
                    throw DataException.of(file, "line " + lineNo + ", column 1: '" + cells[0] + "' is not a number; expected a class label");
                }
                for (int j = 1; j < width; j++) {
                    try {
                        px[j - 1] = Double.parseDouble(cells[j].trim());
                    } catch (NumberFormatException e) {
                        throw DataException.of(file, "line " + lineNo + ", column " + (j + 1) + ": '" + cells[j] + "' is not a number; expected a pixel value");
                    }
                }
                rows.add(px);
                labels.add(label);
            }
        } catch (IOException e) {
            throw DataException.of(file, "cannot be read (" + e.getMessage() + ")");
        }
        if (rows.isEmpty()) throw DataException.of(file, "has no data rows; expected a label then pixel columns per line");
        int d = width - 1;
        Matrix m = new Matrix(rows.size(), d);
        for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i), 0, m.data(), i * d, d);
        Pixels.requireFinite(file, m.data(), d);
        Pixels.normalise(file, m.data());
        int[] shape = Pixels.guessShape(d);
        return new Dataset(file.getFileName().toString(), file.toString(), shape[0], shape[1], shape[2], m,
                labels.stream().mapToInt(Integer::intValue).toArray(), List.of());
    }

    private static boolean isNumber(String s) {
        try {
            Double.parseDouble(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
