package starnet.explore;

import starnet.model.SystemInspection;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.math.Spectrum;
import starnet.model.ConvUnpoolLayer;
import starnet.model.DenseLayer;
import starnet.model.LeakyRelu;
import starnet.model.Phase;
import starnet.model.SolverKind;
import starnet.model.TrainingConfig;
import starnet.training.Cancellation;
import starnet.training.StarNetTrainer;

import java.util.ArrayList;
import java.util.List;

/**
 * Looks at the system of the newest step: the known matrix's singular values (W for SL, [H 1] for SW, the latents'
 * patches with a one for a convolutional SW — each through its Gram matrix), rank, condition with and without the ridge, the residual and whether it is orthogonal to the
 * columns — the defining property of a least-squares solution.
 * <p>
 * Cost: one Gram eigen-decomposition (d_in² values) and one pass over at most {@link #MAX_ROWS} datapoints for SL
 * (every datapoint for SW, whose orthogonality is a sum over all of them).
 */
public final class SolverInspector {
    /** SL's residual is measured on at most this many datapoints, evenly spread. */
    public static final int MAX_ROWS = 8192;
    private static final int CHUNK = 2048;

    private SolverInspector() {}

    /**
     * Inspects the newest step's system of {@code trainer} (read only; call on the thread that owns it).
     *
     * @throws IllegalStateException before the first step, or for SL on a convolutional layer too large to build (it runs matrix-free)
     */
    public static SystemInspection inspectNewest(StarNetTrainer trainer, LeakyRelu act, Cancellation cancel) {
        StarNetTrainer.StepSystem s = trainer.newestSystem();
        if (s == null) throw new IllegalStateException("no step has run yet");
        return inspect(trainer, s, act, false, cancel);
    }

    /**
     * Inspects the newest step's system on at most {@link #MAX_ROWS} of its datapoints, evenly spread, read from where
     * the engine keeps them (a store, a cluster): for runs whose arrays are not in this heap.
     *
     * @throws IllegalStateException before the first step, or when the engine no longer has the step's latents
     */
    public static SystemInspection inspectNewestSample(StarNetTrainer trainer, LeakyRelu act, Cancellation cancel) {
        int n = trainer.engine().rows();
        int[] rows = evenlySpread(n, MAX_ROWS);
        StarNetTrainer.StepSystem s = trainer.newestSystemOf(rows);
        if (s == null) {
            throw new IllegalStateException("the newest step's latents are not where this session can read them (a finished run out of core or on Spark "
                    + "keeps none); inspect its steps while it trains, in the window");
        }
        boolean sampled = rows.length < n;
        SystemInspection in = inspect(trainer, s, act, sampled, cancel);
        if (!sampled || s.step().phase() == Phase.SL) return in; // SL's system is V's, its residual measured on these rows in memory too
        return new SystemInspection(in.step(), in.equations(), in.unknowns(), in.rightHandSides(), in.knownMatrix(), in.singularValues(), in.rank(),
                in.condition(), in.ridgeShift(), in.conditionWithRidge(), in.residualNorm(), in.relativeResidual(), in.orthogonality(),
                in.exactLeastSquares(), in.rowsChecked(), in.alerts(), n);
    }

    /** {@code sampled}: the system holds some of the step's datapoints, so SW's solution is not its least-squares solution. */
    private static SystemInspection inspect(StarNetTrainer trainer, StarNetTrainer.StepSystem s, LeakyRelu act, boolean sampled, Cancellation cancel) {
        LinearAlgebra la = trainer.linearAlgebra();
        TrainingConfig c = trainer.config();
        double ridge = c.solver() == SolverKind.CHOLESKY ? c.ridge() : 0;
        if (s.step().phase() == Phase.SL) {
            if (s.layer() instanceof ConvUnpoolLayer conv && !conv.denseFits()) {
                throw new IllegalStateException("this convolutional layer's operator is too large to build; its SL runs matrix-free");
            }
            return latents(s, s.layer().affine(), act, la, ridge, cancel);
        }
        boolean exact = c.swSample() == 0 || c.swSample() >= s.targets().rows();
        exact &= c.swPartitions() == 1 && !sampled;
        if (s.layer() instanceof ConvUnpoolLayer conv) return kernels(s, conv, act, la, c, ridge, exact, cancel);
        return weights(s, (DenseLayer) s.layer(), act, la, ridge, exact, cancel);
    }

