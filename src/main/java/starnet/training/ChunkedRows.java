package starnet.training;

/** Splits N rows into memory-bounded chunks so that large datasets keep a flat memory profile. */
final class ChunkedRows {
    /** Doubles per chunk of the widest matrix involved (≈ 16 MB). */
    static final int CHUNK_DOUBLES = 2_000_000;

    interface Body {
        void run(int from, int to);
    }

    private ChunkedRows() {}

    static int chunkRows(int width) {
        return Math.max(64, CHUNK_DOUBLES / Math.max(1, width));
    }

    static void forEach(int n, int width, Cancellation cancel, Body body) {
        int step = chunkRows(width);
        for (int from = 0; from < n; from += step) {
            cancel.check();
            body.run(from, Math.min(n, from + step));
        }
    }
}
