package starnet.explore;

import starnet.model.SystemInspection;
import starnet.model.LatentMap;
import starnet.model.RunRecord;
import starnet.model.StepResult;
import starnet.model.SweepChart;
import starnet.model.SweepRow;
import starnet.model.SweepAxis;
import starnet.model.Projection;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.SingularValueDecomposition_F64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starnet.model.Dataset;
import starnet.data.Datasets;
import starnet.figures.LinePlot;
import starnet.math.Backends;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.LeakyRelu;
import starnet.model.Phase;
import starnet.model.StarNetConfig;
import starnet.training.Cancellation;
import starnet.training.StarNetTrainer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The exploration engine against independent values: direct SVDs, a direct PCA, files a sweep leaves behind. */
class ExploreEngineTest {
    private static final LinearAlgebra LA = Backends.create("auto", 2);
    private static final Dataset MNIST = Datasets.load("sample:mnist", starnet.model.Split.TRAIN, 600);

    private static StarNetConfig config(String widths, double slope) {
        StarNetConfig c = StarNetConfig.defaults();
        return c.withArchitecture(c.architecture().withWidths(starnet.model.ArchitectureConfig.parseWidths(widths)).withSlope(slope))
                .withTraining(c.training().withMaxEpochs(2).withTolerance(0));
    }

    /** Singular values of {@code a} (read only) by a direct SVD, descending. */
    private static double[] svd(Matrix a) {
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(a.rows(), a.cols(), false, false, true);
        assertTrue(svd.decompose(new DMatrixRMaj(a.rows(), a.cols(), true, a.data().clone())));
        double[] s = svd.getSingularValues().clone();
        Arrays.sort(s);
        for (int i = 0; i < s.length / 2; i++) {
            double t = s[i];
            s[i] = s[s.length - 1 - i];
            s[s.length - 1 - i] = t;
        }
        return Arrays.copyOf(s, Math.min(a.rows(), a.cols()));
    }

    @Test
    void inspectorMatchesADirectSvdAndItsResidualIsOrthogonalToTheColumns() {
        StarNetConfig c = config("16,64", 0.5);
        StarNetTrainer t = StarNetTrainer.create(c, MNIST.images(), LA);
        LeakyRelu act = new LeakyRelu(0.5);
        for (Phase phase : List.of(Phase.SL, Phase.SW, Phase.SL)) {
            if (phase == Phase.SL) t.stepLatents(Cancellation.NEVER);
            else t.stepWeights(Cancellation.NEVER);
            SystemInspection in = SolverInspector.inspectNewest(t, act, Cancellation.NEVER);
            StarNetTrainer.StepSystem s = t.newestSystem();
            Matrix known;
            if (phase == Phase.SL) {
                known = s.layer().affine().weights();
            } else {
                Matrix h = s.latents();
                known = new Matrix(h.rows(), h.cols() + 1);
                for (int i = 0; i < h.rows(); i++) {
                    System.arraycopy(h.data(), i * h.cols(), known.data(), i * (h.cols() + 1), h.cols());
                    known.set(i, h.cols(), 1);
                }
            }
            double[] direct = svd(known);
            double[] mine = in.singularValues();
            assertEquals(direct.length, mine.length, phase + ": one singular value per unknown");
            for (int i = 0; i < direct.length; i++) {
                // the Gram route resolves σᵢ to about ε·σ₁²/σᵢ
                assertEquals(direct[i], mine[i], 1e-9 * direct[0] + 1e-12 * direct[0] * direct[0] / direct[i], phase + " σ" + i);
            }
            assertEquals(direct[0] / direct[direct.length - 1], in.condition(), 1e-6 * in.condition());
            assertTrue(in.exactLeastSquares());
            assertTrue(in.orthogonality() < 1e-9, phase + ": AᵀR/(σ₁‖R‖) = " + in.orthogonality());
            assertTrue(in.orthogonality() > 0, "round-off and the ridge leave something: the check measures, it does not assume");
            assertTrue(in.relativeResidual() > 0, "a real fit leaves part of the targets");
            if (phase == Phase.SW) assertTrue(in.relativeResidual() < 1, "SW's zero weights are feasible, so its residual is below the targets: " + in.relativeResidual());
            assertEquals(in.unknowns(), in.rank(), "a determined system has full rank");
            assertTrue(in.healthy(), in.alerts().toString());
        }
    }