    /** SL: per datapoint, V h = a⁻¹(t) − b with the weights V (d_out × d_in) known. */
    static SystemInspection latents(StarNetTrainer.StepSystem s, DenseLayer layer, LeakyRelu act, LinearAlgebra la, double ridge, Cancellation cancel) {
        Matrix v = layer.weights();
        int dout = v.rows(), din = v.cols(), n = s.targets().rows();
        Matrix gram = new Matrix(din, din);
        la.gramAccumulate(1.0, v, 0.0, gram);
        int[] rows = evenlySpread(n, MAX_ROWS);
        double rr = 0, pp = 0, rv = 0;
        for (int from = 0; from < rows.length; from += CHUNK) {
            cancel.check();
            int[] part = java.util.Arrays.copyOfRange(rows, from, Math.min(rows.length, from + CHUNK));
            Matrix p = preActivation(s.targets().selectRows(part), act);
            Matrix r = p.copy();
            la.gemm(false, true, -1.0, s.latents().selectRows(part), v, 1.0, r);
            subtractBias(r, layer.bias());
            Matrix rvm = la.multiply(false, false, r, v);
            rr += r.sumOfSquares();
            pp += p.sumOfSquares();
            rv += rvm.sumOfSquares();
        }
        return build(s, dout, din, n, "the layer's weights V, " + dout + " × " + din, gram, ridge, rr, pp, rv, true, rows.length);
    }

    /** SW: min ‖[H 1] Xᵀ − a⁻¹(T)‖ over the weights X = [V | b] (d_out × (d_in + 1)), the latents known. */
    static SystemInspection weights(StarNetTrainer.StepSystem s, DenseLayer layer, LeakyRelu act, LinearAlgebra la, double ridge, boolean exact,
                                    Cancellation cancel) {
        Matrix h = s.latents(), t = s.targets();
        int n = h.rows(), din = h.cols(), dout = t.cols();
        Matrix x = layer.augmentedWeights(); // d_out × (d_in+1)
        Matrix gram = new Matrix(din + 1, din + 1), atr = new Matrix(din + 1, dout);
        double rr = 0, pp = 0;
        for (int from = 0; from < n; from += CHUNK) {
            cancel.check();
            int to = Math.min(n, from + CHUNK);
            Matrix a = withOnes(h.rowRange(from, to));
            Matrix p = preActivation(t.rowRange(from, to), act);
            Matrix r = p.copy();
            la.gemm(false, true, -1.0, a, x, 1.0, r);
            la.gramAccumulate(1.0, a, 1.0, gram);
            la.gemm(true, false, 1.0, a, r, 1.0, atr);
            rr += r.sumOfSquares();
            pp += p.sumOfSquares();
        }
        return build(s, n, din + 1, dout, "the latents with a column of ones [H 1], " + n + " × " + (din + 1), gram, ridge, rr, pp, atr.sumOfSquares(), exact, n);
    }

    /**
     * Conv SW: the shared kernels and biases X ((p+1) × nk) from the patch normal equations G = AᵀA, B = AᵀP, where A
     * holds one row per (datapoint, position): its patch with a one. Aᵀ R = B − G X, and ‖R‖² = ‖P‖² − 2⟨X, B⟩ + ⟨X, G X⟩,
     * all without forming A.
     */
    static SystemInspection kernels(StarNetTrainer.StepSystem s, ConvUnpoolLayer conv, LeakyRelu act, LinearAlgebra la, starnet.model.TrainingConfig c,
                                    double ridge, boolean exact, Cancellation cancel) {
        starnet.model.ConvShape shape = conv.shape();
        Matrix[] eq = new starnet.training.ConvWeightSolver(la, act, c.solver().create(ridge, la)).normalEquations(shape, s.latents(), s.targets(), cancel);
        Matrix g = eq[0], b = eq[1];
        Matrix x = conv.augmentedKernels().transpose(); // (p+1) × nk
        Matrix gx = la.multiply(false, false, g, x);
        double pp = 0;
        for (int from = 0; from < s.targets().rows(); from += CHUNK) {
            cancel.check();
            pp += preActivation(s.targets().rowRange(from, Math.min(s.targets().rows(), from + CHUNK)), act).sumOfSquares();
        }
        double xb = 0, xgx = 0, atr = 0;
        for (int i = 0; i < x.data().length; i++) {
            xb += x.data()[i] * b.data()[i];
            xgx += x.data()[i] * gx.data()[i];
            double r = b.data()[i] - gx.data()[i];
            atr += r * r;
        }
        double rr = Math.max(0, pp - 2 * xb + xgx);
        long rows = (long) s.latents().rows() * shape.positions();
        return build(s, (int) Math.min(Integer.MAX_VALUE, rows), shape.patchSize() + 1, shape.kernels(),
                "the patches of the latents with a column of ones, " + rows + " × " + (shape.patchSize() + 1) + " (one row per datapoint and position)",
                g, ridge, rr, pp, atr, exact, s.latents().rows());
    }

