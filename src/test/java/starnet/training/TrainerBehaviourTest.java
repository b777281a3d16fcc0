package starnet.training;

import starnet.model.StepResult;

import starnet.model.Phase;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import starnet.model.Dataset;
import starnet.data.Datasets;
import starnet.math.Backends;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.ArchitectureConfig;
import starnet.model.DataSpec;
import starnet.model.SolveOrder;
import starnet.model.StarNetConfig;
import starnet.model.TrainingConfig;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainerBehaviourTest {
    private static final LinearAlgebra LA = Backends.create("auto", 2);
    private static final Dataset MNIST = Datasets.load("sample:mnist", starnet.model.Split.TRAIN, 2000);

    private static StarNetConfig config(List<Integer> widths, double slope, TrainingConfig t) {
        return new StarNetConfig(1, DataSpec.defaults(), new ArchitectureConfig(widths, slope), t);
    }

    @Test
    void aLinearLayerReachesThePcaOptimumOfTheSameRank() {
        int rank = 24;
        StarNetConfig c = config(List.of(rank), 1.0, TrainingConfig.defaults().withMaxEpochs(40).withTolerance(0));
        StarNetTrainer t = StarNetTrainer.create(c, MNIST.images(), LA);
        List<StepResult> steps = t.trainAll(Cancellation.NEVER);
        double mse = steps.get(steps.size() - 1).mse();
        double pca = affinePcaMse(MNIST.images(), rank);
        assertTrue(mse >= pca * (1 - 1e-9), "cannot beat Eckart–Young: " + mse + " < " + pca);
        assertTrue(mse <= pca * 1.01, "StarNet " + mse + " vs PCA optimum " + pca);
    }

    /** Eckart–Young: the best affine rank-d fit leaves the tail singular values of the centred data. */
    static double affinePcaMse(Matrix x, int rank) {
        int n = x.rows(), d = x.cols();
        DMatrixRMaj c = new DMatrixRMaj(n, d);
        for (int j = 0; j < d; j++) {
            double mean = 0;
            for (int i = 0; i < n; i++) mean += x.get(i, j);
            mean /= n;
            for (int i = 0; i < n; i++) c.set(i, j, x.get(i, j) - mean);
        }
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, d, false, false, true);
        assertTrue(svd.decompose(c));
        double[] s = svd.getSingularValues().clone();
        java.util.Arrays.sort(s);
        double tail = 0;
        for (int i = 0; i < s.length - rank; i++) tail += s[i] * s[i];
        return tail / ((double) n * d);
    }

    @Test
    void theSameSeedGivesTheSameRunBitForBit() {
        StarNetConfig c = config(List.of(16, 64), 0.5, TrainingConfig.defaults().withMaxEpochs(2).withSeed(7));
        Matrix data = MNIST.images().rowRange(0, 500);
        List<StepResult> a = StarNetTrainer.create(c, data, LA).trainAll(Cancellation.NEVER);
        List<StepResult> b = StarNetTrainer.create(c, data, LA).trainAll(Cancellation.NEVER);
        assertEquals(a.size(), b.size());
        for (int i = 0; i < a.size(); i++) assertEquals(a.get(i).mse(), b.get(i).mse(), 0.0);
        List<StepResult> other = StarNetTrainer.create(c.withTraining(c.training().withSeed(8)), data, LA).trainAll(Cancellation.NEVER);
        assertTrue(other.get(0).mse() != a.get(0).mse());
    }

    @Test
    void stepGranularitiesFollowTheSchedule() {
        StarNetConfig c = config(List.of(16, 64), 0.5, TrainingConfig.defaults().withMaxEpochs(2).withTolerance(0));
        StarNetTrainer t = StarNetTrainer.create(c, MNIST.images().rowRange(0, 300), LA);
        assertEquals(Phase.SL, t.nextPhase());
        StepResult sl = t.stepLatents(Cancellation.NEVER);
        assertEquals(2, sl.layer());
        assertEquals(1, sl.epoch());
        assertEquals(Phase.SW, t.nextPhase());
        StepResult sw = t.stepWeights(Cancellation.NEVER);
        assertTrue(sw.mse() <= sl.mse(), "SW cannot increase the loss it minimises");
        assertEquals(1, t.epochsDone());
        List<StepResult> epoch = t.stepEpoch(Cancellation.NEVER);
        assertEquals(2, epoch.size());
        assertTrue(epoch.get(1).layerDone());
        assertEquals(1, t.currentLayer());
        List<StepResult> layer = t.trainLayer(Cancellation.NEVER);
        assertEquals(4, layer.size());
        assertTrue(t.isFinished());
        assertEquals(16, t.codes().cols());
        assertThrows(IllegalStateException.class, () -> t.stepLatents(Cancellation.NEVER));
    }

    @Test
    void lossNeverIncreasesWithinALayer() {
        StarNetConfig c = config(List.of(32, 128), 0.5, TrainingConfig.defaults().withMaxEpochs(4).withTolerance(0));
        List<StepResult> steps = StarNetTrainer.create(c, MNIST.images().rowRange(0, 1000), LA).trainAll(Cancellation.NEVER);
        for (int i = 1; i < steps.size(); i++) {
            if (steps.get(i).layer() == steps.get(i - 1).layer() && steps.get(i).phase() == Phase.SW) {
                assertTrue(steps.get(i).mse() <= steps.get(i - 1).mse() * (1 + 1e-9), "step " + i);
            }
        }
    }

    @Test
    void weightsFirstStartsWithSwFromRandomLatents() {
        StarNetConfig c = config(List.of(16, 64), 0.5, TrainingConfig.defaults().withMaxEpochs(2).withTolerance(0).withOrder(SolveOrder.SW_FIRST));
        StarNetTrainer t = StarNetTrainer.create(c, MNIST.images().rowRange(0, 300), LA);
        assertEquals(Phase.SW, t.nextPhase());
        List<StepResult> e = t.stepEpoch(Cancellation.NEVER);
        assertEquals(List.of(Phase.SW, Phase.SL), e.stream().map(StepResult::phase).toList());
        assertEquals(1, t.epochsDone());
    }

    @Test
    void toleranceStopsALayerEarly() {
        StarNetConfig c = config(List.of(16, 64), 0.5, TrainingConfig.defaults().withMaxEpochs(50).withTolerance(0.05));
        StarNetTrainer t = StarNetTrainer.create(c, MNIST.images().rowRange(0, 300), LA);
        List<StepResult> layer = t.trainLayer(Cancellation.NEVER);
        assertTrue(layer.size() < 100, "stopped after " + layer.size() / 2 + " epochs");
        assertEquals(1, t.currentLayer());
    }

    @Test
    void aCancelledStepLeavesTheStateAsBefore() {
        StarNetConfig c = config(List.of(16, 64), 0.5, TrainingConfig.defaults());
        StarNetTrainer t = StarNetTrainer.create(c, MNIST.images(), LA);
        t.stepLatents(Cancellation.NEVER);
        var decoder = t.decoder();
        var latents = t.currentLatents();
        AtomicInteger checks = new AtomicInteger();
        Cancellation later = () -> checks.incrementAndGet() > 1;
        assertThrows(CancelledException.class, () -> t.stepWeights(later));
        assertSame(decoder, t.decoder());
        assertSame(latents, t.currentLatents());
        assertEquals(1, t.log().size());
        assertEquals(Phase.SW, t.nextPhase());
        assertNull(t.codes());
        t.stepWeights(Cancellation.NEVER);
        assertEquals(2, t.log().size());
    }
}
