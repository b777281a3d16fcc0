package starnet.io;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import starnet.model.Phase;
import starnet.model.ResidualSummary;
import starnet.model.StepResult;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MetricsLogTest {

    @Test
    void aStepsLineCarriesItsResidualSummaryAndNoResidualPerDatapoint() throws Exception {
        double[] res = new double[1000];
        for (int i = 0; i < res.length; i++) res[i] = 0.001 * (i + 1); // 0.001 … 1.000: the median is 0.5, p99 0.99
        StepResult r = new StepResult(4, 2, 1, Phase.SW, 0.01, 0.05, 0.02, 0.3, 12.5, "cholesky", res, false);
        JsonNode line = Json.MAPPER.readTree(MetricsLog.line(r));
        assertEquals(5, line.get("step").asInt());
        assertEquals(0.5005, line.get("residual_mean").asDouble(), 1e-12);
        assertEquals(1.0, line.get("residual_max").asDouble(), 0.0);
        double ratio = Math.pow(10, 1.0 / ResidualSummary.PER_DECADE);
        for (double[] q : new double[][] {{50, 0.5}, {90, 0.9}, {99, 0.99}}) {
            double got = line.get("residual_p" + (int) q[0]).asDouble();
            assertTrue(got >= q[1] / ratio && got <= q[1] * ratio, "p" + (int) q[0] + " " + got);
        }
        assertEquals(999, line.get("worst_rows").get(0).asInt());
        assertEquals(ResidualSummary.WORST, line.get("worst_rows").size());
        assertFalse(line.has("residuals"));

        JsonNode none = Json.MAPPER.readTree(MetricsLog.line(r.withoutResiduals().withoutResiduals()));
        assertEquals(line.get("residual_p90"), none.get("residual_p90"), "a step that lost its residuals keeps their summary");
        StepResult bare = new StepResult(4, 2, 1, Phase.SW, 0.01, 0.05, 0.02, 0.3, 12.5, "cholesky", new double[0], false);
        assertFalse(Json.MAPPER.readTree(MetricsLog.line(bare)).has("residual_mean"), Arrays.toString(bare.residuals()));
    }
}