    @Test
    void aRunOutOfCoreIsInspectedFromItsRowsWhereTheyLieAsInMemory(@TempDir Path dir) throws Exception {
        StarNetConfig c = config("16,64", 0.5);
        Matrix images = MNIST.images();
        StarNetTrainer memory = StarNetTrainer.create(c, images, LA);
        Path data = dir.resolve("data.bin");
        try (starnet.store.RowStore s = starnet.store.RowStore.create(data, images.rows(), images.cols(), starnet.model.StoragePrecision.F64)) {
            s.write(0, images);
        }
        starnet.training.LayerPasses passes = starnet.training.Engines.passes(c, LA);
        starnet.model.Decoder initial = StarNetTrainer.initialDecoder(c, 1, 28, 28);
        StarNetTrainer stored = new StarNetTrainer(passes, c.training(), new starnet.store.StoreEngine(passes, starnet.store.RowStore.open(data),
                dir.resolve("work"), starnet.model.StoragePrecision.F64, 128, StarNetTrainer.inputWidths(initial)), initial);
        assertNull(stored.newestSystem(), "its arrays are not in the heap");
        LeakyRelu act = new LeakyRelu(0.5);
        for (Phase phase : List.of(Phase.SL, Phase.SW)) {
            for (StarNetTrainer t : List.of(memory, stored)) {
                if (phase == Phase.SL) t.stepLatents(Cancellation.NEVER);
                else t.stepWeights(Cancellation.NEVER);
            }
            SystemInspection whole = SolverInspector.inspectNewest(memory, act, Cancellation.NEVER);
            SystemInspection read = SolverInspector.inspectNewestSample(stored, act, Cancellation.NEVER);
            assertArrayEquals(whole.singularValues(), read.singularValues(), 1e-9 * whole.singularValues()[0], phase + ": the same system");
            assertEquals(whole.residualNorm(), read.residualNorm(), 1e-9 * whole.residualNorm(), phase.name());
            assertEquals(whole.rowsChecked(), read.rowsChecked());
            assertEquals(0, read.sampledOf(), "600 datapoints: all of them, the run's own system");
            assertEquals(whole.facts().size(), read.facts().size());
            assertTrue(read.healthy(), read.alerts().toString());
        }
        stored.engine().close();
    }

    @Test
    void aSampledSystemSaysSoAndExpectsNoOrthogonality() {
        StepResult step = new StepResult(12, 2, 3, Phase.SW, 0.1, 0.2, 0.1, 0.5, 3, "cholesky", new double[0], false);
        SystemInspection in = new SystemInspection(step, 8192, 65, 64, "the latents with a column of ones [H 1], 8192 × 65", new double[] {3, 1}, 65, 3, 0,
                3, 1, 0.1, 0.02, false, 8192, List.of(), 60_000);
        String facts = String.join("\n", in.facts());
        assertTrue(facts.contains("Sampled: 8,192 of the run's 60,000 datapoints, evenly spread"), facts);
        assertTrue(facts.contains("not expected to vanish: the solution is of all the datapoints, these are a sample"), facts);
    }

    @Test
    void convKernelsSystemIsInspectedFromItsNormalEquations() {
        StarNetConfig conv = StarNetConfig.defaults().withArchitecture(starnet.model.Presets.find("mnist-conv").architecture());
        conv = conv.withTraining(conv.training().withMaxEpochs(2).withTolerance(0));
        Matrix data = MNIST.images().rowRange(0, 400);
        StarNetTrainer t = StarNetTrainer.create(conv, data, 1, 28, 28, LA);
        t.stepLatents(Cancellation.NEVER);
        t.stepWeights(Cancellation.NEVER);
        SystemInspection in = SolverInspector.inspectNewest(t, new LeakyRelu(conv.architecture().slope()), Cancellation.NEVER);
        StarNetTrainer.StepSystem s = t.newestSystem();
        var layer = (starnet.model.ConvUnpoolLayer) s.layer();
        assertEquals(layer.shape().patchSize() + 1, in.unknowns());
        assertEquals(layer.shape().kernels(), in.rightHandSides());
        assertEquals(in.unknowns(), in.rank());
        assertTrue(in.orthogonality() < 1e-8, "AᵀR from the normal equations: " + in.orthogonality());
        // the residual through the layer's own dense operator: every (datapoint, position, kernel) equation at once
        Matrix p = s.targets().copy();
        new LeakyRelu(conv.architecture().slope()).inverseInPlace(p.data());
        Matrix y = layer.affine().preActivation(LA, s.latents());
        double direct = 0;
        for (int i = 0; i < p.data().length; i++) direct += (p.data()[i] - y.data()[i]) * (p.data()[i] - y.data()[i]);
        assertEquals(Math.sqrt(direct), in.residualNorm(), 1e-6 * Math.sqrt(direct));
    }

