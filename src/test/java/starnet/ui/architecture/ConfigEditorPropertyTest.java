package starnet.ui.architecture;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import starnet.math.EjmlLinearAlgebra;
import starnet.model.SolverKind;
import starnet.model.ArchitectureConfig;
import starnet.model.DataSpec;
import starnet.model.InitKind;
import starnet.model.Padding;
import starnet.model.SolveOrder;
import starnet.model.StarNetConfig;
import starnet.model.TrainingConfig;
import starnet.session.WorkbenchSession;
import starnet.ui.core.DiscardGuard;
import starnet.ui.core.FxScheduler;
import starnet.ui.core.SessionModel;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The editor and the configuration map onto each other without loss: any valid configuration, of
 * either kind and with every field set, shown in the editor comes back equal from it.
 */
class ConfigEditorPropertyTest {
    private static FxScheduler scheduler;
    private static ArchitectureViewModel editor;

    @BeforeContainer
    static void editor() {
        scheduler = new FxScheduler();
        editor = new ArchitectureViewModel(new SessionModel(WorkbenchSession.immediate(new EjmlLinearAlgebra(1)), scheduler), DiscardGuard.ALLOW);
    }

    @AfterContainer
    static void stop() {
        scheduler.shutdown();
    }

    @Property(tries = 400, seed = "20261127")
    void everyConfigurationComesBackEqual(@ForAll("configurations") StarNetConfig c) {
        editor.show(c);
        assertEquals(c, editor.toConfig());
        assertEquals("", editor.configErrorProperty().get());
    }

    @Provide
    Arbitrary<StarNetConfig> configurations() {
        Arbitrary<DataSpec> data = Combinators.combine(Arbitraries.of("sample:mnist", "sample:fashion-mnist", "/data/cifar-10-batches-bin", "digits.csv"),
                Arbitraries.of(starnet.model.Split.class), Arbitraries.integers().between(0, 100_000)).as(DataSpec::new);
        Arbitrary<Double> slope = Arbitraries.doubles().between(0.01, 1.0);
        Arbitrary<ArchitectureConfig> feedforward = Combinators.combine(Arbitraries.integers().between(1, 4096).list().ofMinSize(1).ofMaxSize(5), slope)
                .as(ArchitectureConfig::new);
        Arbitrary<ArchitectureConfig> conv = Arbitraries.integers().between(1, 4).flatMap(layers -> Combinators.combine(
                Arbitraries.integers().between(1, 64).list().ofSize(layers),
                Arbitraries.oneOf(Arbitraries.integers().between(0, 15).map(k -> 2 * k + 1).list().ofSize(1),
                        Arbitraries.integers().between(0, 15).map(k -> 2 * k + 1).list().ofSize(layers)),
                Arbitraries.oneOf(Arbitraries.integers().between(1, 8).list().ofSize(1), Arbitraries.integers().between(1, 8).list().ofSize(layers)),
                Arbitraries.of(Padding.class), slope).as(ArchitectureConfig::conv));
        Arbitrary<TrainingConfig> training = Combinators.combine(Arbitraries.integers().between(1, 1000), Arbitraries.doubles().between(0, 1),
                Arbitraries.longs(), Arbitraries.of(SolverKind.class), Arbitraries.doubles().between(0, 1), Arbitraries.of(SolveOrder.class),
                Arbitraries.of(InitKind.class), Arbitraries.integers().between(0, 1_000_000)).as((e, tol, seed, solver, ridge, order, init, sample) ->
                new TrainingConfig(e, tol, seed, solver, ridge, order, init, sample, 1, starnet.model.LatentPath.AUTO))
                .flatMap(t -> Combinators.combine(Arbitraries.integers().between(1, 64), Arbitraries.of(starnet.model.LatentPath.class))
                        .as((parts, path) -> t.withSwSampling(t.swSample(), parts).withLatentPath(path)));
        return Combinators.combine(data, Arbitraries.oneOf(feedforward, conv), training)
                .as((d, a, t) -> new StarNetConfig(StarNetConfig.FORMAT, d, a, t));
    }

    @Property(tries = 1)
    void theDefaultsAreValidToo() {
        editor.show(StarNetConfig.defaults());
        assertEquals(StarNetConfig.defaults(), editor.toConfig());
        assertEquals(List.of(128, 256), List.copyOf(editor.widths()));
    }
}
