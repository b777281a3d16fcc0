package starnet.data;

import starnet.model.DataException;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * What a MATLAB level-5 .mat file declares, checked before a reader allocates for it: every top-level element fits the
 * file, and every array's dimensions describe at most as many values as one array (and this Java's memory) can hold.
 * Only the headers are read: a compressed element is inflated no further than its array's dimensions.
 * <p>
 * Layout (MathWorks, "MAT-File Format", level 5): a 128-byte header ending in the version and the byte-order mark
 * "IM"/"MI"; then data elements, each a tag (type, bytes) and its data, padded to 8 bytes. An array (miMATRIX, 14) starts
 * with its flags (miUINT32) and its dimensions (miINT32); a compressed element (miCOMPRESSED, 15) is zlib data that holds
 * one such element.
 */
final class MatHeader {
    private static final int MI_INT32 = 5, MI_MATRIX = 14, MI_COMPRESSED = 15;
    /** Bytes per value of each MATLAB class (mxDOUBLE_CLASS 6 … mxUINT64_CLASS 15); 8 for the others (the largest). */
    private static final int[] CLASS_BYTES = {8, 8, 8, 8, 8, 8, 8, 4, 1, 1, 2, 2, 4, 4, 8, 8};

    /** Bytes per value of each stored data type (miINT8 1 … miUINT64 13); 0 where the type holds no plain numbers. */
    private static final int[] TYPE_BYTES = {0, 1, 1, 2, 2, 4, 4, 4, 0, 8, 0, 0, 8, 8};

    private MatHeader() {}

    /** Refuses {@code file} when an element overruns it or an array declares more values than can be held. */
    static void check(Path file) {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            if (size < 128) throw DataException.of(file, "is shorter than a .mat file's 128-byte header; expected SVHN format 2 (a MATLAB level-5 .mat file)");
            ByteBuffer head = read(ch, 0, 128);
            ByteOrder order = head.get(126) == 'I' && head.get(127) == 'M' ? ByteOrder.LITTLE_ENDIAN
                    : head.get(126) == 'M' && head.get(127) == 'I' ? ByteOrder.BIG_ENDIAN : null;
            if (order == null) return; // not level 5 (v7.3 or another file): the reader says which
            long at = 128;
            while (at + 8 <= size) {
                ByteBuffer tag = read(ch, at, 8).order(order);
                int type = tag.getInt(0);
                if ((type >>> 16) != 0) { // a small element: its data in the tag's second half
                    at += 8;
                    continue;
                }
                long bytes = tag.getInt(4) & 0xffffffffL;
                if (bytes > size - at - 8) {
                    throw DataException.of(file, "is truncated or damaged: an element at byte " + at + " declares " + bytes + " bytes, but only "
                            + (size - at - 8) + " follow");
                }
                if (type == MI_MATRIX) {
                    arrayHeader(file, read(ch, at + 8, (int) Math.min(bytes, 256)).order(order));
                } else if (type == MI_COMPRESSED) {
                    arrayHeader(file, inflatedStart(file, ch, at + 8, bytes, order));
                }
                at += 8 + ((bytes + 7) & ~7L);
            }
        } catch (IOException e) {
            throw DataException.unreadable(file, e);
        }
    }

    /** The first bytes of a compressed element, inflated: the inner element's tag and its array header. */
    private static ByteBuffer inflatedStart(Path file, FileChannel ch, long from, long bytes, ByteOrder order) throws IOException {
        Inflater inf = new Inflater();
        try {
            inf.setInput(read(ch, from, (int) Math.min(bytes, 4096)));
            byte[] out = new byte[264];
            int n = inf.inflate(out);
            ByteBuffer b = ByteBuffer.wrap(out, 0, n).slice().order(order);
            if (n < 8 || b.getInt(0) != MI_MATRIX) return ByteBuffer.allocate(0);
            return ByteBuffer.wrap(out, 8, n - 8).slice().order(order);
        } catch (DataFormatException e) {
            throw DataException.of(file, "holds compressed data that is damaged; expected SVHN format 2 (a MATLAB level-5 .mat file)");
        } finally {
            inf.end();
        }
    }

    /** An array's flags and dimensions: at most as many values as one array (and the heap) can hold. */
    private static void arrayHeader(Path file, ByteBuffer a) {
        if (a.limit() < 24) return; // an empty array, or one whose header the reader itself will refuse
        int cls = a.getInt(8) & 0xff;
        if (a.getInt(16) != MI_INT32) return;
        int dimBytes = a.getInt(20);
        if (dimBytes < 0 || dimBytes % 4 != 0 || 24 + dimBytes > a.limit()) {
            throw DataException.of(file, "is damaged: an array declares " + dimBytes + " bytes of dimensions");
        }
        long values = 1;
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < dimBytes / 4; i++) {
            long d = a.getInt(24 + 4 * i);
            if (d < 0) throw DataException.of(file, "is damaged: an array declares a negative dimension (" + d + ")");
            shown.append(i == 0 ? "" : "x").append(d);
            values = values > Long.MAX_VALUE / Math.max(1, d) ? Long.MAX_VALUE : values * d;
        }
        int name = 24 + ((dimBytes + 7) & ~7); // the array name's tag, then the real part's
        if (name + 8 <= a.limit()) {
            int nameTag = a.getInt(name);
            int real = (nameTag >>> 16) != 0 ? name + 8 : name + 8 + ((a.getInt(name + 4) + 7) & ~7);
            if (real >= name + 8 && real + 8 <= a.limit()) {
                int type = a.getInt(real);
                long held = a.getInt(real + 4) & 0xffffffffL;
                int size = type >= 1 && type < TYPE_BYTES.length ? TYPE_BYTES[type] : 0;
                if ((type >>> 16) == 0 && size > 0 && values <= Long.MAX_VALUE / size && values * size != held) {
                    throw DataException.of(file, "is damaged: an array of " + shown + " values holds " + held + " bytes of data; expected " + values * size);
                }
            }
        }
        long bytes = values > Long.MAX_VALUE / 8 ? Long.MAX_VALUE : values * (cls < CLASS_BYTES.length ? CLASS_BYTES[cls] : 8);
        long budget = Runtime.getRuntime().maxMemory() / 2;
        if (values > starnet.io.Declared.MAX_VALUES || bytes > budget) {
            throw DataException.of(file, String.format("declares an array of %s values (%.1f GB), more than this Java can hold (%.1f GB); "
                    + "use a smaller file, or give Java more memory (-Xmx)", shown, bytes / 1e9, budget / 1e9));
        }
    }

    private static ByteBuffer read(FileChannel ch, long at, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n);
        while (b.hasRemaining()) {
            if (ch.read(b, at + b.position()) < 0) break;
        }
        b.flip();
        return b;
    }
}
