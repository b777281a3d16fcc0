package starnet.data;

import starnet.math.Matrix;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CIFAR-10 (1 label byte + 3072 pixel bytes per record) and CIFAR-100 (coarse + fine label bytes +
 * 3072) binary batches. Pixels are stored red plane, green plane, blue plane, each 32×32 row-major.
 */
public final class CifarLoader {
    public static final List<String> CIFAR10_CLASSES = List.of("airplane", "automobile", "bird", "cat", "deer",
            "dog", "frog", "horse", "ship", "truck");
    static final int PIXELS = 3 * 32 * 32;

    private CifarLoader() {}

    /** @param cifar100 true for CIFAR-100 records (the fine label is used) */
    public static Dataset load(List<Path> batches, boolean cifar100, String name, int limit) {
        int record = PIXELS + (cifar100 ? 2 : 1);
        List<double[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        for (Path file : batches) {
            byte[] all;
            try {
                all = Files.readAllBytes(file);
            } catch (IOException e) {
                throw DataException.of(file, "cannot be read (" + e.getMessage() + ")");
            }
            if (all.length == 0 || all.length % record != 0) {
                throw DataException.of(file, "is " + all.length + " bytes, not a whole number of " + record + "-byte CIFAR-"
                        + (cifar100 ? "100" : "10") + " records (label byte" + (cifar100 ? "s" : "") + " + 3072 pixels)");
            }
            for (int off = 0; off < all.length && (limit <= 0 || rows.size() < limit); off += record) {
                int label = all[off + record - PIXELS - 1] & 0xff;
                if (!cifar100 && label > 9) throw DataException.of(file, "record " + off / record + " has label " + label + "; CIFAR-10 labels are 0–9");
                double[] px = new double[PIXELS];
                for (int j = 0; j < PIXELS; j++) px[j] = (all[off + record - PIXELS + j] & 0xff) / 255.0;
                rows.add(px);
                labels.add(label);
            }
        }
        Matrix m = new Matrix(rows.size(), PIXELS);
        for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i), 0, m.data(), i * PIXELS, PIXELS);
        return new Dataset(name, batches.get(0).toString(), 3, 32, 32, m, labels.stream().mapToInt(Integer::intValue).toArray(),
                cifar100 ? List.of() : CIFAR10_CLASSES);
    }

    /** Guess CIFAR-100 from the record size when a file's length fits only that. */
    static boolean looksLikeCifar100(Path file) throws IOException {
        long size = Files.size(file);
        return size % (PIXELS + 2) == 0 && size % (PIXELS + 1) != 0;
    }
}
