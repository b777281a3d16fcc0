package starnet.training;

import starnet.model.StepResult;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import starnet.Reference;
import starnet.io.Json;
import starnet.math.Backends;
import starnet.math.Matrix;
import starnet.model.SolverKind;
import starnet.model.Decoder;
import starnet.model.DenseLayer;
import starnet.model.LeakyRelu;
import starnet.model.TrainingConfig;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trainer against an independent NumPy run (np.linalg.lstsq at every step), see make_reference.py. */
class TrainerReferenceTest {

    @ParameterizedTest
    @EnumSource(SolverKind.class)
    void everyStepMatchesTheNumpyRun(SolverKind solver) throws Exception {
        LeakyRelu act = new LeakyRelu(0.5);
        Decoder init = new Decoder(List.of(DenseLayer.fromAugmented(Reference.matrix("small_W1_init.npy")),
                DenseLayer.fromAugmented(Reference.matrix("small_W2_init.npy"))), act);
        TrainingConfig cfg = TrainingConfig.defaults().withMaxEpochs(3).withTolerance(0).withSolver(solver);
        Matrix data = Reference.matrix("small_data.npy");
        var la = Backends.create("auto", 1);
        StarNetTrainer t = new StarNetTrainer(new LayerSystem(la, act, solver.create(cfg.ridge(), la)), cfg, data, init);
        List<StepResult> steps = t.trainAll(Cancellation.NEVER);
        JsonNode expected = Json.MAPPER.readTree(Reference.text("small_steps.json"));
        assertEquals(expected.size(), steps.size());
        for (int i = 0; i < steps.size(); i++) {
            JsonNode e = expected.get(i);
            StepResult r = steps.get(i);
            assertEquals(e.get("phase").asText(), r.phase().name(), "step " + i);
            assertEquals(e.get("layer").asInt(), r.layer(), "step " + i);
            // 12 alternating solves compound round-off and the 1e-10 ridge: 1e-7 relative after the last one
            assertEquals(e.get("mse").asDouble(), r.mse(), 1e-7 * e.get("mse").asDouble(), "step " + i);
        }
        assertTrue(Reference.relativeError(t.decoder().layers().get(0).affine().augmentedWeights(), Reference.matrix("small_W1_final.npy")) < 1e-7);
        assertTrue(Reference.relativeError(t.decoder().layers().get(1).affine().augmentedWeights(), Reference.matrix("small_W2_final.npy")) < 1e-7);
        assertTrue(Reference.relativeError(t.codes(), Reference.matrix("small_codes.npy")) < 1e-7);
    }
}
