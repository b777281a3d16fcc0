package starnet.training;

import org.junit.jupiter.api.Test;
import starnet.data.Datasets;
import starnet.math.Backends;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.math.PixelBytes;
import starnet.model.ArchitectureConfig;
import starnet.model.Dataset;
import starnet.model.Decoder;
import starnet.model.Presets;
import starnet.model.SolveOrder;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The in-memory engine over 8-bit images held as bytes (widened a block of rows at a time) against the same engine over
 * the same images as doubles: the same schedule and, to rounding, the same numbers.
 */
class BytesEngineTest {
    private static final LinearAlgebra LA = Backends.create("auto", 2);
    /** 3,000 digits: 2.35 M values, so every pass over the images goes in two blocks. */
    private static final Dataset DIGITS = Datasets.load("sample:mnist", starnet.model.Split.TRAIN, 3000);

    /** The digits' pixels as the bytes they were read from (every value is b / 255 exactly). */
    static PixelBytes bytes(Matrix images) {
        byte[] b = new byte[images.data().length];
        for (int i = 0; i < b.length; i++) {
            long v = Math.round(images.data()[i] * 255);
            assertEquals(v / 255.0, images.data()[i], 0.0);
            b[i] = (byte) v;
        }
        return new PixelBytes(images.rows(), images.cols(), b);
    }

    private static StarNetTrainer trainer(StarNetConfig c, boolean asBytes, int n) {
        LayerPasses passes = Engines.passes(c, LA);
        Decoder initial = StarNetTrainer.initialDecoder(c, 1, 28, 28);
        Matrix images = DIGITS.images();
        MemoryEngine engine = asBytes ? new MemoryEngine(passes, bytes(images).firstRows(n), () -> images.rowRange(0, n), StarNetTrainer.inputWidths(initial))
                : new MemoryEngine(passes, images.rowRange(0, n), StarNetTrainer.inputWidths(initial));
        return new StarNetTrainer(passes, c.training(), engine, initial);
    }

    private static void sameRun(StarNetConfig c, int n, double tolerance) {
        StarNetTrainer doubles = trainer(c, false, n), bytes = trainer(c, true, n);
        List<StepResult> expected = doubles.trainAll(Cancellation.NEVER), got = bytes.trainAll(Cancellation.NEVER);
        assertEquals(expected.size(), got.size(), "the same schedule");
        for (int i = 0; i < expected.size(); i++) {
            StepResult e = expected.get(i), a = got.get(i);
            assertEquals(e.phase(), a.phase());
            assertEquals(e.mse(), a.mse(), tolerance * e.mse(), "step " + i + " mse");
            assertEquals(e.mae(), a.mae(), tolerance * e.mae(), "step " + i + " mae");
            assertEquals(e.outputMse(), a.outputMse(), tolerance * e.outputMse(), "step " + i + " output mse");
            double[] re = e.residuals(), ra = a.residuals();
            for (int r = 0; r < re.length; r++) assertEquals(re[r], ra[r], tolerance * Math.max(re[r], 1e-3), "step " + i + " residual " + r);
        }
        double codes = starnet.Reference.relativeError(bytes.codes(), doubles.codes());
        assertTrue(codes < tolerance, "codes differ by " + codes);
        for (int l = 0; l < doubles.decoder().depth(); l++) {
            double w = starnet.Reference.relativeError(bytes.decoder().layers().get(l).affine().augmentedWeights(),
                    doubles.decoder().layers().get(l).affine().augmentedWeights());
            assertTrue(w < tolerance, "layer " + (l + 1) + " weights differ by " + w);
        }
    }

    @Test
    void bytesTrainTheSameFeedforwardModelAsDoubles() {
        StarNetConfig c = StarNetConfig.defaults();
        c = c.withArchitecture(c.architecture().withWidths(ArchitectureConfig.parseWidths("16,48")))
                .withTraining(c.training().withMaxEpochs(3).withTolerance(0));
        sameRun(c, 3000, 1e-12);
    }

    @Test
    void bytesTrainTheSameWhenWeightsComeFirstOnPartitionsAndFewerRows() {
        StarNetConfig c = StarNetConfig.defaults();
        // SW first from the seeded start, weights averaged over row partitions, the first 2,900 images of the 3,000
        c = c.withArchitecture(c.architecture().withWidths(ArchitectureConfig.parseWidths("12,40")))
                .withTraining(c.training().withMaxEpochs(2).withTolerance(0).withOrder(SolveOrder.SW_FIRST).withSwSampling(0, 3));
        sameRun(c, 2900, 1e-12);
    }

    @Test
    void bytesTrainTheSameConvolutionalModelAsDoubles() {
        StarNetConfig c = StarNetConfig.defaults().withArchitecture(Presets.find("mnist-conv").architecture());
        c = c.withTraining(c.training().withMaxEpochs(1).withTolerance(0));
        sameRun(c, 3000, 1e-9); // 3,000 × 784 values: two blocks
    }

    @Test
    void latentsLentToAnImageAreNotWrittenUntilReleased() {
        StarNetConfig c = StarNetConfig.defaults();
        c = c.withArchitecture(c.architecture().withWidths(ArchitectureConfig.parseWidths("8,24")))
                .withTraining(c.training().withMaxEpochs(6).withTolerance(0));
        StarNetTrainer t = trainer(c, true, 600);
        TrainingEngine engine = t.engine();
        t.stepLatents(Cancellation.NEVER);
        t.stepLatents(Cancellation.NEVER); // two buffers in turn now
        Matrix lent = engine.currentLatents();
        double[] before = lent.data().clone();
        Runnable release = engine.inMemory().hold(lent);
        for (int i = 0; i < 3; i++) t.stepLatents(Cancellation.NEVER);
        assertArrayEquals(before, lent.data(), "the lent latents are not written while held");
        assertNotSame(lent, engine.currentLatents());
        release.run();
        release.run(); // twice is once
        t.stepLatents(Cancellation.NEVER);
        Matrix x = engine.currentLatents();
        t.stepLatents(Cancellation.NEVER);
        Matrix y = engine.currentLatents();
        t.stepLatents(Cancellation.NEVER);
        assertNotSame(x, y);
        assertSame(x, engine.currentLatents(), "released, two buffers take turns again: no new one per step");
        assertSame(engine.inMemory(), engine);
    }
}
