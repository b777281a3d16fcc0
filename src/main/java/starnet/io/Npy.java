package starnet.io;

import starnet.math.Matrix;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * NumPy .npy format, version 1.0–3.0 (https://numpy.org/doc/stable/reference/generated/numpy.lib.format.html).
 * Reads uint8, int32/64, float32 and float64 arrays in C or Fortran order; writes float64 ("&lt;f8"), C order, version 1.0.
 */
public final class Npy {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("'descr'\\s*:\\s*'([^']*)'");
    private static final Pattern FORTRAN = Pattern.compile("'fortran_order'\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape'\\s*:\\s*\\(([^)]*)\\)");

    private Npy() {}

    /** Thrown for a stream that is not a supported .npy array; the message says what was expected. */
    public static final class FormatException extends IOException {
        public FormatException(String message) { super(message); }
    }

    public static NpyArray read(InputStream raw) throws IOException {
        return read(raw, 0);
    }

    /**
     * Reads at most the first {@code maxRows} entries along the first axis of a C-ordered array (0 = all), so a
     * {@code --limit} reads only what it keeps; the shape returned says how many were read. A Fortran-ordered array
     * is read whole (its rows are not contiguous).
     */
    /** A .npy header: the shape, the element type, the order, and the number of elements it declares (checked). */
    private record Header(int[] shape, String dtype, boolean fortran, long count, long dataOffset) {}

    /**
     * Where a .npy file's values are: its shape, dtype (e.g. "<f4"), order, and the byte offset of the first value.
     * For reading row ranges in place ({@code starnet.store.NpyRows}).
     */
    public record Layout(int[] shape, String dtype, boolean fortran, long dataOffset) {
        /** Bytes per value. */
        public int elementSize() throws FormatException { return Npy.elementSize(dtype); }

        public ByteOrder order() { return dtype.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN; }
    }

    /** The layout of the .npy file at {@code file}, from its header alone. */
    public static Layout layout(java.nio.file.Path file) throws IOException {
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return layout(in);
        }
    }

    /** The layout of the .npy file whose first bytes {@code raw} gives (read as far as its header, not closed). */
    public static Layout layout(InputStream raw) throws IOException {
        Header h = header(new DataInputStream(new java.io.BufferedInputStream(raw)));
        return new Layout(h.shape(), h.dtype(), h.fortran(), h.dataOffset());
    }

    /** Value {@code i} of {@code bb} (in the buffer's order) for a dtype kind such as "f4" or "u1", as a double. */
    public static double element(ByteBuffer bb, int i, String kind) {
        return switch (kind) {
            case "u1" -> bb.get(i) & 0xff;
            case "i1" -> bb.get(i);
            case "i4" -> bb.getInt(i * 4);
            case "i8" -> bb.getLong(i * 8);
            case "f4" -> bb.getFloat(i * 4);
            case "f8" -> bb.getDouble(i * 8);
            default -> throw new IllegalStateException(kind);
        };
    }

    /** The longest header accepted, in bytes. */
    static final int MAX_HEADER = 1 << 20;

    private static Header header(DataInputStream in) throws IOException {
        byte[] magic = new byte[6];
        readFully(in, magic, "the magic string");
        for (int i = 0; i < 6; i++) {
            if (magic[i] != MAGIC[i]) throw new FormatException("not a .npy file (it does not start with \\x93NUMPY)");
        }
        int major = in.readUnsignedByte();
        in.readUnsignedByte();
        int headerLen;
        if (major == 1) {
            headerLen = Short.toUnsignedInt(Short.reverseBytes(in.readShort()));
        } else if (major == 2 || major == 3) {
            headerLen = Integer.reverseBytes(in.readInt());
            if (headerLen < 0 || headerLen > MAX_HEADER) throw new FormatException("the .npy header claims " + Integer.toUnsignedString(headerLen) + " bytes; expected at most " + MAX_HEADER);
        } else {
            throw new FormatException(".npy version " + major + " is not supported; expected 1, 2 or 3");
        }
        byte[] header = new byte[headerLen];
        readFully(in, header, "the header");
        String h = new String(header, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
        Matcher d = DESCR.matcher(h), f = FORTRAN.matcher(h), s = SHAPE.matcher(h);
        if (!d.find() || !f.find() || !s.find()) throw new FormatException("the .npy header is malformed: " + h.trim());
        boolean fortran = f.group(1).equals("True");
        String dtype = d.group(1);
        List<Integer> dims = new ArrayList<>();
        for (String part : s.group(1).split(",")) {
            if (part.isBlank()) continue;
            long v;
            try {
                v = Long.parseLong(part.trim().replaceFirst("[Ll]$", ""));
            } catch (NumberFormatException e) {
                throw new FormatException("the shape (" + s.group(1).trim() + ") is not a list of whole numbers");
            }
            if (v < 0 || v > Integer.MAX_VALUE) throw new FormatException("the shape (" + s.group(1).trim() + ") has a size out of range: " + v);
            dims.add((int) v);
        }
        int[] shape = dims.stream().mapToInt(Integer::intValue).toArray();
        long count;
        try {
            count = Declared.product("the shape (" + s.group(1).trim() + ")", dims.stream().mapToLong(Integer::longValue).toArray());
        } catch (IllegalArgumentException e) {
            throw new FormatException(e.getMessage());
        }
        return new Header(shape, dtype, fortran, count, (major == 1 ? 10L : 12L) + headerLen);
    }

    /** The shape a .npy stream declares, read from its header alone (nothing else is read). */
    public static int[] shape(InputStream raw) throws IOException {
        return header(new DataInputStream(raw)).shape();
    }

    public static NpyArray read(InputStream raw, int maxRows) throws IOException {
        DataInputStream in = new DataInputStream(raw);
        Header hd = header(in);
        int[] shape = hd.shape();
        String dtype = hd.dtype();
        boolean fortran = hd.fortran();
        long count = hd.count();
        if (maxRows > 0 && !fortran && shape.length >= 1 && shape[0] > maxRows) { // the first maxRows rows are the first values
            count = count / shape[0] * maxRows;
            shape[0] = maxRows;
        }
        int size = elementSize(dtype);
        ByteOrder order = dtype.startsWith(">") ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN;
        String kind = dtype.substring(1);
        GrowingValues values = new GrowingValues(count);
        byte[] chunk = new byte[size * 8192];
        long read = 0;
        while (read < count) {
            int want = (int) Math.min(8192, count - read);
            int got = in.readNBytes(chunk, 0, want * size);
            if (got < want * size) {
                throw new FormatException("truncated: the header promises " + count + " elements of " + dtype + " ("
                        + count * size + " bytes) but only " + (read * size + got) + " bytes follow");
            }
            ByteBuffer bb = ByteBuffer.wrap(chunk, 0, got).order(order);
            values.reserve(want);
            for (int i = 0; i < want; i++) values.add(element(bb, i, kind));
            read += want;
        }
        double[] out = values.array();
        return new NpyArray(shape, dtype, fortran ? fortranToC(out, shape) : out);
    }

    /** Reorders column-major (Fortran) values into row-major (C) order for the same shape. */
    static double[] fortranToC(double[] f, int[] shape) {
        double[] c = new double[f.length];
        int[] idx = new int[shape.length];
        for (int i = 0; i < f.length; i++) {
            int ci = 0;
            for (int k = 0; k < shape.length; k++) ci = ci * shape[k] + idx[k];
            c[ci] = f[i];
            for (int k = 0; k < shape.length; k++) { // Fortran order: first index varies fastest
                if (++idx[k] < shape[k]) break;
                idx[k] = 0;
            }
        }
        return c;
    }

    private static int elementSize(String dtype) throws FormatException {
        if (dtype.length() < 2) throw new FormatException("unsupported dtype '" + dtype + "'");
        return switch (dtype.substring(1)) {
            case "u1", "i1" -> 1;
            case "i4", "f4" -> 4;
            case "i8", "f8" -> 8;
            default -> throw new FormatException("unsupported dtype '" + dtype + "'; expected uint8, int32, int64, float32 or float64");
        };
    }

    private static void readFully(DataInputStream in, byte[] b, String what) throws IOException {
        try {
            in.readFully(b);
        } catch (EOFException e) {
            throw new FormatException("truncated: the file ends inside " + what);
        }
    }

    /** Writes {@code data} with {@code shape} as float64, C order. Nothing is modified. */
    public static void write(OutputStream out, int[] shape, double[] data) throws IOException {
        header(out, shape);
        values(out, data, data.length);
    }

    /** Writes the blocks of {@code m} as one 2-D float64 array, C order, a block at a time. */
    public static void write(OutputStream out, starnet.math.RowBlocks m) throws IOException {
        if (m.rows() > Integer.MAX_VALUE) throw new IOException(m.rows() + " rows: a .npy file of this program holds at most " + Integer.MAX_VALUE);
        header(out, new int[] {(int) m.rows(), m.cols()});
        long[] written = {0};
        m.forEach(block -> {
            values(out, block.data(), block.rows() * block.cols());
            written[0] += block.rows();
        });
        if (written[0] != m.rows()) throw new IllegalStateException(written[0] + " rows handed over for " + m.rows());
    }

    /** The header of a float64 C-order array of {@code shape}. */
    private static void header(OutputStream out, int[] shape) throws IOException {
        StringBuilder sh = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) sh.append(shape[i]).append(shape.length == 1 ? "," : (i + 1 < shape.length ? ", " : ""));
        sh.append(')');
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': " + sh + ", }";
        int total = 10 + dict.length() + 1;
        int pad = (64 - total % 64) % 64;
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.write(MAGIC);
        head.write(1);
        head.write(0);
        int len = dict.length() + pad + 1;
        head.write(len & 0xff);
        head.write((len >> 8) & 0xff);
        head.write(dict.getBytes(StandardCharsets.ISO_8859_1));
        for (int i = 0; i < pad; i++) head.write(' ');
        head.write('\n');
        out.write(head.toByteArray());
    }

    /** The first {@code count} of {@code data} as little-endian float64 values. */
    private static void values(OutputStream out, double[] data, int count) throws IOException {
        int piece = 8192;
        ByteBuffer bb = ByteBuffer.allocate(8 * piece).order(ByteOrder.LITTLE_ENDIAN);
        java.nio.DoubleBuffer doubles = bb.asDoubleBuffer();
        for (int from = 0; from < count; from += piece) {
            int n = Math.min(piece, count - from);
            doubles.clear();
            doubles.put(data, from, n);
            out.write(bb.array(), 0, 8 * n);
        }
    }

    /** A matrix as a 2-D float64 array. */
    public static void write(OutputStream out, Matrix m) throws IOException {
        write(out, new int[] {m.rows(), m.cols()}, m.data());
    }

    /** A vector as a 1-D float64 array. */
    public static void write(OutputStream out, double[] v) throws IOException {
        write(out, new int[] {v.length}, v);
    }
}
