package starnet.training;

import starnet.model.StepResult;

import org.junit.jupiter.api.Test;
import starnet.Reference;
import starnet.math.Backends;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.SolverKind;
import starnet.model.ArchitectureConfig;
import starnet.model.ConvOperator;
import starnet.model.ConvOps;
import starnet.model.ConvShape;
import starnet.model.ConvUnpoolLayer;
import starnet.model.DataSpec;
import starnet.model.InitKind;
import starnet.model.LeakyRelu;
import starnet.model.Padding;
import starnet.model.StarNetConfig;
import starnet.model.TrainingConfig;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Conv-unpool layers: operator identities, exact recovery, and the SW/SL paths against each other. */
class ConvTest {
    private static final LinearAlgebra LA = Backends.create("auto", 2);
    private static final LeakyRelu ACT = new LeakyRelu(0.5);

    private static ConvUnpoolLayer layer(ConvShape s, long seed) {
        var plans = List.of(new starnet.model.LayerPlan(0, s.inputWidth(), s.outputWidth(), s));
        return (ConvUnpoolLayer) Initializer.decoder(plans, ACT, InitKind.GAUSSIAN, seed).layers().get(0);
    }

    private static final ConvShape SAME = new ConvShape(3, 5, 4, 2, 3, 2, Padding.SAME);
    private static final ConvShape FULL = new ConvShape(2, 4, 4, 3, 3, 2, Padding.FULL);

    @Test
    void im2colConvolutionEqualsTheDirectLoopAndTheExplicitOperator() {
        for (ConvShape s : List.of(SAME, FULL, new ConvShape(1, 6, 6, 1, 5, 1, Padding.SAME))) {
            ConvUnpoolLayer l = layer(s, 1);
            Matrix z = Reference.gaussian(3, s.inputWidth(), 2);
            Matrix viaIm2col = new ConvOperator(LA, l).apply(z);
            Matrix viaA = l.affine().preActivation(LA, z);
            double[] b = new ConvOperator(LA, l).outputBias();
            for (int n = 0; n < 3; n++) {
                double[] direct = ConvOps.directPreActivation(l, z.row(n));
                for (int j = 0; j < direct.length; j++) {
                    assertEquals(direct[j], viaIm2col.get(n, j) + b[j], 1e-12, s.describe());
                    assertEquals(direct[j], viaA.get(n, j), 1e-12, s.describe());
                }
            }
        }
    }

    @Test
    void theAdjointIdentityHolds() {
        for (ConvShape s : List.of(SAME, FULL)) {
            ConvOperator op = new ConvOperator(LA, layer(s, 3));
            Matrix x = Reference.gaussian(4, s.inputWidth(), 4), y = Reference.gaussian(4, s.outputWidth(), 5);
            Matrix ax = op.apply(x), aty = op.applyTranspose(y);
            for (int n = 0; n < 4; n++) {
                double left = 0, right = 0;
                for (int j = 0; j < s.outputWidth(); j++) left += ax.get(n, j) * y.get(n, j);
                for (int j = 0; j < s.inputWidth(); j++) right += x.get(n, j) * aty.get(n, j);
                assertEquals(left, right, 1e-10 * Math.abs(left) + 1e-12, s.describe());
            }
        }
    }

    @Test
    void depthToSpaceRoundTrips() {
        ConvShape s = FULL;
        Matrix t = Reference.gaussian(3, s.outputWidth(), 6);
        double[] depth = new double[3 * s.positions() * s.kernels()];
        ConvOps.spaceToDepth(s, t.data(), 0, 3, depth);
        double[] back = new double[t.data().length];
        ConvOps.depthToSpace(s, depth, 3, back);
        assertEquals(0.0, new Matrix(3, s.outputWidth(), back).maxAbsDiff(t));
        // every output pixel comes from exactly one (kernel, position)
        boolean[] hit = new boolean[s.outputWidth()];
        for (int q = 0; q < s.kernels(); q++) for (int y = 0; y < s.gridH(); y++) for (int x = 0; x < s.gridW(); x++) hit[s.outIndex(q, y, x)] = true;
        for (boolean h : hit) assertTrue(h);
    }

    @Test
    void latentsAndKernelsAreRecoveredExactly() {
        for (ConvShape s : List.of(SAME, FULL)) {
            ConvUnpoolLayer truth = layer(s, 7);
            Matrix z = Reference.gaussian(150, s.inputWidth(), 8);
            Matrix x = truth.affine().forward(LA, z, ACT);
            LayerSystem sys = new LayerSystem(LA, ACT, SolverKind.CHOLESKY.create(1e-13, LA));
            Matrix solved = sys.solveAllLatents(truth.affine(), sys.latentOperator(truth.affine()).x(), x, Cancellation.NEVER);
            assertTrue(Reference.relativeError(solved, z) < 1e-8, s.describe());
            var sw = new ConvWeightSolver(LA, ACT, SolverKind.CHOLESKY.create(1e-13, LA)).solve(s, z, x, Cancellation.NEVER);
            ConvUnpoolLayer got = (ConvUnpoolLayer) sw.layer();
            assertTrue(Reference.relativeError(got.augmentedKernels(), truth.augmentedKernels()) < 1e-8, s.describe());
            Matrix cg = new ConvLatentSolver(LA, ACT, 500).solve(truth, x, Cancellation.NEVER);
            assertTrue(Reference.relativeError(cg, z) < 1e-7, "matrix-free " + s.describe() + " " + Reference.relativeError(cg, z));
        }
    }

