package starnet.session;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import starnet.io.Json;
import starnet.model.ArchitectureConfig;
import starnet.model.DataSpec;
import starnet.model.StarNetConfig;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code bench}'s counted work: the whole training's FLOPs are the per-step counts of the paper's products, summed over the steps run. */
class BenchmarkTest {
    @Test
    void theWholeTrainingCountsEveryStepsProducts() throws Exception {
        StarNetConfig c = StarNetConfig.defaults();
        c = c.withData(DataSpec.defaults().withLimit(400))
                .withArchitecture(c.architecture().withWidths(ArchitectureConfig.parseWidths("6,20")))
                .withTraining(c.training().withMaxEpochs(2).withTolerance(0));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Benchmark.run(c, new Compute(starnet.model.BackendChoice.OPENBLAS, 2), true, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        JsonNode r = Json.MAPPER.readTree(bytes.toString(StandardCharsets.UTF_8));
        double n = 400, d = 784;
        // layer 2 (20 → 784): SL = 2·(2·N·20·784) + 784·20² ; SW = N·21² + 2·N·21·784 + 2·N·20·784
        double sl2 = 2 * (2 * n * 20 * d) + d * 20 * 20, sw2 = n * 21 * 21 + 2 * n * 21 * d + 2 * n * 20 * d;
        // layer 1 (6 → 20), its outputs decoded on through layer 2 (2·N·20·784 more per step)
        double decode = 2 * n * 20 * d;
        double sl1 = 2 * (2 * n * 6 * 20) + 20 * 6 * 6 + decode, sw1 = n * 7 * 7 + 2 * n * 7 * 20 + 2 * n * 6 * 20 + decode;
        double expected = 2 * (sl2 + sw2 + sl1 + sw1) / 1e9; // two epochs of SL and SW per layer
        assertEquals(expected, r.get("train_gflop").asDouble(), 1e-12 * expected);
        double rate = r.get("train_gflop").asDouble() / r.get("train_seconds").asDouble();
        assertEquals(rate, r.get("train_gflops").asDouble(), 1e-9 * rate);
        assertEquals(rate / r.get("dgemm_gflops").asDouble(), r.get("train_share_of_dgemm").asDouble(), 1e-9);
        assertEquals(8L * 400 * 784, r.get("data_heap_bytes").asLong(), "400 digits are kept as doubles");
        assertTrue(r.get("layers").size() == 2);
    }
}
