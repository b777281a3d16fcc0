package starnet.training;

import starnet.math.Block;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.math.NormalEquationsSolver;
import starnet.math.Solution;
import starnet.math.Workspace;
import starnet.model.ConvShape;
import starnet.model.ConvOps;
import starnet.model.ConvUnpoolLayer;
import starnet.model.LeakyRelu;

import java.util.ArrayList;
import java.util.List;

/**
 * SW for a conv-unpool layer (DESIGN §4): every kernel shares the same input patches, so the exact
 * normal equations Σ [patch 1]ᵀ[patch 1] and Σ [patch 1]ᵀ·t over every (datapoint, position) are
 * accumulated once, in memory-bounded chunks of datapoints (im2col per chunk, then SYRK and GEMM),
 * and solved for all kernels at once.
 */
public final class ConvWeightSolver {
    private final LinearAlgebra la;
    private final LeakyRelu act;
    private final NormalEquationsSolver solver;
    private final List<Block> pool = new ArrayList<>();
    private final int chunkDoubles;

    public ConvWeightSolver(LinearAlgebra la, LeakyRelu act, NormalEquationsSolver solver) {
        this(la, act, solver, ChunkedRows.CHUNK_DOUBLES);
    }

    /** @param chunkDoubles bound on the doubles of one chunk's patches and targets (tests use small chunks) */
    ConvWeightSolver(LinearAlgebra la, LeakyRelu act, NormalEquationsSolver solver, int chunkDoubles) {
        this.la = la;
        this.act = act;
        this.solver = solver;
        this.chunkDoubles = chunkDoubles;
    }

    /**
     * @param latents N × cIn·h·w, read only
     * @param targets N × cOut·outH·outW, read only
     */
    public LayerSystem.WeightSolve solve(ConvShape s, Matrix latents, Matrix targets, Cancellation cancel) {
        int n = latents.rows(), p = s.patchSize(), nk = s.kernels(), pos = s.positions();
        int perItem = pos * (p + 1 + nk);
        int maxChunk = Math.max(1, chunkDoubles / perItem);
        int chunks = Math.max(1, (n + maxChunk - 1) / maxChunk);
        int chunk = Math.max(1, (n + chunks - 1) / chunks); // balanced: no sliver at the end
        Matrix gram, rhs;
        try (Workspace ws = new Workspace(la, pool)) {
            Block g = ws.zeros(p + 1, p + 1), r = ws.zeros(p + 1, nk);
            Block a = ws.scratch(chunk * pos, p + 1), t = ws.scratch(chunk * pos, nk);
            double[] patches = new double[chunk * pos * (p + 1)];
            double[] space = new double[chunk * pos * nk];
            int step = chunk;
            for (int from = 0; from < n; from += step) {
                cancel.check();
                int to = Math.min(n, from + step), count = to - from, rows = count * pos;
                ConvOps.im2col(s, latents.data(), from, to, patches, p + 1);
                for (int i = 0; i < rows; i++) patches[i * (p + 1) + p] = 1.0;
                ConvOps.spaceToDepth(s, targets.data(), from, to, space);
                double inv = 1.0 / act.slope();
                for (int i = 0, len = rows * nk; i < len; i++) space[i] = Math.min(space[i], space[i] * inv);
                a.buffer().put(0, patches, 0, rows * (p + 1));
                t.buffer().put(0, space, 0, rows * nk);
                Block ac = a.withRows(rows), tc = t.withRows(rows);
                la.gramAccumulate(1.0, ac, 1.0, g);
                la.gemm(true, false, 1.0, ac, tc, 1.0, r);
            }
            gram = g.toMatrix();
            rhs = r.toMatrix();
        }
        cancel.check();
        Solution sol = solver.solve(gram, rhs); // (p+1) × nk
        Matrix x = sol.x();
        Matrix kernels = x.rowRange(0, p).transpose();
        double[] bias = x.row(p);
        return new LayerSystem.WeightSolve(new ConvUnpoolLayer(s, kernels, bias), sol);
    }

    /** Frees pooled work memory now. */
    public void releaseWorkMemory() {
        Workspace.free(pool);
    }
}
