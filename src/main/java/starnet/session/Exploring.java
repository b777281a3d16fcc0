package starnet.session;

import starnet.model.Dataset;
import starnet.model.LatentMap;
import starnet.explore.LatentMaps;
import starnet.model.Projection;
import starnet.explore.SolverInspector;
import starnet.model.SystemInspection;
import starnet.math.Matrix;
import starnet.model.ConvUnpoolLayer;
import starnet.model.LeakyRelu;
import starnet.model.StepResult;
import starnet.training.Cancellation;
import starnet.training.Inference;
import starnet.training.LayerSystem;
import starnet.training.StarNetTrainer;

/** The exploration jobs on a work's run (worker only): inspections of its solves and maps of its latents. */
final class Exploring {
    private Exploring() {}

    /** After a training step: inspect it and/or map its latents when asked; failures are logged, never stop training. */
    static void afterStep(Work w, StarNetTrainer t, LayerSystem system, boolean inspect, boolean map) {
        if (inspect) {
            try {
                inspect(w, Cancellation.NEVER);
            } catch (UserError e) {
                // a system the inspector does not cover (SL of a conv layer too large to build): nothing recorded for this step
            } catch (RuntimeException e) {
                AppLog.error("inspecting a step", e);
            }
        }
        if (map) {
            try {
                w.log.latentMap = map(w, Projection.PCA, system, Cancellation.NEVER);
            } catch (RuntimeException e) {
                AppLog.error("mapping the latents", e);
            }
        }
    }

    /** That the run's arrays are in this heap, which {@code what} reads whole. */
    private static void requireInMemory(Work w, String what) {
        if (w.run.trainer().data() == null) {
            throw new UserError(what + ": it reads the newest solve's arrays whole, and this run keeps them " + w.engine.words()
                    + "; train in memory (or on fewer items) to use it.");
        }
    }

    /** Inspects the newest step and records it with the work. */
    static SystemInspection inspect(Work w, Cancellation cancel) {
        StarNetTrainer t = w.run.trainer();
        SystemInspection in;
        try {
            LeakyRelu act = new LeakyRelu(w.config.architecture().slope());
            in = t.data() != null ? SolverInspector.inspectNewest(t, act, cancel) : SolverInspector.inspectNewestSample(t, act, cancel);
        } catch (IllegalStateException e) {
            throw new UserError("Solver inspector: " + e.getMessage() + ".");
        }
        w.log.inspections.put(in.step().step(), in);
        return in;
    }

    /**
     * The newest step's latents (the codes h₀ once the first layer has run) in 2D, coloured by label, with the held-out
     * items' latents inferred down to the same layer (paper Lemma 3) when every layer from there up can be inverted.
     */
    static LatentMap map(Work w, Projection p, LayerSystem system, Cancellation cancel) {
        StarNetTrainer t = w.run.trainer();
        requireInMemory(w, "Latent map");
        StarNetTrainer.StepSystem s = t.newestSystem();
        if (s == null) throw new UserError("Latent map: run a step first.");
        Matrix latents = s.latents();
        int index = s.index();
        String source = index == 0 ? "codes h₀ (" + latents.cols() + "-d)" : "latents entering layer " + (index + 1) + " (" + latents.cols() + "-d)";
        StepResult step = s.step();
        source += ", after step " + step.number() + " (layer " + step.layer() + " " + step.phase() + step.epoch() + ")";
        Dataset d = w.dataset;
        int[] labels = d.labels() == null ? null : java.util.Arrays.copyOf(d.labels(), w.datapoints);
        Dataset held = HeldOutItems.data(w);
        Matrix heldLatents = null;
        boolean invertible = t.decoder().layers().stream().noneMatch(l -> l instanceof ConvUnpoolLayer c && !c.denseFits());
        if (held != null && invertible) heldLatents = Inference.latentsDownTo(system, t.decoder(), held.images(), index, cancel);
        try {
            return LatentMaps.map(p, source, latents, labels, heldLatents, held == null ? null : held.labels(), d.classNames(),
                    w.config.training().seed(), system.linearAlgebra(), cancel);
        } catch (IllegalArgumentException e) {
            throw new UserError("Latent map: " + e.getMessage() + ".");
        }
    }
}
