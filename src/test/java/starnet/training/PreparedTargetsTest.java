package starnet.training;

import org.junit.jupiter.api.Test;
import starnet.Reference;
import starnet.data.Datasets;
import starnet.math.Backends;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.SolverKind;
import starnet.model.Decoder;
import starnet.model.DenseLayer;
import starnet.model.InitKind;
import starnet.model.LeakyRelu;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A layer's a⁻¹(T) kept in native memory for its epochs gives exactly what computing it chunk by chunk gives. */
class PreparedTargetsTest {
    private static final LeakyRelu ACT = new LeakyRelu(0.5);

    @Test
    void preparedTargetsGiveTheSameSolvesBitForBit() {
        LinearAlgebra la = Backends.create("openblas", 2);
        Matrix images = Datasets.load("sample:mnist", starnet.model.Split.TRAIN, 1500).images();
        Decoder d = Initializer.decoder(new int[] {24, 64, 784}, ACT, InitKind.GAUSSIAN, 3);
        DenseLayer top = d.layers().get(1).affine(), low = d.layers().get(0).affine();
        // targets with negative values, so that a⁻¹ is not the identity: latents solved for the last layer
        Matrix latents = new LayerSystem(la, ACT, SolverKind.CHOLESKY.create(1e-10, la)).solveAllLatents(top,
                new LayerSystem(la, ACT, SolverKind.CHOLESKY.create(1e-10, la)).latentOperator(top).x(), images, Cancellation.NEVER);
        for (Matrix targets : new Matrix[] {images, latents}) {
            DenseLayer layer = targets == images ? top : low;
            LayerSystem plain = new LayerSystem(la, ACT, SolverKind.CHOLESKY.create(1e-10, la));
            LayerSystem prepared = new LayerSystem(la, ACT, SolverKind.CHOLESKY.create(1e-10, la));
            prepared.prepareTargets(targets);
            assertTrue(prepared.holdsPrepared(targets), "OpenBLAS blocks can be offset: the copy is kept");
            Matrix op = plain.latentOperator(layer).x();
            LayerSystem.LatentSolve a = plain.solveLatents(layer, op, targets, Cancellation.NEVER), b = prepared.solveLatents(layer, op, targets, Cancellation.NEVER);
            assertArrayEquals(a.latents().data(), b.latents().data());
            assertEquals(a.fit().mse(), b.fit().mse(), 0.0);
            assertArrayEquals(a.fit().residuals(), b.fit().residuals());
            Matrix[] ea = plain.normalEquations(a.latents(), targets, Cancellation.NEVER), eb = prepared.normalEquations(a.latents(), targets, Cancellation.NEVER);
            assertArrayEquals(ea[0].data(), eb[0].data());
            assertArrayEquals(ea[1].data(), eb[1].data());
            assertEquals(plain.evaluate(layer, a.latents(), targets, Cancellation.NEVER).mae(), prepared.evaluate(layer, a.latents(), targets, Cancellation.NEVER).mae(), 0.0);
            // other targets prepared: the first ones are computed chunk by chunk again, with the same result
            prepared.prepareTargets(Reference.gaussian(10, targets.cols(), 1));
            assertFalse(prepared.holdsPrepared(targets));
            assertEquals(a.fit().mse(), prepared.solveLatents(layer, op, targets, Cancellation.NEVER).fit().mse(), 0.0);
            prepared.releaseWorkMemory();
        }
    }
}
