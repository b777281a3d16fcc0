package starnet.session;

import starnet.baseline.Autoencoder;
import starnet.baseline.Pca;
import starnet.model.Dataset;
import starnet.model.IoMessages;
import starnet.math.Matrix;
import starnet.model.Baselines;
import starnet.model.Decoder;
import starnet.model.StepResult;
import starnet.model.TrainingSnapshot;
import starnet.training.Engines;
import starnet.training.LayerSystem;
import starnet.training.StarNetTrainer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
/** A session's jobs that read the model: items opened, PCA and the baselines, refinement adopted, the solver inspector, latent maps, sweeps, runs compared. */
final class SessionAnalysis {
    private final SessionCore core;

    SessionAnalysis(SessionCore core) {
        this.core = core;
    }

    /** Runs {@code job} as a cancellable background task on the current model; its result completes the future. */
    <T> CompletableFuture<T> researchTask(TaskKind kind, String title, Function<WorkbenchSession.ResearchJob, T> job) {
        return core.tasks.task(kind, title, ctx -> {
            Work w = core.work;
            if (w.run == null) throw new UserError(title + ": load a dataset and make a valid model first.");
            if (w.run.trainer().data() == null) throw new UserError(title + ": this needs the data in memory; the run trains " + w.engine.words() + ".");
            return job.apply(new WorkbenchSession.ResearchJob(new WorkbenchSession.WorkView(w.run.trainer(), w.dataset.limit(w.datapoints), w.config, core.la), ctx));
        });
    }

    /** The PCA of the data in use once computed, else null (worker). */
    starnet.baseline.Pca pcaFitted() { return core.work.facts.pca(); }

    /** Opens one item: its image, current reconstruction and latest residual. */
    CompletableFuture<ItemDetail> inspect(int row) {
        return core.tasks.task(TaskKind.INSPECT, "Opening item " + row, ctx -> {
            Work w = core.work;
            if (w.run == null || row < 0 || row >= w.datapoints) throw new UserError("Item " + row + " is not among the datapoints in use.");
            StepResult last = w.log.steps.isEmpty() ? null : w.log.steps.get(w.log.steps.size() - 1);
            return new ItemDetail(row, w.dataset.labelText(row), w.dataset.rows(row, row + 1), w.run.reconstructItem(row),
                    last == null ? Double.NaN : last.residualOf(row));
        });
    }

    /** Fits PCA to the data in use (for the bound on the loss chart and the PCA row of the grid); kept until the data changes. */
    CompletableFuture<starnet.model.PcaBound> computePca() {
        return core.tasks.task(TaskKind.BASELINE, "PCA of the data in use", ctx -> {
            Work w = core.work;
            if (w.facts.pca() == null) {
                if (w.dataset == null) throw new UserError("PCA: load a dataset first.");
                w.facts = w.facts.withPca(Pca.fit(w.datapoints < w.dataset.size() ? w.dataset.rows(0, w.datapoints) : w.dataset.images(), core.la));
                core.publish();
            }
            return w.facts.pca().bound();
        });
    }

    /**
     * Fig. 6's references for the data and architecture in use: PCA at the code width (the Eckart–Young bound) and
     * an Adam autoencoder of the same widths, trained for as many epochs as StarNet has run over all layers (at
     * least the configuration's epochs per layer times the depth). Kept with the session and saved in its file.
     */
    CompletableFuture<Baselines> computeBaselines() {
        return core.tasks.task(TaskKind.BASELINE, "Autoencoder and PCA baselines", ctx -> {
            Work w = core.work;
            if (w.run == null) throw new UserError("Baselines: load a dataset and make a valid model first.");
            Dataset d = w.dataset;
            Matrix x = w.datapoints < d.size() ? d.rows(0, w.datapoints) : d.images();
            int[] widths = w.config.architecture().widths(d.channels(), d.height(), d.width());
            ctx.progress(0, "PCA");
            if (w.facts.pca() == null) w.facts = w.facts.withPca(Pca.fit(x, core.la));
            double pcaMse = w.facts.pca().mse(widths[0]);
            int closed = 0;
            for (int i = 0; i < w.log.steps.size(); i++) if (StepResult.closesEpoch(w.log.steps, i)) closed++;
            int epochs = Math.max(closed, w.config.training().maxEpochs() * w.config.architecture().depth());
            Autoencoder ae = new Autoencoder(widths, w.config.architecture().slope(), w.config.training().seed());
            double[] curve = new double[epochs];
            for (int e = 0; e < epochs; e++) {
                ctx.check();
                ctx.progress((double) e / epochs, "autoencoder epoch " + (e + 1) + " of " + epochs);
                ae.trainEpoch(x, core.la);
                curve[e] = starnet.training.LayerSystem.mse(ae.reconstruct(x, core.la), x);
            }
            w.facts = w.facts.withBaselines(new Baselines(widths[0], pcaMse, curve), w.config);
            core.changed(w);
            core.notice(Notice.info(String.format(java.util.Locale.ROOT, "Baselines: PCA rank %d MSE %.5f; autoencoder MSE %.5f after %d epochs.",
                    widths[0], pcaMse, curve[epochs - 1], epochs)));
            return w.facts.baselines();
        });
    }

