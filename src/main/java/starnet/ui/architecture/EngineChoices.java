package starnet.ui.architecture;

import starnet.model.EngineSpec;
import starnet.model.StoragePrecision;

import java.util.List;

/** The run settings the Architecture and solver panel offers, with their labels. */
final class EngineChoices {
    private EngineChoices() {}

    static final List<EngineSpec> CHOICES = List.of(EngineSpec.memory(), EngineSpec.store(null, StoragePrecision.F64),
            EngineSpec.store(null, StoragePrecision.F32), EngineSpec.spark("local[2]", 0), EngineSpec.spark("local[*]", 0));

    /** "In memory", "Out of core (float64 on disk)", "Spark, local[2]", … */
    static String label(EngineSpec e) {
        return switch (e.kind()) {
            case MEMORY -> "In memory";
            case STORE -> "Out of core (" + (e.precision() == StoragePrecision.F64 ? "float64" : "float32") + " on disk)";
            case SPARK -> "Spark, " + (e.master() == null ? "its default master" : e.master());
        };
    }
}
