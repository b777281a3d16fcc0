package starnet.math;

import java.util.ArrayList;
import java.util.List;

/**
 * The work blocks of one kernel call. Blocks come from (and go back to) a pool shared by the calls of
 * one owner, so native memory is allocated once per size rather than per step. Contents of a block
 * are unspecified when handed out unless it is asked for zeroed.
 */
public final class Workspace implements AutoCloseable {
    private final LinearAlgebra la;
    private final List<Block> pool;
    private final List<Block> taken = new ArrayList<>();
    private final List<SingleBlock> singlePool;
    private final List<SingleBlock> singleTaken = new ArrayList<>();

    /** A workspace drawing on {@code pool} (owned by the caller, one thread at a time). */
    public Workspace(LinearAlgebra la, List<Block> pool) {
        this(la, pool, new ArrayList<>());
    }

    /** A workspace drawing on {@code pool} and, for float32 blocks, {@code singlePool} (both owned by the caller, one thread at a time). */
    public Workspace(LinearAlgebra la, List<Block> pool, List<SingleBlock> singlePool) {
        this.la = la;
        this.pool = pool;
        this.singlePool = singlePool;
    }

    /**
     * A rows × cols float32 block with unspecified contents, from a backend that has {@link SinglePrecision}.
     *
     * @throws UnsupportedOperationException on a backend without float32 products
     */
    public SingleBlock singleScratch(int rows, int cols) {
        if (!(la instanceof SinglePrecision sp)) throw new UnsupportedOperationException(la.description() + " has no float32 products");
        SingleBlock b = takeSmallest(singlePool, Math.max(1, rows * cols), SingleBlock::capacity);
        if (b == null) b = sp.allocateSingle(rows, cols);
        singleTaken.add(b);
        return b.reshape(rows, cols);
    }

    /** A float32 block holding {@code m} rounded. */
    public SingleBlock singleOf(Matrix m) {
        SingleBlock b = singleScratch(m.rows(), m.cols());
        java.nio.FloatBuffer f = b.buffer();
        double[] d = m.data();
        for (int i = 0; i < d.length; i++) f.put(i, (float) d[i]);
        return b;
    }

    /** A rows × cols block with unspecified contents. */
    public Block scratch(int rows, int cols) {
        Block b = takeSmallest(pool, Math.max(1, rows * cols), Block::capacity);
        if (b == null) b = la.allocate(rows, cols);
        taken.add(b);
        return b.reshape(rows, cols);
    }

    /** The smallest block in {@code pool} holding at least {@code need} values, removed from it; null when none does. */
    private static <B> B takeSmallest(List<B> pool, int need, java.util.function.ToIntFunction<B> capacity) {
        B best = null;
        for (B b : pool) {
            if (capacity.applyAsInt(b) >= need && (best == null || capacity.applyAsInt(b) < capacity.applyAsInt(best))) best = b;
        }
        if (best != null) pool.remove(best);
        return best;
    }

    /** A rows × cols block of zeros. */
    public Block zeros(int rows, int cols) {
        Block b = scratch(rows, cols);
        b.fill(0);
        return b;
    }

    public Block blockOf(Matrix m) {
        return scratch(m.rows(), m.cols()).load(m);
    }

    /** Returns every block to the pool. */
    @Override
    public void close() {
        pool.addAll(taken);
        taken.clear();
        singlePool.addAll(singleTaken);
        singleTaken.clear();
    }

    /** Frees the native memory of every block in {@code pool}. */
    public static void free(List<Block> pool) {
        for (Block b : pool) b.close();
        pool.clear();
    }

    /** Frees the native memory of every float32 block in {@code pool}. */
    public static void freeSingle(List<SingleBlock> pool) {
        for (SingleBlock b : pool) b.close();
        pool.clear();
    }
}
