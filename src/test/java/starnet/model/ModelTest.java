package starnet.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelTest {

    @ParameterizedTest
    @ValueSource(doubles = {0.01, 0.5, 1.0})
    void leakyReluInverseUndoesIt(double slope) {
        LeakyRelu a = new LeakyRelu(slope);
        for (double y : new double[] {-3.5, -1e-9, 0, 2e-7, 4.25}) assertEquals(y, a.inverse(a.apply(y)), 1e-15);
        assertEquals(-2 * slope, a.apply(-2), 1e-15);
        double[] v = {-1, 2};
        a.applyInPlace(v);
        a.inverseInPlace(v);
        assertEquals(-1, v[0], 1e-15);
    }

    @ParameterizedTest
    @ValueSource(doubles = {0, -0.5, 1.5, Double.NaN, 1e-300, 9e-7})
    void slopeOutsideTheUnitIntervalIsRefused(double slope) {
        var e = assertThrows(IllegalArgumentException.class, () -> new LeakyRelu(slope));
        assertTrue(e.getMessage().contains("between 0.000001 and 1"), e.getMessage());
    }

    @Test
    void sizesPastTheirBoundsAreRefusedInPlainWords() {
        var e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new ArchitectureConfig(List.of(5, Integer.MAX_VALUE), 0.5));
        assertTrue(e.getMessage().contains("at most 1000000"), e.getMessage());
        e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> ArchitectureConfig.conv(List.of(6, 2), List.of(99999), List.of(2), Padding.SAME, 0.5));
        assertTrue(e.getMessage().contains("from 1 to 63"), e.getMessage());
    }

    @Test
    void depthAndSlopeThatAmplifyErrorsAreWarnedWithTheEstimate() {
        var deep = new ArchitectureConfig(List.of(64, 256, 512), 0.2).plan(1, 28, 28);
        DeterminednessReport r = DeterminednessReport.forDecoder(deep, 8000, 0.2);
        assertFalse(r.hasErrors(), "every system is determined");
        Condition warning = r.conditions().stream().filter(c -> c.source().equals("Error amplification")).findFirst().orElseThrow();
        assertEquals(Condition.Status.WARNING, warning.status());
        assertTrue(warning.message().contains("1/α = 5×") && warning.message().contains("up to 25×"), warning.message()); // (1/0.2)^(3-1)
        var paper = new ArchitectureConfig(List.of(128, 256), 0.5).plan(1, 28, 28);
        assertFalse(DeterminednessReport.forDecoder(paper, 8000, 0.5).hasWarnings(), "the paper's 128,256 at α = 0.5: 2×, no warning");
    }

    @Test
    void aSquareLayerIsToldToNarrowItsInputNotToWiden() {
        var square = new ArchitectureConfig(List.of(128, 784), 0.5).plan(1, 28, 28);
        Condition lemma5 = DeterminednessReport.forDecoder(square, 8000, 0.5).conditions().stream()
                .filter(c -> c.source().equals("Lemma 5")).findFirst().orElseThrow();
        assertTrue(lemma5.message().contains("narrower than 784") && !lemma5.message().contains("wider"), lemma5.message());
    }

    @Test
    void mnistDefaultIsDetermined() {
        DeterminednessReport r = DeterminednessReport.feedforward(new int[] {128, 256, 784}, 8000);
        assertFalse(r.hasErrors());
        assertFalse(r.hasWarnings());
        assertTrue(r.text().contains("✓ Theorem 1 — layer 2: latents are determined (256 → 784): 784 equations per datapoint for 256 unknowns"), r.text());
        assertTrue(r.text().contains("✓ Theorem 2 — layer 2: weights are determined: 8000 datapoints (equations) for 257 unknowns"), r.text());
        assertTrue(r.text().contains("✓ Lemma 6"), r.text());
        assertEquals("", r.firstError());
    }

    @Test
    void aFunnelViolatesTheorem1() {
        DeterminednessReport r = DeterminednessReport.feedforward(new int[] {300, 256, 784}, 8000);
        assertTrue(r.hasErrors());
        assertTrue(r.firstError().startsWith("✗ Theorem 1 — layer 1: latents are under-determined (300 → 256): only 256 equations"), r.firstError());
        assertTrue(r.text().contains("inverse funnel"));
    }

    @Test
    void aSquareLayerWarnsWithLemma5() {
        DeterminednessReport r = DeterminednessReport.feedforward(new int[] {256, 256, 784}, 8000);
        assertFalse(r.hasErrors());
        assertTrue(r.hasWarnings());
        assertTrue(r.text().contains("⚠ Lemma 5 — layer 1: a square layer (256 → 256)"), r.text());
    }

    @Test
    void tooFewDatapointsViolateTheorem2AndLemma6() {
        DeterminednessReport r = DeterminednessReport.feedforward(new int[] {128, 256, 784}, 200);
        assertTrue(r.text().contains("✗ Theorem 2 — layer 2: weights are under-determined: 200 datapoints for 257 unknowns"), r.text());
        assertTrue(r.text().contains("✓ Theorem 2 — layer 1"), r.text());
        assertTrue(r.text().contains("✗ Lemma 6"), r.text());
    }

    @Test
    void configurationValuesAreValidated() {
        assertThrows(IllegalArgumentException.class, () -> new ArchitectureConfig(List.of(), 0.5));
        assertThrows(IllegalArgumentException.class, () -> new ArchitectureConfig(List.of(0, 3), 0.5));
        var e = assertThrows(IllegalArgumentException.class, () -> ArchitectureConfig.parseWidths("128,abc"));
        assertTrue(e.getMessage().contains("e.g. 128,256"));
        assertEquals(List.of(128, 256), ArchitectureConfig.parseWidths(" 128 , 256 "));
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.defaults().withMaxEpochs(0));
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.defaults().withTolerance(-1));
        assertThrows(IllegalArgumentException.class, () -> starnet.model.Split.parse("validation"));
        assertThrows(IllegalArgumentException.class, () -> new StarNetConfig(99, null, null, null));
    }

    @Test
    void swOnASampleOrOnPartitionsCountsTheDatapointsOfItsSmallestSystem() {
        List<LayerPlan> paper = new ArchitectureConfig(List.of(128, 256), 0.5).plan(1, 28, 28);
        TrainingConfig t = TrainingConfig.defaults();
        assertEquals(8000, t.swDatapoints(8000));
        assertEquals(2000, new TrainingConfig(5, 0, 0, null, 1e-10, null, null, 0, 4).swDatapoints(8000));
        assertEquals(166, new TrainingConfig(5, 0, 0, null, 1e-10, null, null, 500, 3).swDatapoints(8000), "500 split in 3: 166, 167, 167");
        assertEquals(300, new TrainingConfig(5, 0, 0, null, 1e-10, null, null, 5000, 1).swDatapoints(300), "a sample larger than the data is all of it");
        DeterminednessReport five = DeterminednessReport.forDecoder(paper, 300, 0.5, new TrainingConfig(5, 0, 0, null, 1e-10, null, null, 5, 1));
        assertTrue(five.hasErrors(), five.text());
        assertTrue(five.text().contains("Lemma 8") && five.text().contains("random 5 of the 300"), five.text());
        DeterminednessReport all = DeterminednessReport.forDecoder(paper, 300, 0.5, t);
        assertFalse(all.hasErrors());
        assertFalse(all.text().contains("Lemma 8"));
        assertEquals(DeterminednessReport.forDecoder(paper, 300, 0.5), all);
    }
}
