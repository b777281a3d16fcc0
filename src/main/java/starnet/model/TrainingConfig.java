package starnet.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import starnet.math.SolverKind;

/**
 * How the layer-wise coordinate descent runs (DESIGN §2).
 *
 * @param maxEpochs epochs per layer at most, ≥ 1
 * @param tolerance stop a layer when the relative loss improvement of an epoch falls below this (≥ 0; 0 = never early)
 * @param seed      seeds initial weights and (SW-first) initial latents
 * @param solver    cholesky (default) or pinv
 * @param ridge     relative ridge λ for cholesky (λ·trace(G)/n), ≥ 0
 * @param order     SL first (default) or SW first
 * @param init      gaussian or orthogonal
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrainingConfig(int maxEpochs, double tolerance, long seed, SolverKind solver, double ridge,
                             SolveOrder order, InitKind init) {
    public TrainingConfig {
        if (maxEpochs < 1) throw new IllegalArgumentException("epochs must be at least 1, got " + maxEpochs);
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) throw new IllegalArgumentException("tolerance must be a number ≥ 0, got " + tolerance);
        if (!(ridge >= 0) || ridge > 1) throw new IllegalArgumentException("ridge must be in [0, 1], got " + ridge);
        if (solver == null) solver = SolverKind.CHOLESKY;
        if (order == null) order = SolveOrder.SL_FIRST;
        if (init == null) init = InitKind.GAUSSIAN;
    }

    public static TrainingConfig defaults() {
        return new TrainingConfig(5, 1e-3, 0, SolverKind.CHOLESKY, 1e-10, SolveOrder.SL_FIRST, InitKind.GAUSSIAN);
    }

    public TrainingConfig withMaxEpochs(int e) { return new TrainingConfig(e, tolerance, seed, solver, ridge, order, init); }
    public TrainingConfig withTolerance(double t) { return new TrainingConfig(maxEpochs, t, seed, solver, ridge, order, init); }
    public TrainingConfig withSeed(long s) { return new TrainingConfig(maxEpochs, tolerance, s, solver, ridge, order, init); }
    public TrainingConfig withSolver(SolverKind s) { return new TrainingConfig(maxEpochs, tolerance, seed, s, ridge, order, init); }
    public TrainingConfig withRidge(double r) { return new TrainingConfig(maxEpochs, tolerance, seed, solver, r, order, init); }
    public TrainingConfig withOrder(SolveOrder o) { return new TrainingConfig(maxEpochs, tolerance, seed, solver, ridge, o, init); }
    public TrainingConfig withInit(InitKind i) { return new TrainingConfig(maxEpochs, tolerance, seed, solver, ridge, order, i); }
}
