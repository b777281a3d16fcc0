package starnet.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starnet.model.ArchitectureConfig;
import starnet.model.DataSpec;
import starnet.model.Experiment;
import starnet.model.StarNetConfig;
import starnet.model.WorkProgress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An experiment tells how far it is: fractions that start at 0, never go back, and end at 1; its notes as lines. */
class ExperimentsProgressTest {
    @TempDir Path tmp;

    private static final StarNetConfig SMALL = StarNetConfig.defaults().withData(new DataSpec("sample:mnist", starnet.model.Split.TRAIN, 300))
            .withArchitecture(ArchitectureConfig.defaults().withWidths(List.of(8, 32)))
            .withTraining(StarNetConfig.defaults().training().withTolerance(0).withMaxEpochs(2));

    private record Recorded(List<Double> fractions, List<String> notes) implements WorkProgress {
        Recorded() { this(new ArrayList<>(), new ArrayList<>()); }

        @Override public void note(String line) { notes.add(line); }

        @Override public void done(double fraction) { fractions.add(fraction); }
    }

    private Recorded run(Experiment e) throws IOException {
        Recorded p = new Recorded();
        List<String> said = new ArrayList<>();
        Experiments.run(e, SMALL, tmp.resolve(e.id()), 1, Compute.defaults(), said::add, p);
        assertTrue(said.get(said.size() - 1).contains("wrote " + tmp.resolve(e.id())), said.toString());
        return p;
    }

    private static void assertRisesFromZeroToOne(List<Double> f, int reports) {
        assertEquals(0.0, f.get(0));
        assertEquals(1.0, f.get(f.size() - 1), 1e-12);
        for (int i = 1; i < f.size(); i++) assertTrue(f.get(i) >= f.get(i - 1), "never goes back: " + f);
        assertEquals(reports, f.size(), f.toString());
    }

    @Test
    void fig7CountsTheLastLayersStepsOfBothOrders() throws IOException {
        Recorded p = run(Experiment.FIG7);
        assertRisesFromZeroToOne(p.fractions(), 1 + 2 * (4 + 1)); // the start; per order 2 epochs × (SL, SW), then its end
        assertEquals(0.25, p.fractions().get(2), 1e-12, "2 of 8 steps");
    }

    @Test
    void refineCountsTheTrainingStepsThenEachBlockOfEachRound() throws IOException {
        Recorded p = run(Experiment.REFINE);
        // the start; 2 layers × 2 epochs × 2 steps; the end of training; one round: the codes, then each of 2 layers
        assertRisesFromZeroToOne(p.fractions(), 1 + 8 + 1 + 3);
        assertEquals(8 / 11.0, p.fractions().get(9), 1e-12);
        assertEquals(3, p.notes().size(), "a line per refinement block: " + p.notes());
        assertTrue(p.notes().get(0).startsWith("round 1 "), p.notes().get(0));
    }

    @Test
    void fig6CountsStarNetsStepsItsEpochsOfTheAutoencoderAndPca() throws IOException {
        Recorded p = run(Experiment.FIG6);
        assertRisesFromZeroToOne(p.fractions(), 1 + 8 + 1 + 4 + 1); // start, 8 steps, total corrected, 4 autoencoder epochs, PCA
        assertEquals(4 + 4 + 1, p.notes().size(), "a line per StarNet epoch, per autoencoder epoch, and PCA: " + p.notes());
    }
}
