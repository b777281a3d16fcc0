package starnet.training;

import org.junit.jupiter.api.Test;
import starnet.Reference;
import starnet.math.EjmlLinearAlgebra;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.SolverKind;
import starnet.model.Decoder;
import starnet.model.InitKind;
import starnet.model.LeakyRelu;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** Data made by a known full-rank decoder: SL must recover its latents and SW its weights. */
class ExactRecoveryTest {
    private final LinearAlgebra la = new EjmlLinearAlgebra(1);
    private final LeakyRelu act = new LeakyRelu(0.5);
    private final Decoder truth = Initializer.decoder(new int[] {6, 12, 20}, act, InitKind.GAUSSIAN, 42);
    private final Matrix codes = Reference.gaussian(200, 6, 43);
    private final Matrix hidden = truth.layers().get(0).affine().forward(la, codes, act);
    private final Matrix images = truth.layers().get(1).affine().forward(la, hidden, act);

    @Test
    void solveLatentsRecoversTheLatentsOfEveryLayer() {
        for (SolverKind kind : SolverKind.values()) {
            LayerSystem s = new LayerSystem(la, act, kind.create(1e-12, la));
            Matrix h1 = s.solveAllLatents(truth.layers().get(1).affine(), s.latentOperator(truth.layers().get(1).affine()).x(), images, Cancellation.NEVER);
            assertTrue(Reference.relativeError(h1, hidden) < 1e-9, kind + " layer 2");
            Matrix h0 = s.solveAllLatents(truth.layers().get(0).affine(), s.latentOperator(truth.layers().get(0).affine()).x(), hidden, Cancellation.NEVER);
            assertTrue(Reference.relativeError(h0, codes) < 1e-9, kind + " layer 1");
        }
    }

    @Test
    void solveWeightsRecoversTheWeights() {
        LayerSystem s = new LayerSystem(la, act, SolverKind.CHOLESKY.create(1e-12, la));
        Matrix w = s.solveWeights(hidden, images, Cancellation.NEVER).layer().affine().augmentedWeights();
        assertTrue(Reference.relativeError(w, truth.layers().get(1).affine().augmentedWeights()) < 1e-8);
        LayerFit fit = s.evaluate(truth.layers().get(1).affine(), hidden, images, Cancellation.NEVER);
        assertTrue(fit.mse() < 1e-25);
        for (double r : fit.residuals()) assertTrue(r < 1e-12);
    }

    @Test
    void inferenceRecoversTheCodesWithZeroResiduals() {
        LayerSystem s = new LayerSystem(la, act, SolverKind.CHOLESKY.create(1e-12, la));
        Inference.Result r = Inference.infer(s, truth, images, Cancellation.NEVER);
        assertTrue(Reference.relativeError(r.codes(), codes) < 1e-9);
        assertTrue(Reference.relativeError(r.reconstruction(), images) < 1e-9);
        for (double[] layer : r.residuals()) for (double v : layer) assertTrue(v < 1e-9);
    }

    @Test
    void residualsRankAnOutlierFirst() {
        Matrix noisy = images.copy();
        for (int j = 0; j < 20; j++) noisy.set(7, j, noisy.get(7, j) + (j % 2 == 0 ? 3 : -3));
        LayerSystem s = new LayerSystem(la, act, SolverKind.CHOLESKY.create(1e-12, la));
        Inference.Result r = Inference.infer(s, truth, noisy, Cancellation.NEVER);
        double[] last = r.residuals()[1];
        int worst = 0;
        for (int i = 1; i < last.length; i++) if (last[i] > last[worst]) worst = i;
        assertTrue(worst == 7, "worst residual at " + worst);
    }
}
