package starnet.model;

import starnet.model.Phase;
import starnet.model.StepResult;

import java.util.List;

/**
 * One solve's linear system, looked at closely (paper §3: each SL and SW is a determined least-squares system).
 *
 * @param step             the step it belongs to
 * @param equations        equations per right-hand side (SL: the layer's outputs d_out; SW: the datapoints used)
 * @param unknowns         unknowns per right-hand side (SL: d_in latents; SW: d_in + 1 weights and bias)
 * @param rightHandSides   how many independent right-hand sides share the matrix (SL: datapoints; SW: d_out)
 * @param knownMatrix      what the known matrix is, in words, with its shape
 * @param singularValues   its singular values, descending (from the eigenvalues of its Gram matrix)
 * @param rank             numerical rank: singular values above σ₁·√(n·ε), the precision of the Gram route
 * @param condition        σ₁/σₙ (infinite when σₙ = 0)
 * @param ridgeShift       the shift the solver added to the Gram matrix's diagonal (λ·trace/n; 0 for the pseudo-inverse)
 * @param conditionWithRidge √((σ₁² + shift)/(σₙ² + shift)): the condition the solver actually met
 * @param residualNorm     ‖R‖_F of the residual R = P − (known · solution) over the rows checked
 * @param relativeResidual ‖R‖_F / ‖P‖_F
 * @param orthogonality    ‖Aᵀ R‖_F / (σ₁ ‖R‖_F): 0 for an exact least-squares solution (round-off and the ridge make it ~1e-10)
 * @param exactLeastSquares whether the step solved exactly this system (false when SW used a sample or averaged partitions)
 * @param rowsChecked      datapoints the residual was measured on
 * @param alerts           what looks unhealthy, each with what to change; empty when the system is healthy
 * @param sampledOf        0 when the system is the run's own; else the run's N, of which the system holds {@code rowsChecked}
 *                         datapoints, evenly spread (the run keeps its arrays out of this process: on disk, on a cluster)
 */
public record SystemInspection(StepResult step, int equations, int unknowns, int rightHandSides, String knownMatrix,
                               double[] singularValues, int rank, double condition, double ridgeShift, double conditionWithRidge,
                               double residualNorm, double relativeResidual, double orthogonality, boolean exactLeastSquares,
                               int rowsChecked, List<String> alerts, int sampledOf) {
    /** Condition number beyond which a system counts as near-singular (its Gram matrix is then beyond 10¹², close to Cholesky's limit). */
    public static final double NEAR_SINGULAR = 1e6;

    public SystemInspection {
        singularValues = singularValues.clone();
        alerts = List.copyOf(alerts);
    }

    @Override public double[] singularValues() { return singularValues.clone(); }

    public Phase phase() { return step.phase(); }

    /** Whether nothing looks wrong. */
    public boolean healthy() { return alerts.isEmpty(); }

    /** The facts as lines of "name: value", for a panel or the command line. */
    public List<String> facts() {
        List<String> facts = new java.util.ArrayList<>(List.of(
                String.format("Step %d: layer %d, %s, epoch %d — %s, %.3f s", step.number(), step.layer(), step.phase(), step.epoch(), step.method(), step.seconds()),
                String.format("System: %,d equations × %,d unknowns, %,d right-hand sides sharing one matrix", equations, unknowns, rightHandSides),
                "Known matrix: " + knownMatrix,
                String.format("Rank %d of %d; condition σ₁/σₙ = %s; with the ridge (shift %.2e): %s", rank, unknowns, sci(condition), ridgeShift, sci(conditionWithRidge)),
                String.format("Residual ‖R‖ = %.4g on %,d datapoints: %.2f%% of ‖P‖, the size of the right-hand side P = a⁻¹(targets) it had to match",
                        residualNorm, rowsChecked, 100 * relativeResidual),
                String.format("Orthogonality ‖AᵀR‖/(σ₁‖R‖) = %.2e %s", orthogonality, exactLeastSquares
                        ? (orthogonality < 1e-6 ? "— the residual is orthogonal to the columns, as a least-squares solution must be"
                        : "— NOT orthogonal: the solve lost accuracy")
                        : sampledOf > 0 ? "— not expected to vanish: the solution is of all the datapoints, these are a sample"
                        : "— not expected to vanish: SW solved a sample or averaged partitions")));
        if (sampledOf > 0) {
            facts.add(2, String.format("Sampled: %,d of the run's %,d datapoints, evenly spread, brought here from where the run keeps them "
                    + "(the singular values and the condition are the sample's)", rowsChecked, sampledOf));
        }
        return List.copyOf(facts);
    }

    public static String sci(double v) {
        return Double.isInfinite(v) ? "∞" : String.format("%.3g", v);
    }
}
