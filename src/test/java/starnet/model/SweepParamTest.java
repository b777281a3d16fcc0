package starnet.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A sweep's SW sample takes "all" as every other count does, and a chart does not draw all of the datapoints at 0. */
class SweepParamTest {
    @Test
    void anSwSampleOfAllIsEveryDatapoint() {
        StarNetConfig c = StarNetConfig.defaults();
        assertEquals(0, SweepParam.SW_SAMPLE.apply(c, "all").training().swSample());
        assertEquals(1000, SweepParam.SW_SAMPLE.apply(c, "1000").training().swSample());
        assertEquals("all", SweepParam.SW_SAMPLE.display("all"));
        assertEquals("all", SweepParam.SW_SAMPLE.display("0"));
        assertThrows(IllegalArgumentException.class, () -> SweepParam.SW_SAMPLE.apply(c, "some"));
    }

    @Test
    void valuesWithAllAreDrawnAtTheirPositions() {
        List<String> values = List.of("all", "300");
        assertFalse(SweepParam.SW_SAMPLE.numericFor(values));
        assertEquals(1, SweepParam.SW_SAMPLE.plotted("all", values));
        assertEquals(2, SweepParam.SW_SAMPLE.plotted("300", values));
        assertTrue(SweepParam.SW_SAMPLE.numericFor(List.of("300", "1000")));
        assertEquals(1000, SweepParam.SW_SAMPLE.plotted("1000", List.of("300", "1000")));
    }
}
