package starnet.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

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
 * @param swSample  SW on a random subset of this many datapoints per epoch (paper Lemma 8); 0 = all
 * @param swPartitions SW solved on this many partitions of the datapoints and the solutions averaged (paper Fig. 8); 1 = one solve
 * @param latentPath conv SL: auto (explicit operator when it fits, else matrix-free), dense or cg
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TrainingConfig(int maxEpochs, double tolerance, long seed, SolverKind solver, double ridge,
                             SolveOrder order, InitKind init, int swSample, int swPartitions, LatentPath latentPath) {
    public TrainingConfig {
        if (maxEpochs < 1) throw new IllegalArgumentException("epochs must be at least 1, got " + maxEpochs);
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) throw new IllegalArgumentException("tolerance must be a number ≥ 0, got " + tolerance);
        if (!(ridge >= 0) || ridge > 1) throw new IllegalArgumentException("ridge must be in [0, 1], got " + ridge);
        if (solver == null) solver = SolverKind.CHOLESKY;
        if (order == null) order = SolveOrder.SL_FIRST;
        if (init == null) init = InitKind.GAUSSIAN;
        if (swSample < 0) throw new IllegalArgumentException("SW sample size must be ≥ 0 (0 = all datapoints), got " + swSample);
        if (swPartitions == 0) swPartitions = 1;
        if (swPartitions < 1) throw new IllegalArgumentException("SW partitions must be ≥ 1, got " + swPartitions);
        if (latentPath == null) latentPath = LatentPath.AUTO;
    }

    public TrainingConfig(int maxEpochs, double tolerance, long seed, SolverKind solver, double ridge, SolveOrder order, InitKind init,
                          int swSample, int swPartitions) {
        this(maxEpochs, tolerance, seed, solver, ridge, order, init, swSample, swPartitions, LatentPath.AUTO);
    }

    public TrainingConfig(int maxEpochs, double tolerance, long seed, SolverKind solver, double ridge, SolveOrder order, InitKind init) {
        this(maxEpochs, tolerance, seed, solver, ridge, order, init, 0, 1, LatentPath.AUTO);
    }

    /**
     * Datapoints in the smallest SW system for {@code n} datapoints: n, or the sample size, divided among the
     * partitions (the trainer splits the sample as evenly as it can).
     */
    public int swDatapoints(int n) {
        int m = swSample == 0 || swSample >= n ? n : swSample;
        int parts = Math.max(1, Math.min(swPartitions, m));
        return m / parts;
    }

    public static TrainingConfig defaults() {
        return new TrainingConfig(5, 1e-3, 0, SolverKind.CHOLESKY, 1e-10, SolveOrder.SL_FIRST, InitKind.GAUSSIAN);
    }

    public TrainingConfig withMaxEpochs(int e) { return new TrainingConfig(e, tolerance, seed, solver, ridge, order, init, swSample, swPartitions, latentPath); }
    public TrainingConfig withTolerance(double t) { return new TrainingConfig(maxEpochs, t, seed, solver, ridge, order, init, swSample, swPartitions, latentPath); }
    public TrainingConfig withSeed(long s) { return new TrainingConfig(maxEpochs, tolerance, s, solver, ridge, order, init, swSample, swPartitions, latentPath); }
    public TrainingConfig withSolver(SolverKind s) { return new TrainingConfig(maxEpochs, tolerance, seed, s, ridge, order, init, swSample, swPartitions, latentPath); }
    public TrainingConfig withRidge(double r) { return new TrainingConfig(maxEpochs, tolerance, seed, solver, r, order, init, swSample, swPartitions, latentPath); }
    public TrainingConfig withOrder(SolveOrder o) { return new TrainingConfig(maxEpochs, tolerance, seed, solver, ridge, o, init, swSample, swPartitions, latentPath); }
    public TrainingConfig withSwSampling(int sample, int partitions) {
        return new TrainingConfig(maxEpochs, tolerance, seed, solver, ridge, order, init, sample, partitions, latentPath);
    }

    public TrainingConfig withLatentPath(LatentPath path) {
        return new TrainingConfig(maxEpochs, tolerance, seed, solver, ridge, order, init, swSample, swPartitions, path);
    }
    public TrainingConfig withInit(InitKind i) { return new TrainingConfig(maxEpochs, tolerance, seed, solver, ridge, order, i, swSample, swPartitions, latentPath); }
}
