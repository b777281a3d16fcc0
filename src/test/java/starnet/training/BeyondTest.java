package starnet.training;

import org.junit.jupiter.api.Test;
import starnet.data.Datasets;
import starnet.math.Backends;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.SolverKind;
import starnet.model.ArchitectureConfig;
import starnet.model.DataSpec;
import starnet.model.LeakyRelu;
import starnet.model.StarNetConfig;
import starnet.model.TrainingConfig;

import java.util.List;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Generation, out-of-distribution scores and refinement. */
class BeyondTest {
    static final LinearAlgebra LA = Backends.create("auto", 2);

    private static StarNetTrainer trained(int n) {
        StarNetConfig c = new StarNetConfig(1, DataSpec.defaults(), new ArchitectureConfig(List.of(16, 64), 0.5),
                TrainingConfig.defaults().withMaxEpochs(2).withTolerance(0));
        StarNetTrainer t = StarNetTrainer.create(c, Datasets.load("sample:mnist", starnet.model.Split.TRAIN, n).images(), LA);
        t.trainAll(Cancellation.NEVER);
        return t;
    }

    @Test
    void aurocIsOneWhenSeparableAndAboutHalfWhenIdentical() {
        assertEquals(1.0, OutlierScores.auroc(new double[] {0.1, 0.2, 0.3}, new double[] {0.5, 0.9}), 0.0);
        assertEquals(0.0, OutlierScores.auroc(new double[] {5, 6}, new double[] {1, 2}), 0.0);
        assertEquals(0.5, OutlierScores.auroc(new double[] {1, 1}, new double[] {1, 1}), 0.0, "ties count half");
        SplittableRandom r = new SplittableRandom(3);
        double[] a = new double[4000], b = new double[4000];
        for (int i = 0; i < a.length; i++) {
            a[i] = r.nextGaussian();
            b[i] = r.nextGaussian();
        }
        assertEquals(0.5, OutlierScores.auroc(a, b), 0.02);
        double[][] roc = OutlierScores.roc(a, b);
        assertArrayEquals(new double[] {0, 0}, roc[0]);
        assertArrayEquals(new double[] {1, 1}, roc[roc.length - 1]);
    }

    @Test
    void residualScoresSeparateFashionFromDigits() {
        StarNetTrainer t = trained(1500);
        LayerSystem s = new LayerSystem(LA, new LeakyRelu(0.5), SolverKind.CHOLESKY.create(1e-10, LA));
        double[] in = OutlierScores.score(s, t.decoder(), Datasets.load("sample:mnist", starnet.model.Split.TEST, 400).images(), Cancellation.NEVER);
        double[] out = OutlierScores.score(s, t.decoder(), Datasets.load("sample:fashion-mnist", starnet.model.Split.TEST, 400).images(), Cancellation.NEVER);
        assertTrue(OutlierScores.auroc(in, out) > 0.8, "AUROC " + OutlierScores.auroc(in, out)); // this small model: 0.87; the paper model (128,256): 0.996
    }

    @Test
    void interpolationEndsDecodeToTheTwoItemsReconstructions() {
        StarNetTrainer t = trained(600);
        Matrix codes = t.codes();
        Matrix line = CodeSpace.interpolate(codes.row(3), codes.row(9), 7);
        Matrix decoded = t.decoder().decodeFrom(LA, 0, line);
        Matrix recon = t.reconstructAfterLayer(0, new int[] {3, 9});
        assertArrayEquals(recon.row(0), decoded.row(0), 1e-12);
        assertArrayEquals(recon.row(1), decoded.row(6), 1e-12);
        CodeSpace space = CodeSpace.fit(codes);
        Matrix samples = space.sample(4000, 11);
        double[] mean = space.mean();
        for (int j = 0; j < 3; j++) {
            double m = 0;
            for (int i = 0; i < 4000; i++) m += samples.get(i, j) / 4000;
            assertEquals(mean[j], m, 0.1 * Math.sqrt(space.spread(0)) + 0.05);
        }
        assertArrayEquals(mean, space.along(new double[] {0, 0}).row(0), 1e-15);
        assertTrue(space.spread(0) >= space.spread(1));
    }

    @Test
    void refinementNeverIncreasesTheError() {
        StarNetTrainer t = trained(800);
        Refinement r = new Refinement(new LayerSystem(LA, new LeakyRelu(0.5), SolverKind.CHOLESKY.create(1e-10, LA)),
                t.decoder(), t.codes(), Datasets.load("sample:mnist", starnet.model.Split.TRAIN, 800).images());
        double start = r.mse();
        List<Refinement.Step> steps = r.run(2, Cancellation.NEVER, null);
        double prev = start;
        for (Refinement.Step s : steps) {
            assertTrue(s.mseAfter() <= s.mseBefore(), s.toString());
            assertEquals(prev, s.mseBefore(), 1e-15);
            prev = s.mseAfter();
        }
        assertTrue(r.mse() < 0.9 * start, "refinement helps: " + start + " → " + r.mse());
        assertEquals(r.mse(), LayerSystem.mse(r.decoder().decodeFrom(LA, 0, r.codes()), Datasets.load("sample:mnist", starnet.model.Split.TRAIN, 800).images()), 1e-12);
    }
}
