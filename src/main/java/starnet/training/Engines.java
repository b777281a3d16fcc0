package starnet.training;

import starnet.math.LinearAlgebra;
import starnet.model.LeakyRelu;
import starnet.model.StarNetConfig;
import starnet.model.TrainingConfig;

/** The one place where a configuration becomes engine objects: the layer systems every solve goes through. */
public final class Engines {
    private Engines() {}

    /** The systems of a decoder configured by {@code config}: its slope's activation, its solver and ridge. */
    public static LayerSystem layerSystem(StarNetConfig config, LinearAlgebra la) {
        return layerSystem(config.training(), new LeakyRelu(config.architecture().slope()), la);
    }

    /** The systems for activation {@code act} with the solver and ridge of {@code training}. */
    public static LayerSystem layerSystem(TrainingConfig training, LeakyRelu act, LinearAlgebra la) {
        return new LayerSystem(la, act, training.solver().create(training.ridge(), la));
    }

    /** The per-block passes of a decoder configured by {@code config} (its systems and its conv SL path). */
    public static LayerPasses passes(StarNetConfig config, LinearAlgebra la) {
        return new LayerPasses(layerSystem(config, la), config.training().latentPath());
    }

    /** Whether fits measured on {@code la} run in float32 products (see {@link MeasurePrecision}). */
    public static boolean measuresInSingle(LinearAlgebra la) {
        return MeasurePrecision.configured() == MeasurePrecision.SINGLE && la instanceof starnet.math.SinglePrecision;
    }

    /** Systems that only evaluate fits (no solver): for residuals and losses of a given model. */
    public static LayerSystem evaluator(LeakyRelu act, LinearAlgebra la) {
        return new LayerSystem(la, act, null);
    }
}
