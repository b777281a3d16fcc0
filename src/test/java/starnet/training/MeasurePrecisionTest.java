package starnet.training;

import org.junit.jupiter.api.Test;
import starnet.data.Datasets;
import starnet.math.Backends;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.SolverKind;
import starnet.model.Decoder;
import starnet.model.DenseLayer;
import starnet.model.InitKind;
import starnet.model.LeakyRelu;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Products that only measure a fit may run in float32: on real digits the reported errors stay within 1e-6 relative of
 * float64 ones (the bound), and the solves themselves are untouched.
 */
class MeasurePrecisionTest {
    private static final LeakyRelu ACT = new LeakyRelu(0.5);

    @Test
    void singlePrecisionMeasuresAgreeWithDoubleOnRealDigits() {
        LinearAlgebra la = Backends.create("openblas", 2);
        Matrix images = Datasets.load("sample:mnist", starnet.model.Split.TRAIN, 3000).images();
        Decoder d = Initializer.decoder(new int[] {32, 96, 784}, ACT, InitKind.GAUSSIAN, 7);
        LayerSystem single = new LayerSystem(la, ACT, SolverKind.CHOLESKY.create(1e-10, la)).measuring(MeasurePrecision.SINGLE);
        LayerSystem exact = new LayerSystem(la, ACT, SolverKind.CHOLESKY.create(1e-10, la)).measuring(MeasurePrecision.DOUBLE);

        // the last layer: SL, then SW and its evaluation
        DenseLayer top = d.layers().get(1).affine();
        Matrix op = exact.latentOperator(top).x();
        LayerSystem.LatentSolve s = single.solveLatents(top, op, images, null, null, Cancellation.NEVER);
        LayerSystem.LatentSolve e = exact.solveLatents(top, op, images, null, null, Cancellation.NEVER);
        assertEquals(0, starnet.Reference.relativeError(s.latents(), e.latents()), "the latents are solved in float64 either way");
        close(s.fit(), e.fit());
        DenseLayer fitted = (DenseLayer) exact.solveWeights(e.latents(), images, Cancellation.NEVER).layer();
        close(single.evaluate(fitted, e.latents(), images, Cancellation.NEVER), exact.evaluate(fitted, e.latents(), images, Cancellation.NEVER));

        // a lower layer, decoded through the one above for the output MSE
        Decoder trained = d.withLayer(1, fitted);
        DenseLayer low = trained.layers().get(0).affine();
        LayerSystem.OutputCheck check = new LayerSystem.OutputCheck(trained, 0, images);
        Matrix lowOp = exact.latentOperator(low).x();
        LayerFit sl = single.solveLatents(low, lowOp, e.latents(), check, null, Cancellation.NEVER).fit();
        LayerFit el = exact.solveLatents(low, lowOp, e.latents(), check, null, Cancellation.NEVER).fit();
        close(sl, el);
        assertEquals(el.outputMse(), sl.outputMse(), 1e-6 * el.outputMse());
        assertNotEquals(el.outputMse(), sl.outputMse(), "the output was decoded in float32");
    }

    private static void close(LayerFit single, LayerFit exact) {
        assertEquals(exact.mse(), single.mse(), 1e-6 * exact.mse());
        assertEquals(exact.mae(), single.mae(), 1e-6 * exact.mae());
        double worst = 0;
        for (int i = 0; i < exact.residuals().length; i++) worst = Math.max(worst, Math.abs(single.residuals()[i] / exact.residuals()[i] - 1));
        assertTrue(worst < 1e-5, "each datapoint's residual within 1e-5 relative: " + worst);
        assertTrue(worst > 0, "the single-precision path ran");
    }
}