    @Test
    void denseAndMatrixFreeLatentsAgreeOnNoisyData() {
        ConvShape s = SAME;
        ConvUnpoolLayer l = layer(s, 9);
        Matrix x = Reference.gaussian(40, s.outputWidth(), 10);
        LayerSystem sys = new LayerSystem(LA, ACT, SolverKind.PINV.create(0, LA)).measuring(MeasurePrecision.DOUBLE); // the two routes compared in float64
        Matrix dense = sys.solveAllLatents(l.affine(), sys.latentOperator(l.affine()).x(), x, Cancellation.NEVER);
        Matrix cg = new ConvLatentSolver(LA, ACT, 1000).solve(l, x, Cancellation.NEVER);
        assertTrue(Reference.relativeError(cg, dense) < 1e-7, "rel " + Reference.relativeError(cg, dense));
        LayerFit a = sys.evaluate(l.affine(), dense, x, Cancellation.NEVER), b = new ConvLatentSolver(LA, ACT, 10).evaluate(l, dense, x, Cancellation.NEVER);
        assertEquals(a.mse(), b.mse(), 1e-12 * a.mse());
        assertEquals(a.residuals()[5], b.residuals()[5], 1e-12);
    }

    @Test
    void theLatentGramRouteGivesTheSameWeightsAsIm2col() {
        for (ConvShape s : new ConvShape[] {SAME, FULL, new ConvShape(1, 6, 6, 1, 5, 1, Padding.SAME), new ConvShape(2, 3, 5, 2, 3, 3, Padding.FULL)}) {
            Matrix z = Reference.gaussian(120, s.inputWidth(), 21);
            Matrix x = Reference.gaussian(120, s.outputWidth(), 22);
            var solver = SolverKind.CHOLESKY.create(0, LA);
            ConvWeightSolver viaGram = new ConvWeightSolver(LA, ACT, solver, 5 * (s.inputWidth() + s.kernels() * s.positions()));
            viaGram.forceLatentGram = true; // small chunks: the sums run over several
            ConvWeightSolver viaCols = new ConvWeightSolver(LA, ACT, solver);
            viaCols.forceLatentGram = false;
            ConvUnpoolLayer a = (ConvUnpoolLayer) viaGram.solve(s, z, x, Cancellation.NEVER).layer();
            ConvUnpoolLayer b = (ConvUnpoolLayer) viaCols.solve(s, z, x, Cancellation.NEVER).layer();
            double rel = Reference.relativeError(a.augmentedKernels(), b.augmentedKernels());
            assertTrue(rel < 1e-10, s + ": relative difference " + rel);
        }
        // the MNIST conv preset's layers take the cheaper route
        ConvWeightSolver auto = new ConvWeightSolver(LA, ACT, SolverKind.CHOLESKY.create(0, LA));
        assertTrue(auto.latentGramIsCheaper(new ConvShape(2, 14, 14, 1, 7, 2, Padding.SAME)));
        assertTrue(auto.latentGramIsCheaper(new ConvShape(6, 7, 7, 2, 7, 2, Padding.SAME)));
    }

    @Test
    void chunkedWeightSolveEqualsOneBigSolve() {
        ConvShape s = FULL;
        Matrix z = Reference.gaussian(300, s.inputWidth(), 12);
        Matrix x = Reference.gaussian(300, s.outputWidth(), 13);
        var solver = SolverKind.CHOLESKY.create(0, LA);
        int perItem = s.positions() * (s.patchSize() + 1 + s.kernels());
        ConvUnpoolLayer chunked = (ConvUnpoolLayer) new ConvWeightSolver(LA, ACT, solver, 7 * perItem).solve(s, z, x, Cancellation.NEVER).layer();
        // one big solve: the explicit least-squares system over all (datapoint, position) rows at once
        int rows = 300 * s.positions(), p = s.patchSize();
        Matrix a = new Matrix(rows, p + 1);
        double[] cols = new double[rows * (p + 1)];
        ConvOps.im2col(s, z.data(), 0, 300, cols, p + 1);
        for (int i = 0; i < rows; i++) cols[i * (p + 1) + p] = 1;
        System.arraycopy(cols, 0, a.data(), 0, cols.length);
        double[] t = new double[rows * s.kernels()];
        ConvOps.spaceToDepth(s, x.data(), 0, 300, t);
        for (int i = 0; i < t.length; i++) t[i] = ACT.inverse(t[i]);
        Matrix big = solver.solve(LA.multiply(true, false, a, a), LA.multiply(true, false, a, new Matrix(rows, s.kernels(), t))).x();
        assertTrue(Reference.relativeError(chunked.augmentedKernels(), big.transpose()) < 1e-10);
    }

