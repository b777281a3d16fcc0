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

    /** A workspace drawing on {@code pool} (owned by the caller, one thread at a time). */
    public Workspace(LinearAlgebra la, List<Block> pool) {
        this.la = la;
        this.pool = pool;
    }

    /** A rows × cols block with unspecified contents. */
    public Block scratch(int rows, int cols) {
        int need = Math.max(1, rows * cols);
        Block best = null;
        for (Block b : pool) {
            if (b.capacity() >= need && (best == null || b.capacity() < best.capacity())) best = b;
        }
        if (best != null) {
            pool.remove(best);
        } else {
            best = la.allocate(rows, cols);
        }
        taken.add(best);
        return best.reshape(rows, cols);
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
    }

    /** Frees the native memory of every block in {@code pool}. */
    public static void free(List<Block> pool) {
        for (Block b : pool) b.close();
        pool.clear();
    }
}
