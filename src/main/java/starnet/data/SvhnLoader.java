package starnet.data;

import starnet.model.DataException;
import starnet.model.Dataset;
import starnet.math.Matrix;
import us.hebi.matlab.mat.format.Mat5;
import us.hebi.matlab.mat.format.Mat5File;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * SVHN format 2 (cropped digits) .mat files: X is 32×32×3×N uint8, y is N×1 with 1..10 where 10
 * stands for the digit 0. Read with mfl-core (MAT level 5; v7.3/HDF5 files are refused by name).
 */
public final class SvhnLoader {
    static final List<String> DIGITS = List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9");

    private SvhnLoader() {}

    public static Dataset load(Path file, int limit) {
        MatHeader.check(file);
        Mat5File mat;
        try {
            mat = Mat5.readFromFile(file.toFile());
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            String msg = String.valueOf(e.getMessage());
            if (msg.contains("7.3") || msg.toLowerCase(java.util.Locale.ROOT).contains("hdf")) {
                throw DataException.of(file, "is a MATLAB v7.3 (HDF5) file, which is not supported; save it as a v7 (level 5) .mat file");
            }
            String why = e instanceof java.io.EOFException ? "it ends too early" : e instanceof java.util.zip.ZipException ? "its compressed data is damaged"
                    : e instanceof OutOfMemoryError ? "it declares more data than this Java can hold" : "its structure is damaged";
            throw new DataException(file + ": is not a readable MATLAB level-5 .mat file (" + why + "); expected SVHN format 2 with X and y", e);
        }
        us.hebi.matlab.mat.types.Matrix x, y;
        try {
            x = mat.getMatrix("X");
            y = mat.getMatrix("y");
        } catch (RuntimeException e) {
            throw DataException.of(file, "has no numeric X and y variables; expected SVHN format 2 (X: 32x32x3xN, y: Nx1)");
        }
        int[] dims = x.getDimensions();
        if (dims.length != 4 || dims[2] != 3) {
            throw DataException.of(file, "X has dimensions " + java.util.Arrays.toString(dims) + "; expected H x W x 3 x N");
        }
        int h = dims[0], w = dims[1], count = dims[3];
        if (y.getNumElements() != count) {
            throw DataException.of(file, "y has " + y.getNumElements() + " labels for " + count + " images; expected one per image");
        }
        if (h < 1 || w < 1 || count < 0 || (long) h * w > 4096L * 4096L) {
            throw DataException.of(file, "X has dimensions " + java.util.Arrays.toString(dims) + "; expected images of 1x1 to 4096x4096 pixels");
        }
        int n = limit > 0 ? Math.min(limit, count) : count;
        try {
            starnet.io.Declared.product("X (" + n + " images of " + h + "x" + w + "x3)", n, 3L * h * w);
        } catch (IllegalArgumentException e) {
            throw DataException.of(file, e.getMessage() + "; use --limit to read fewer images");
        }
        int d = 3 * h * w;
        Matrix m = new Matrix(n, d);
        double[] v = m.data();
        int[] labels = new int[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 3; c++) {
                for (int row = 0; row < h; row++) {
                    for (int col = 0; col < w; col++) {
                        int src = row + h * (col + w * (c + 3 * i)); // column-major
                        v[i * d + (c * h + row) * w + col] = x.getDouble(src);
                    }
                }
            }
            double yv = y.getDouble(i);
            if (!(yv >= 1 && yv <= 10 && yv == Math.rint(yv))) {
                throw DataException.of(file, "label " + yv + " of item " + i + "; SVHN labels are the whole numbers 1..10");
            }
            int label = (int) yv;
            labels[i] = label % 10;
        }
        Pixels.requireFinite(file, v, d);
        Pixels.normalise(file, v);
        return new Dataset("SVHN", file.toString(), 3, h, w, m, labels, DIGITS);
    }
}