    private static StarNetConfig convConfig(TrainingConfig t) {
        return new StarNetConfig(1, DataSpec.defaults(), ArchitectureConfig.conv(List.of(3, 2), List.of(3), List.of(2), Padding.SAME, 0.5), t);
    }

    @Test
    void samplingAllDatapointsEqualsTheExactSolveAndPartitionsAverage() {
        Matrix data = starnet.data.Datasets.load("sample:mnist", starnet.model.Split.TRAIN, 400).images();
        TrainingConfig base = TrainingConfig.defaults().withMaxEpochs(1).withTolerance(0);
        StarNetTrainer exact = StarNetTrainer.create(convConfig(base), data, 1, 28, 28, LA);
        StarNetTrainer sampled = StarNetTrainer.create(convConfig(base.withSwSampling(400, 1)), data, 1, 28, 28, LA);
        exact.stepLatents(Cancellation.NEVER);
        sampled.stepLatents(Cancellation.NEVER);
        StepResult e = exact.stepWeights(Cancellation.NEVER), s = sampled.stepWeights(Cancellation.NEVER);
        assertEquals(e.mse(), s.mse(), 1e-12 * e.mse());
        StarNetTrainer parts = StarNetTrainer.create(convConfig(base.withSwSampling(0, 4)), data, 1, 28, 28, LA);
        parts.stepLatents(Cancellation.NEVER);
        StepResult p = parts.stepWeights(Cancellation.NEVER);
        assertTrue(p.method().contains("averaged over 4 partitions"), p.method());
        assertTrue(p.mse() != e.mse(), "partitions give another solution");
        assertTrue(Math.abs(p.mse() - e.mse()) < 0.2 * e.mse(), "averaging four partitions stays close: " + p.mse() + " vs " + e.mse());
    }

    @Test
    void matrixFreeTrainingMatchesTheDensePath() {
        Matrix data = starnet.data.Datasets.load("sample:mnist", starnet.model.Split.TRAIN, 200).images();
        TrainingConfig base = TrainingConfig.defaults().withMaxEpochs(1).withTolerance(0);
        List<StepResult> dense = StarNetTrainer.create(convConfig(base.withLatentPath(starnet.model.LatentPath.DENSE)), data, 1, 28, 28, LA).trainAll(Cancellation.NEVER);
        List<StepResult> cg = StarNetTrainer.create(convConfig(base.withLatentPath(starnet.model.LatentPath.CG)), data, 1, 28, 28, LA).trainAll(Cancellation.NEVER);
        assertEquals(dense.size(), cg.size());
        for (int i = 0; i < dense.size(); i++) {
            assertEquals(dense.get(i).mse(), cg.get(i).mse(), 1e-6 * dense.get(i).mse(), "step " + i);
            assertEquals(dense.get(i).outputMse(), cg.get(i).outputMse(), 1e-6 * dense.get(i).outputMse(), "step " + i);
        }
        assertTrue(cg.get(0).method().contains("matrix-free"));
    }

    @Test
    void aLayerTooLargeForItsExplicitOperatorTrainsMatrixFree() {
        // 3×48×48 → 3×96×96: an operator of 27,648 × 6,912 = 191 M entries, above the 50 M limit
        StarNetConfig c = new StarNetConfig(1, DataSpec.defaults(), ArchitectureConfig.conv(List.of(2, 3), List.of(3), List.of(2), Padding.SAME, 0.5),
                TrainingConfig.defaults().withMaxEpochs(1).withTolerance(0));
        Matrix data = Reference.gaussian(12, 3 * 96 * 96, 21);
        for (int i = 0; i < data.data().length; i++) data.data()[i] = Math.abs(data.data()[i]) % 1.0;
        StarNetTrainer t = StarNetTrainer.create(c, data, 3, 96, 96, LA);
        assertTrue(!((ConvUnpoolLayer) t.decoder().layers().get(1)).denseFits() && ((ConvUnpoolLayer) t.decoder().layers().get(0)).denseFits());
        List<StepResult> steps = t.trainAll(Cancellation.NEVER);
        assertEquals(4, steps.size());
        assertTrue(steps.get(0).method().contains("matrix-free"), steps.get(0).method());
        for (StepResult r : steps) assertTrue(Double.isFinite(r.outputMse()) && r.outputMse() > 0, r.summary());
        double direct = LayerSystem.mse(t.decoder().decodeFrom(LA, 0, t.codes()), data);
        assertEquals(direct, steps.get(3).outputMse(), 1e-9 * direct, "the fused decode through the large layer matches a direct decode");
    }

    @Test
    void sizesThatDoNotDivideAreNamed() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> ArchitectureConfig.conv(List.of(6, 2), List.of(7), List.of(3), Padding.SAME, 0.5).plan(1, 28, 28));
        assertTrue(e.getMessage().contains("28×28 is not divisible by the unpool size 3"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> ArchitectureConfig.conv(List.of(6, 2), List.of(9), List.of(2), Padding.FULL, 0.5).plan(1, 28, 28));
        assertTrue(e.getMessage().contains("leaves no latent grid"), e.getMessage());
    }
}