    /**
     * Continues from a refined model of the same shape: the run becomes finished with {@code decoder} and
     * {@code codes} (and the latents they give every layer); a snapshot labelled {@code label} is added.
     */
    CompletableFuture<Void> adoptRefined(Decoder decoder, Matrix codes, String label) {
        return core.tasks.task(TaskKind.REFINE, "Adopting the refined model", ctx -> {
            Work w = core.work;
            StarNetTrainer.State st = w.run.trainer().state();
            Matrix[] finished = st.finishedLatents().clone();
            finished[0] = codes;
            for (int i = 1; i < finished.length; i++) finished[i] = decoder.decodeFrom(core.la, 0, codes, i);
            var refined = new StarNetTrainer.State(decoder, -1, null, st.epoch(), false, st.lastEpochLoss(), finished, st.log());
            if (w.run.trainer().data() == null) throw new UserError("Refinement needs the data in memory; this run trains " + w.engine.words() + ".");
            w.run = TrainingRun.restore(w.config, w.dataset, w.datapoints, null, w.pinned, starnet.model.EngineSpec.memory(), core.la, refined, w.log.history.size());
            TrainingSnapshot snap = w.run.snapshot(null);
            w.log.history.add(new TrainingSnapshot(snap.index(), null, label, snap.layer(), snap.nextPhase(), snap.epochsDone(), snap.current(), snap.afterLayer()));
            core.changed(w);
            return null;
        });
    }

    /** Inspects the newest step's system and keeps the result with the run. */
    CompletableFuture<starnet.model.SystemInspection> inspectNewestSystem() {
        return core.tasks.task(TaskKind.EXPLORE, "Inspecting the newest solve", ctx -> {
            Work w = core.work;
            if (w.run == null || w.log.steps.isEmpty()) throw new UserError("Solver inspector: run a step first (SL or SW).");
            var in = Exploring.inspect(w, ctx);
            core.changed(w);
            return in;
        });
    }

    /** Maps the newest step's latents (the codes h₀ once training is done) to 2D and keeps the map with the run. */
    CompletableFuture<starnet.model.LatentMap> latentMap(starnet.model.Projection p) {
        return core.tasks.task(TaskKind.EXPLORE, "Latent map (" + p.label() + ")", ctx -> {
            Work w = core.work;
            if (w.run == null || w.log.steps.isEmpty()) throw new UserError("Latent map: run a step first; the map shows the latents it solved.");
            ctx.progress(-1, p == starnet.model.Projection.UMAP ? "UMAP on up to " + starnet.explore.LatentMaps.UMAP_POINTS + " items" : "PCA");
            w.log.latentMap = Exploring.map(w, p, Engines.layerSystem(w.config, core.la), ctx);
            core.changed(w);
            return w.log.latentMap;
        });
    }

    /**
     * Runs {@code sweep} on the data in use into {@code dir} (resuming what is there), as a cancellable background
     * task; training waits for it. {@code onRow} gets each row on the worker.
     */
    CompletableFuture<List<starnet.model.SweepRow>> sweep(starnet.model.SweepPlan plan, Path dir, java.util.function.Consumer<starnet.model.SweepRow> onRow) {
        starnet.explore.Sweep sweep = new starnet.explore.Sweep(plan);
        return core.tasks.task(TaskKind.SWEEP, "Sweep of " + String.join(" × ", sweep.axes().stream().map(a -> a.param().id()).toList()), ctx -> {
            Work w = core.work;
            if (w.dataset == null) throw new UserError("Sweep: load a dataset first.");
            try {
                return sweep.run(w.dataset, core.la, dir, onRow, ctx::progress, ctx);
            } catch (IllegalArgumentException e) {
                throw new UserError("Sweep: " + e.getMessage() + ".");
            } catch (IOException e) {
                throw new UserError("Sweep: could not write to " + dir + " (" + IoMessages.describe(e, dir) + "). The rows finished so far are kept there.");
            }
        });
    }

    /** Each run's reconstruction of the pinned items in use (their codes inferred through its decoder); null where the images differ. */
    CompletableFuture<List<Matrix>> reconstructPinned(List<starnet.model.RunRecord> runs) {
        return core.tasks.task(TaskKind.EXPLORE, "Reconstructing the pinned items with " + runs.size() + " runs", ctx -> {
            Work w = core.work;
            if (w.dataset == null) throw new UserError("Compare: load a dataset first; the runs reconstruct its pinned items.");
            Matrix items = w.dataset.selectRows(w.pinned);
            List<Matrix> out = new ArrayList<>(starnet.explore.RunComparison.reconstructions(runs, items, core.la, ctx));
            out.add(0, items);
            return out;
        });
    }
}
