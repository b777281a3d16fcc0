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
 * SW for a conv-unpool layer (paper §3.2): every kernel shares the same input patches, so the exact
 * normal equations Σ [patch 1]ᵀ[patch 1] and Σ [patch 1]ᵀ·t over every (datapoint, position) are
 * accumulated once and solved for all kernels at once. Two exact routes to the same sums:
 * <ul>
 * <li><b>latent Gram</b> (when it is the cheaper): C = Σₙ zₙzₙᵀ over whole latent grids and D = Σₙ zₙTₙᵀ against
 * the targets in kernel order, two well-shaped GEMMs over the datapoints; every entry of the patch Gram is then
 * a sum of entries of C over the positions where both patch elements fall inside the grid, and every entry of
 * the right-hand side a sum of entries of D — no im2col at all;</li>
 * <li><b>im2col</b>: patches per chunk of datapoints, then SYRK and GEMM over every (datapoint, position) row.</li>
 * </ul>
 * Both are memory-bounded (chunks of datapoints) and give the same normal equations up to rounding.
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
        Matrix[] eq = normalEquations(s, latents, targets, cancel);
        cancel.check();
        Solution sol = solver.solve(eq[0], eq[1]); // (p+1) × nk
        Matrix x = sol.x();
        Matrix kernels = x.rowRange(0, s.patchSize()).transpose();
        double[] bias = x.row(s.patchSize());
        return new LayerSystem.WeightSolve(new ConvUnpoolLayer(s, kernels, bias), sol);
    }

    /**
     * SW's patch normal equations: {Gram of the patches with a ones column, (p+1) × (p+1); right-hand sides, (p+1) × nk},
     * on the cheaper route. New matrices.
     *
     * @param latents N × cIn·h·w, read only
     * @param targets N × cOut·outH·outW, read only
     */
    public Matrix[] normalEquations(ConvShape s, Matrix latents, Matrix targets, Cancellation cancel) {
        return latentGramIsCheaper(s) ? viaLatentGram(s, latents, targets, cancel) : viaIm2col(s, latents, targets, cancel);
    }

    /** Largest C + D (doubles) the latent-Gram route holds. */
    static final long LATENT_GRAM_DOUBLES = 16L << 20;
    /** For tests: force a route (null = the cheaper). */
    Boolean forceLatentGram;

    /** Whether the latent-Gram route does fewer multiply-adds per datapoint than im2col, within its memory bound. */
    boolean latentGramIsCheaper(ConvShape s) {
        return forceLatentGram != null ? forceLatentGram : latentGramRoute(s);
    }

    /** The floating-point operations of the normal equations for {@code n} datapoints, on the route taken. */
    public static double flops(ConvShape s, int n) {
        double in = s.inputWidth(), nkPos = (double) s.kernels() * s.positions(), p1 = s.patchSize() + 1, rows = (double) n * s.positions();
        return latentGramRoute(s) ? n * in * in + 2.0 * n * in * nkPos : rows * p1 * p1 + 2 * rows * p1 * s.kernels();
    }

    static boolean latentGramRoute(ConvShape s) {
        long in = s.inputWidth(), nkPos = (long) s.kernels() * s.positions(), p1 = s.patchSize() + 1L;
        long gram = in * (in + 1) / 2 + in * nkPos, im2col = s.positions() * (p1 * (p1 + 1) / 2 + p1 * s.kernels());
        return in * (in + nkPos) <= LATENT_GRAM_DOUBLES && gram < im2col;
    }

    /** The normal equations {gram (p+1)², rhs (p+1) × nk} through C = Σ zzᵀ and D = Σ zTᵀ. */
    private Matrix[] viaLatentGram(ConvShape s, Matrix latents, Matrix targets, Cancellation cancel) {
        int n = latents.rows(), in = s.inputWidth(), nk = s.kernels(), pos = s.positions(), nkPos = nk * pos;
        int chunk = Math.max(1, Math.min(n, chunkDoubles / (in + nkPos)));
        Matrix c, d;
        double[] zSum = new double[in], tSum = new double[nkPos];
        try (Workspace ws = new Workspace(la, pool)) {
            Block cb = ws.zeros(in, in), db = ws.zeros(in, nkPos);
            Block zb = ws.scratch(chunk, in), tb = ws.scratch(chunk, nkPos);
            double[] space = new double[chunk * nkPos];
            for (int from = 0; from < n; from += chunk) {
                cancel.check();
                int to = Math.min(n, from + chunk), count = to - from;
                zb.buffer().put(0, latents.data(), from * in, count * in);
                ConvOps.spaceToDepth(s, targets.data(), from, to, space); // per item: position-major, then kernel
                act.inverseInPlace(space, count * nkPos);
                for (int i = 0, len = count * nkPos; i < len; i++) tSum[i % nkPos] += space[i];
                for (int r = from; r < to; r++) for (int j = 0; j < in; j++) zSum[j] += latents.data()[r * in + j];
                tb.buffer().put(0, space, 0, count * nkPos);
                Block zc = zb.withRows(count), tc = tb.withRows(count);
                la.gramAccumulate(1.0, zc, 1.0, cb);
                la.gemm(true, false, 1.0, zc, tc, 1.0, db);
            }
            c = cb.toMatrix();
            d = db.toMatrix();
        }
        return assemble(s, n, c, d, zSum, tSum);
    }

    /**
     * Patch normal equations from the latent Gram C (in × in), the cross products D (in × nk·positions, column
     * (position·nk + kernel)), the latents' column sums and the targets' sums. Patch element j = (c, dy, dx) at
     * grid position (y, x) reads latent (c, y + dy − pad, x + dx − pad), or 0 outside the grid.
     */
    static Matrix[] assemble(ConvShape s, int n, Matrix c, Matrix d, double[] zSum, double[] tSum) {
        int p = s.patchSize(), k = s.k(), pad = s.pad(), nk = s.kernels(), gh = s.gridH(), gw = s.gridW(), h = s.h(), w = s.w();
        int[][] latentAt = new int[p][s.positions()]; // the latent index each patch element reads at each position, or −1
        for (int j = 0; j < p; j++) {
            int ch = j / (k * k), dy = (j / k) % k, dx = j % k;
            for (int y = 0; y < gh; y++) {
                for (int x = 0; x < gw; x++) {
                    int iy = y + dy - pad, ix = x + dx - pad;
                    latentAt[j][y * gw + x] = iy >= 0 && iy < h && ix >= 0 && ix < w ? (ch * h + iy) * w + ix : -1;
                }
            }
        }
        int pos = s.positions(), in = s.inputWidth(), nkPos = nk * pos;
        double[] cv = c.data(), dv = d.data();
        Matrix gram = new Matrix(p + 1, p + 1), rhs = new Matrix(p + 1, nk);
        double[] g = gram.data(), r = rhs.data();
        for (int j = 0; j < p; j++) {
            int[] a = latentAt[j];
            for (int j2 = j; j2 < p; j2++) {
                int[] b = latentAt[j2];
                double sum = 0;
                for (int q = 0; q < pos; q++) if (a[q] >= 0 && b[q] >= 0) sum += cv[a[q] * in + b[q]];
                g[j * (p + 1) + j2] = sum;
                g[j2 * (p + 1) + j] = sum;
            }
            double bias = 0;
            for (int q = 0; q < pos; q++) if (a[q] >= 0) bias += zSum[a[q]];
            g[j * (p + 1) + p] = bias;
            g[p * (p + 1) + j] = bias;
            for (int kk = 0; kk < nk; kk++) {
                double sum = 0;
                for (int q = 0; q < pos; q++) if (a[q] >= 0) sum += dv[a[q] * nkPos + q * nk + kk];
                r[j * nk + kk] = sum;
            }
        }
        g[p * (p + 1) + p] = (double) n * pos;
        for (int kk = 0; kk < nk; kk++) {
            double sum = 0;
            for (int q = 0; q < pos; q++) sum += tSum[q * nk + kk];
            r[p * nk + kk] = sum;
        }
        return new Matrix[] {gram, rhs};
    }

    /** The normal equations through im2col patches per chunk of datapoints (SYRK and GEMM over every row). */
    private Matrix[] viaIm2col(ConvShape s, Matrix latents, Matrix targets, Cancellation cancel) {
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
                act.inverseInPlace(space, rows * nk);
                a.buffer().put(0, patches, 0, rows * (p + 1));
                t.buffer().put(0, space, 0, rows * nk);
                Block ac = a.withRows(rows), tc = t.withRows(rows);
                la.gramAccumulate(1.0, ac, 1.0, g);
                la.gemm(true, false, 1.0, ac, tc, 1.0, r);
            }
            gram = g.toMatrix();
            rhs = r.toMatrix();
        }
        return new Matrix[] {gram, rhs};
    }

    /** Frees pooled work memory now. */
    public void releaseWorkMemory() {
        Workspace.free(pool);
    }
}