    @Test
    void inspectorSeesARankDeficientSystemAndSaysWhatToChange() {
        StarNetConfig c = config("16,64", 0.5);
        Matrix data = MNIST.images().rowRange(0, 600);
        StarNetTrainer t = StarNetTrainer.create(c.withTraining(c.training().withOrder(starnet.model.SolveOrder.SW_FIRST)), data, LA);
        // SW on latents with two identical columns: [H 1] loses a direction
        t.stepWeights(Cancellation.NEVER);
        StarNetTrainer.StepSystem s = t.newestSystem();
        Matrix h = s.latents().copy();
        for (int i = 0; i < h.rows(); i++) h.set(i, 1, h.get(i, 0));
        var broken = new StarNetTrainer.StepSystem(s.step(), s.index(), s.layer(), s.targets(), h);
        SystemInspection in = SolverInspector.weights(broken, s.layer().affine(), new LeakyRelu(0.5), LA, 0, true, Cancellation.NEVER);
        assertEquals(in.unknowns() - 1, in.rank());
        assertFalse(in.healthy());
        assertTrue(in.alerts().get(0).startsWith("Rank-deficient: 1 of 65"), in.alerts().get(0));
        assertTrue(in.alerts().get(0).contains("more datapoints per SW"), in.alerts().get(0));
    }

