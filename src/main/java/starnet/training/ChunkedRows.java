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

    /** Rows per chunk for n rows: at most {@link #chunkRows}, balanced so the last chunk is not a sliver. */
    static int balancedRows(int n, int width) {
        int max = chunkRows(width);
        int chunks = Math.max(1, (n + max - 1) / max);
        return Math.max(1, (n + chunks - 1) / chunks);
    }

    static void forEach(int n, int width, Cancellation cancel, Body body) {
        int step = balancedRows(n, width);
        for (int from = 0; from < n; from += step) {
            cancel.check();
            body.run(from, Math.min(n, from + step));
        }
    }
}
