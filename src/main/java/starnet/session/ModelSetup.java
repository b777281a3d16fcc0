package starnet.session;

import starnet.model.DeterminednessReport;
import starnet.model.LayerPlan;

import java.util.List;

/**
 * The model the configuration makes of the data in use: its layers, the determinedness report, or what is wrong.
 *
 * @param plan    the layers, or null when the architecture does not fit the data
 * @param report  whether every system is determined, or null
 * @param problem why no model could be made ("" when one could)
 */
record ModelSetup(List<LayerPlan> plan, DeterminednessReport report, String problem) {
    static final ModelSetup NONE = new ModelSetup(null, null, "");

    ModelSetup withReport(DeterminednessReport r) { return new ModelSetup(plan, r, problem); }

    ModelSetup withProblem(String p) { return new ModelSetup(plan, report, p); }

    boolean hasErrors() { return report != null && report.hasErrors(); }
}