    private static SystemInspection build(StarNetTrainer.StepSystem s, int equations, int unknowns, int rhs, String known, Matrix gram, double ridge,
                                          double rr, double pp, double atr, boolean exact, int rowsChecked) {
        double[] lambda = Spectrum.decompose(gram).values();
        double[] sigma = new double[lambda.length];
        for (int i = 0; i < lambda.length; i++) sigma[i] = Math.sqrt(lambda[i]);
        double trace = 0;
        for (int i = 0; i < gram.rows(); i++) trace += gram.get(i, i);
        double shift = gram.rows() == 0 ? 0 : ridge * trace / gram.rows();
        double s1 = sigma.length == 0 ? 0 : sigma[0], sn = sigma.length == 0 ? 0 : sigma[sigma.length - 1];
        double threshold = s1 * Math.sqrt(Math.max(equations, unknowns) * Math.ulp(1.0));
        int rank = 0;
        for (double v : sigma) if (v > threshold) rank++;
        double cond = sn > 0 ? s1 / sn : Double.POSITIVE_INFINITY;
        double condRidge = sn > 0 || shift > 0 ? Math.sqrt((s1 * s1 + shift) / (sn * sn + shift)) : Double.POSITIVE_INFINITY;
        double rNorm = Math.sqrt(rr);
        double orth = rNorm == 0 || s1 == 0 ? 0 : Math.sqrt(atr) / (s1 * rNorm);
        List<String> alerts = alerts(s, unknowns, rank, cond, orth, exact);
        return new SystemInspection(s.step(), equations, unknowns, rhs, known, sigma, rank, cond, shift, condRidge, rNorm,
                pp == 0 ? 0 : rNorm / Math.sqrt(pp), orth, exact, rowsChecked, alerts, 0);
    }

    private static List<String> alerts(StarNetTrainer.StepSystem s, int unknowns, int rank, double cond, double orth, boolean exact) {
        List<String> out = new ArrayList<>();
        boolean sl = s.step().phase() == Phase.SL;
        String what = sl ? "Raise the ridge (e.g. 1e-6), give layer " + s.step().layer() + " fewer inputs than outputs, or a larger slope so fewer values sit on the flat side"
                : "Use more datapoints per SW (a larger SW sample, or all), raise the ridge (e.g. 1e-6), or give layer " + s.step().layer() + " fewer inputs";
        if (rank < unknowns) {
            out.add(String.format("Rank-deficient: %d of %d directions carry no information, so the solution is not unique. %s.", unknowns - rank, unknowns, what));
        } else if (cond > SystemInspection.NEAR_SINGULAR) {
            out.add(String.format("Near-singular: condition %s (its Gram matrix %s) — small changes in the %s move the solution a lot. %s.",
                    SystemInspection.sci(cond), SystemInspection.sci(cond * cond), sl ? "targets" : "latents", what));
        }
        if (s.step().method().contains("fallback")) out.add("Cholesky gave up on this system and the SVD solved it instead (" + s.step().method() + "). " + what + ".");
        if (exact && orth > 1e-6) out.add(String.format("The residual is not orthogonal to the columns (%.1e): the solve lost accuracy. %s.", orth, what));
        return out;
    }

    /** At most {@code max} row indices of 0..n−1, evenly spread, ascending. */
    static int[] evenlySpread(int n, int max) {
        int m = Math.min(n, max);
        int[] rows = new int[m];
        for (int i = 0; i < m; i++) rows[i] = (int) ((long) i * n / m);
        return rows;
    }

    private static Matrix preActivation(Matrix t, LeakyRelu act) {
        Matrix p = t.copy();
        act.inverseInPlace(p.data());
        return p;
    }

    private static void subtractBias(Matrix r, double[] b) {
        double[] d = r.data();
        int c = r.cols();
        for (int i = 0; i < r.rows(); i++) for (int j = 0; j < c; j++) d[i * c + j] -= b[j];
    }

    private static Matrix withOnes(Matrix h) {
        int n = h.rows(), d = h.cols();
        Matrix a = new Matrix(n, d + 1);
        for (int i = 0; i < n; i++) {
            System.arraycopy(h.data(), i * d, a.data(), i * (d + 1), d);
            a.data()[i * (d + 1) + d] = 1;
        }
        return a;
    }
}
