package starnet.data;

import starnet.model.DataException;
import starnet.model.Dataset;

import java.io.IOException;
import java.io.InputStream;
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

    /**
     * Reads the batches record by record, stopping at {@code limit} items (0 = all): memory follows the items
     * kept, never a whole file. Each file's size is checked against the record size before it is read.
     *
     * @param cifar100 true for CIFAR-100 records (the fine label is used)
     */
    public static Dataset load(List<Path> batches, boolean cifar100, String name, int limit) {
        int record = PIXELS + (cifar100 ? 2 : 1);
        long wanted = 0;
        for (Path file : batches) {
            long size;
            try {
                size = Files.size(file);
            } catch (IOException e) {
                throw DataException.unreadable(file, e);
            }
            if (!Files.isRegularFile(file)) throw DataException.of(file, "is not a regular file; expected a CIFAR batch file");
            if (size == 0 || size % record != 0) {
                throw DataException.of(file, "is " + size + " bytes, not a whole number of " + record + "-byte CIFAR-"
                        + (cifar100 ? "100" : "10") + " records (label byte" + (cifar100 ? "s" : "") + " + 3072 pixels)");
            }
            wanted += size / record;
        }
        if (limit > 0) wanted = Math.min(wanted, limit);
        long declared;
        try {
            declared = starnet.io.Declared.product(batches.size() + " CIFAR batch file(s)", wanted, PIXELS);
        } catch (IllegalArgumentException e) {
            throw DataException.of(batches.get(0), e.getMessage() + "; use --limit to read fewer images");
        }
        starnet.io.GrowingBytes values = new starnet.io.GrowingBytes(declared);
        List<Integer> labels = new ArrayList<>();
        byte[] buf = new byte[record];
        for (Path file : batches) {
            if (labels.size() >= wanted) break;
            try (InputStream in = new java.io.BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
                for (int r = 0; labels.size() < wanted; r++) {
                    int got = in.readNBytes(buf, 0, record);
                    if (got == 0) break;
                    if (got < record) throw DataException.of(file, "truncated inside record " + r);
                    int label = buf[record - PIXELS - 1] & 0xff;
                    if (!cifar100 && label > 9) throw DataException.of(file, "record " + r + " has label " + label + "; CIFAR-10 labels are 0–9");
                    int coarse = buf[0] & 0xff;
                    if (cifar100 && (label > 99 || coarse > 19)) {
                        throw DataException.of(file, "record " + r + " has labels " + coarse + " (coarse) and " + label
                                + " (fine); CIFAR-100 labels are 0–19 and 0–99");
                    }
                    values.add(buf, record - PIXELS, PIXELS);
                    labels.add(label);
                }
            } catch (IOException e) {
                throw DataException.unreadable(file, e);
            }
        }
        return Dataset.ofBytes(name, batches.get(0).toString(), 3, 32, 32, values.pixels(labels.size(), PIXELS), labels.stream().mapToInt(Integer::intValue).toArray(),
                cifar100 ? List.of() : CIFAR10_CLASSES);
    }

    /** Guess CIFAR-100 from the record size when a file's length fits only that. */
    static boolean looksLikeCifar100(Path file) throws IOException {
        long size = Files.size(file);
        return size % (PIXELS + 2) == 0 && size % (PIXELS + 1) != 0;
    }
}