    @Test
    void latentMapPcaIsTheDirectPcaOfTheCodes() {
        StarNetConfig c = config("8,32", 0.5);
        StarNetTrainer t = StarNetTrainer.create(c, MNIST.images(), LA);
        t.trainAll(Cancellation.NEVER);
        Matrix codes = t.codes();
        LatentMap map = LatentMaps.map(Projection.PCA, "codes", codes, MNIST.labels(), null, null, MNIST.classNames(), 1, LA, Cancellation.NEVER);
        assertEquals(codes.rows(), map.size());
        // direct: SVD of the centred codes; coordinates = U·S, compared up to each direction's sign
        int n = codes.rows(), d = codes.cols();
        double[] mean = new double[d];
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) mean[j] += codes.get(i, j) / n;
        DMatrixRMaj centred = new DMatrixRMaj(n, d);
        for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) centred.set(i, j, codes.get(i, j) - mean[j]);
        SingularValueDecomposition_F64<DMatrixRMaj> svd = DecompositionFactory_DDRM.svd(n, d, false, true, false);
        assertTrue(svd.decompose(centred.copy()));
        DMatrixRMaj v = svd.getV(null, false);
        double[] sv = svd.getSingularValues();
        Integer[] order = {0, 1, 2, 3, 4, 5, 6, 7};
        Arrays.sort(order, (a, b) -> Double.compare(sv[b], sv[a]));
        for (int k = 0; k < 2; k++) {
            double[] direct = new double[n];
            for (int i = 0; i < n; i++) for (int j = 0; j < d; j++) direct[i] += centred.get(i, j) * v.get(j, order[k]);
            double[] mine = k == 0 ? map.x() : map.y();
            double sign = Math.signum(direct[0] * mine[0]);
            for (int i = 0; i < n; i++) assertEquals(direct[i], sign * mine[i], 1e-8 * (1 + Math.abs(direct[i])), "coordinate " + k + " of item " + i);
        }
        assertTrue(map.axisNames()[0].startsWith("principal direction 1 ("), map.axisNames()[0]);
        LinePlot fig = starnet.figures.ExploreFigures.latentMap(map, "map");
        assertEquals(10, fig.series().size(), "one series per digit");
        assertEquals(n, fig.series().stream().mapToInt(s -> s.x().length).sum());
        int near = map.nearest(map.x()[17], map.y()[17], 1e-12);
        assertEquals(17, near);
    }

    @Test
    void latentMapUmapPlacesHeldOutItemsAndIsSeeded() {
        StarNetConfig c = config("8,32", 0.5);
        Dataset small = MNIST.limit(300);
        StarNetTrainer t = StarNetTrainer.create(c, small.images(), LA);
        t.trainAll(Cancellation.NEVER);
        Matrix held = t.codes().rowRange(0, 20);
        LatentMap a = LatentMaps.map(Projection.UMAP, "codes", t.codes(), small.labels(), held, Arrays.copyOf(small.labels(), 20), small.classNames(), 3, LA, Cancellation.NEVER);
        assertEquals(300, a.size());
        assertEquals(20, a.heldX().length);
        assertTrue(Arrays.stream(a.x()).allMatch(Double::isFinite) && Arrays.stream(a.heldY()).allMatch(Double::isFinite));
        // same-class neighbours: the nearest other point shares the label more often than chance (10%)
        int same = 0;
        for (int i = 0; i < a.size(); i++) {
            int best = -1;
            double bd = Double.MAX_VALUE;
            for (int j = 0; j < a.size(); j++) {
                double dd = Math.hypot(a.x()[i] - a.x()[j], a.y()[i] - a.y()[j]);
                if (j != i && dd < bd) { bd = dd; best = j; }
            }
            if (a.labels()[i] == a.labels()[best]) same++;
        }
        assertTrue(same > 0.4 * a.size(), "UMAP keeps neighbourhoods: " + same + " of " + a.size());
    }

    @Test
    void sweepWritesItsTableAndFigureAndResumes(@TempDir Path dir) throws Exception {
        StarNetConfig base = config("16,64", 0.5);
        base = base.withData(base.data().withSource("sample:mnist").withLimit(300));
        Sweep sweep = new Sweep(base, List.of(SweepAxis.parse("slope=0.2,1.0"), SweepAxis.parse("ridge=1e-10,1e-3")));
        Dataset data = Datasets.load("sample:mnist", starnet.model.Split.TRAIN, 300);
        List<SweepRow> rows = new ArrayList<>();
        List<String> progress = new ArrayList<>();
        List<SweepRow> all = sweep.run(data, LA, dir, rows::add, (f, s) -> progress.add(s), Cancellation.NEVER);
        assertEquals(4, all.size());
        assertEquals(List.of("0.2", "1e-10"), all.get(0).values());
        for (SweepRow r : all) {
            assertTrue(r.ran(), r.problem());
            assertTrue(r.trainMse() > 0 && r.trainMse() < 0.1, "train " + r.trainMse());
            assertTrue(r.heldOutMse() > 0 && r.heldOutMse() < 0.2, "held-out " + r.heldOutMse());
            assertTrue(r.pcaMse() <= r.trainMse() + 1e-12, "PCA at the code width bounds a 16-d code from below");
        }
        List<String> lines = Files.readAllLines(dir.resolve("sweep.csv"));
        assertEquals("slope,ridge,train_mse,heldout_mse,pca_mse,seconds,worst_condition,note", lines.get(0));
        assertEquals(5, lines.size());
        for (SweepChart chart : SweepChart.values()) assertTrue(Files.size(dir.resolve(chart.file())) > 5000, chart.file());
        assertEquals(List.of("slope,ridge,train_mse,heldout_mse,pca_mse,seconds,worst_condition,note"), lines.subList(0, 1), "the table is the only CSV");
        LinePlot seconds = sweep.figure(all, SweepChart.SECONDS);
        assertEquals(2, seconds.series().size(), "one line per ridge value");
        assertEquals(all.get(0).seconds(), seconds.series().get(0).y()[0], 0);
        // again into the same folder: nothing is trained, the same rows come back
        progress.clear();
        List<SweepRow> again = sweep.run(data, LA, dir, r -> { }, (f, s) -> progress.add(s), Cancellation.NEVER);
        assertEquals(all.stream().map(SweepRow::trainMse).toList(), again.stream().map(SweepRow::trainMse).toList());
        assertTrue(progress.stream().noneMatch(s -> s.startsWith("run ")), progress.toString());
        // another sweep into that folder is refused
        Sweep other = new Sweep(base, List.of(SweepAxis.parse("slope=0.3")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> other.run(data, LA, dir, r -> { }, (f, s) -> { }, Cancellation.NEVER));
        assertTrue(e.getMessage().contains("holds a sweep of other settings"), e.getMessage());
    }

    @Test
    void sweepValuesAreCheckedBeforeAnythingRuns() {
        assertEquals(List.of("0.1", "0.4", "0.7", "1"), SweepAxis.parse("slope=0.1..1:4").values());
        assertEquals(List.of("1e-8", "0.000001", "0.0001"), SweepAxis.parse("ridge=1e-8..1e-4:3").values());
        assertEquals(List.of("16,64", "32,128").size(), SweepAxis.parse("widths=16/64,32/128").values().size());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepAxis.parse("colour=red")).getMessage().contains("expected one of slope, ridge"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepAxis.parse("slope=abc")).getMessage().contains("expected a number"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepAxis.parse("widths=1..3:2")).getMessage().contains("takes a list"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepAxis.parse("slope=0.1,0.1")).getMessage().contains("twice"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepAxis.parse("slope")).getMessage().contains("NAME=VALUES"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> SweepAxis.parse("ridge=0..1:3")).getMessage().contains("log scale"));
    }

    @Test
    void runsAreNamedAfterTheirFolderOrFileAndTheirDifferencesQuotedAsCsvNeeds() {
        assertEquals("mnist", RunRecord.nameFor(Path.of("runs/mnist/session.starnet"), List.of()));
        assertEquals("slope 0.2", RunRecord.nameFor(Path.of("slope 0.2.starnet"), List.of()));
        assertEquals("mnist (3)", RunRecord.nameFor(Path.of("/tmp/mnist/session.starnet"), List.of("mnist", "mnist (2)")));
        assertEquals("session", RunRecord.nameFor(Path.of("/session.starnet"), List.of()), "no folder to name it after");
        StarNetConfig c = config("16,64", 0.5);
        RunRecord a = new RunRecord("a, first", c, List.of(), null, new int[] {1, 28, 28}, null);
        RunRecord b = new RunRecord("b \"quoted\"", c.withArchitecture(c.architecture().withWidths(List.of(32, 64))), List.of(), null, new int[] {1, 28, 28}, null);
        List<starnet.model.RunDifference> d = RunComparison.differences(List.of(a, b));
        assertEquals("setting,\"a, first\",\"b \"\"quoted\"\"\"\narchitecture.widths,\"[16,64]\",\"[32,64]\"\n",
                RunComparison.differencesCsv(List.of(a, b), d));
    }

    @Test
    void theLayerMetricDoesNotJoinOneLayersLineToTheNext() {
        List<StepResult> steps = List.of(
                new StepResult(1, 2, 1, starnet.model.Phase.SL, 0.05, 0.1, 0.05, 0.1, 2, "cholesky", new double[0], false),
                new StepResult(2, 2, 1, starnet.model.Phase.SW, 0.01, 0.1, 0.01, 0.1, 2, "cholesky", new double[0], true),
                new StepResult(3, 1, 1, starnet.model.Phase.SL, 0.2, 0.1, 0.03, 0.1, 2, "cholesky", new double[0], false));
        RunRecord r = new RunRecord("r", config("16,64", 0.5), steps, null, new int[] {1, 28, 28}, null);
        var layer = RunComparison.overlay(List.of(r), starnet.model.RunMetric.LAYER_MSE, starnet.model.RunAxis.STEP).series().get(0);
        assertEquals(4, layer.y().length, "a gap between layer 2's last solve and layer 1's first");
        assertTrue(Double.isNaN(layer.y()[2]) && layer.x()[2] == 3 && layer.y()[3] == 0.2);
        var output = RunComparison.overlay(List.of(r), starnet.model.RunMetric.OUTPUT_MSE, starnet.model.RunAxis.STEP).series().get(0);
        assertEquals(3, output.y().length, "the output MSE is one space: one line");
    }
}
