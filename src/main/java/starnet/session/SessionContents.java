package starnet.session;

import starnet.model.EngineSpec;

import starnet.model.DataException;
import starnet.model.Dataset;
import starnet.data.Datasets;
import starnet.model.IoMessages;
import starnet.io.SessionFile;
import starnet.model.DataSpec;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.DeterminednessReport;
import starnet.training.StarNetTrainer;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Between a session's work and its file: the immutable contents a save writes, and the work an open restores. */
final class SessionContents {
    private SessionContents() {}

    /**
     * The immutable contents of {@code w} (which has a run) for a session file: the current latents are copied
     * (the next solves overwrite their buffer); everything else it holds is never written again. Worker only.
     */
    static SessionFile.Session of(Work w) {
        return of(w, 0);
    }

    /** {@link #of(Work)} with how the run is watched: its held-out curve and the wait after each solve. */
    static SessionFile.Session of(Work w, long stepDelayMillis) {
        return of(w, stepDelayMillis, null);
    }

    /**
     * {@link #of(Work, long)}, the latents written as files under {@code latentsDir} by the machines that hold them where the
     * run's engine can (a cluster's executors; see {@link TrainingRun#imageState}), else held as usual; null: held.
     */
    static SessionFile.Session of(Work w, long stepDelayMillis, String latentsDir) {
        return withWatching(w, w.streamed != null ? streamed(w, latentsDir) : whole(w, latentsDir, false).contents(), stepDelayMillis);
    }

    /** Contents that share the run's current latents instead of copying them, and what lets the run write into them again. */
    record Shared(SessionFile.Session contents, Runnable release) {}

    /**
     * {@link #of(Work, long, String)} for an image written while the run goes on (an autosave): a run in memory lends its
     * current latents until {@link Shared#release} runs (its next solves write elsewhere meanwhile) instead of copying them.
     */
    static Shared shared(Work w, long stepDelayMillis, String latentsDir) {
        if (w.streamed != null) return new Shared(of(w, stepDelayMillis, latentsDir), () -> {});
        Shared s = whole(w, latentsDir, true);
        return new Shared(withWatching(w, s.contents(), stepDelayMillis), s.release());
    }

    private static SessionFile.Session withWatching(Work w, SessionFile.Session s, long stepDelayMillis) {
        double[] held = w.log.heldOut.stream().mapToDouble(Double::doubleValue).toArray();
        return new SessionFile.Session(s.config(), s.dataset(), s.pinned(), s.pinnedTargets(), s.training(), s.history(), s.baselines(), s.provenance(),
                s.stream(), new SessionFile.Watching(held, stepDelayMillis));
    }

    /** @param lend a run in memory lends its current latents to the contents (see {@link #shared}) instead of copying them */
    private static Shared whole(Work w, String latentsDir, boolean lend) {
        if (!w.run.fitsASessionFile(latentsDir)) {
            throw new UserError("This run's latents are on disk (" + w.engine.words() + ") and larger than memory holds, so a session file cannot "
                    + "take them; export the model (File → Export) to keep the decoder and its codes.");
        }
        Dataset d = w.dataset;
        StarNetTrainer.State st = w.run.imageState(latentsDir);
        starnet.training.TrainingEngine.InMemory lender = lend ? w.run.trainer().engine().inMemory() : null;
        Matrix latents = st.latents() == null || lender != null ? st.latents() : st.latents().copy();
        StarNetTrainer.State copy = new StarNetTrainer.State(st.decoder(), st.layer(), latents, st.epoch(),
                st.firstHalfDone(), st.lastEpochLoss(), st.finishedLatents(), st.log(), st.files());
        int[] pins = w.pinned.clone();
        SessionFile.Session contents = new SessionFile.Session(w.config, new SessionFile.DatasetRef(w.config.data().source(),
                w.config.data().split().id(), w.datapoints, d.channels(), d.height(), d.width(), w.contentHash()), pins, d.selectRows(pins),
                TrainingStates.saved(copy), List.copyOf(w.log.history), w.facts.baselinesFor(w.config), w.run.provenance(w.config, w.datapoints,
                w.contentHash()));
        return new Shared(contents, latents != null && lender != null ? lender.hold(latents) : () -> {}); // lent once nothing can fail
    }

    /**
     * The contents of a finished run whose rows its engine read from a file that outlives it: no latents (they stay with
     * the engine's store, or are not needed to show the run), the steps with the newest step's residuals, the history of
     * the pinned items, and where the rows are, so that opening the session shows the run and trains on its engine again.
     */
    private static SessionFile.Session streamed(Work w, String latentsDir) {
        if (!w.streamed.lasting()) {
            throw new UserError("This run read its rows from a temporary store that goes with it, so a session file could not find them again; "
                    + "train with --store DIR to keep them.");
        }
        if (!w.run.trainer().isFinished() && !w.run.fitsASessionFile(latentsDir)) {
            throw new UserError("This run's latents are on disk and larger than memory holds, so a session file cannot take them before training "
                    + "ends; train every layer, or export the model (File → Export).");
        }
        Dataset d = w.dataset;
        StarNetTrainer t = w.run.trainer();
        // a finished run names the latents its engine's machines wrote, if it kept them; else it is shown and trained again from the start
        StarNetTrainer.State st = t.isFinished()
                ? new StarNetTrainer.State(t.decoder(), -1, null, t.epochsDone(), false, Double.NaN, new starnet.math.Matrix[t.decoder().depth()], t.log(),
                w.finalLatents)
                : w.run.imageState(latentsDir);
        int[] pins = w.pinned.clone();
        SessionFile.DataStream stream = new SessionFile.DataStream(w.streamed.file(), w.streamed.divisor(), w.streamed.rows(), w.engine);
        return new SessionFile.Session(w.config, new SessionFile.DatasetRef(w.config.data().source(), w.config.data().split().id(), w.datapoints,
                d.channels(), d.height(), d.width(), ""), pins, d.selectRows(pins), TrainingStates.saved(st),
                List.copyOf(w.log.history), null, w.run.provenance(w.config, w.datapoints, ""), stream);
    }

    /**
     * The work saved in {@code file}, its data reloaded and checked against the file's content hash; the run
     * continues where it was. The caller sets its revision and file identity.
     *
     * @throws UserError in plain words when the file or its data cannot be used (the current work is unchanged)
     */
    static Work restore(Path file, LinearAlgebra la, TaskContext ctx) {
        return restore(file, la, ctx, null);
    }

    /** {@link #restore(Path, LinearAlgebra, TaskContext)} on {@code engine} (null: in memory, or the engine that read a file's rows). */
    static Work restore(Path file, LinearAlgebra la, TaskContext ctx, EngineSpec engine) {
        SessionFile.Session s;
        try {
            s = SessionFile.read(file);
        } catch (IOException e) {
            throw new UserError("Could not open " + file + ": " + IoMessages.describe(e, file) + ". Your current work is unchanged.");
        }
        SessionFile.DatasetRef ref = s.dataset();
        if (s.stream() != null) return restoreStreamed(file, s, la, ctx, engine);
        ctx.progress(-1, "loading " + ref.source());
        Dataset d;
        try {
            d = Datasets.load(new DataSpec(ref.source(), starnet.model.Split.parse(ref.split()), 0, s.config().data().csv()));
        } catch (DataException e) {
            throw new UserError("Could not open " + file + ": " + e.getMessage() + ". Your current work is unchanged.");
        }
        if (d.size() < ref.count() || !d.contentHash(ref.count()).equals(ref.sha256())) {
            throw new UserError("Could not open " + file + ": the data at " + ref.source() + " (" + ref.split()
                    + ") is not the data this session was trained on (its content changed). Your current work is unchanged.");
        }
        ctx.check();
        Work w = new Work(s.config());
        w.dataset = d;
        if (engine != null) w.engine = engine;
        w.datapoints = ref.count();
        w.pinned = s.pinned().clone();
        List<starnet.model.LayerPlan> plan = List.copyOf(s.config().architecture().plan(d.channels(), d.height(), d.width()));
        w.setup = new ModelSetup(plan, DeterminednessReport.forDecoder(plan, ref.count(), s.config().architecture().slope(), s.config().training()), "");
        w.run = TrainingRun.restore(s.config(), d, ref.count(), null, w.pinned, w.engine, la, reachable(file, TrainingStates.state(s.training())),
                s.history().size());
        w.log.history.addAll(s.history());
        w.log.steps.addAll(s.training().steps());
        restoreWatching(w, s);
        w.facts = w.facts.withBaselines(s.baselines(), s.baselines() == null ? null : s.config());
        return w;
    }

    /**
     * {@code st} as it can be continued: when it names latent files that are gone (a run folder's {@code latents/} deleted to
     * reclaim the disk), a finished run is opened without them, to be trained again; a stopped run cannot go on.
     */
    private static StarNetTrainer.State reachable(Path file, StarNetTrainer.State st) {
        starnet.model.LatentFiles f = st.files();
        if (f == null) return st;
        for (int i = 0; i < f.layers().size(); i++) {
            if (!f.has(i) || starnet.store.Locations.size(f.file(i, 0)) >= 0) continue;
            if (st.layer() >= 0) {
                throw new UserError("Could not open " + file + ": the latents it continues from are not in " + f.folder(f.layers().get(i))
                        + " any more. Your current work is unchanged.");
            }
            return new StarNetTrainer.State(st.decoder(), -1, null, st.epoch(), st.firstHalfDone(), st.lastEpochLoss(), st.finishedLatents(), st.log());
        }
        return st;
    }

    /** The held-out curve as it was (NaN where not measured, or for files from before it was kept). */
    private static void restoreWatching(Work w, SessionFile.Session s) {
        double[] held = s.watching() == null ? new double[0] : s.watching().heldOut();
        w.openedDelayMillis = s.watching() == null ? 0 : s.watching().stepDelayMillis();
        for (int i = 0; i < w.log.steps.size(); i++) w.log.heldOut.add(i < held.length ? held[i] : Double.NaN);
        // the curve is drawn for held-out items it can name: find them now, as the first solve would have
        if (java.util.Arrays.stream(held).anyMatch(Double::isFinite)) HeldOutItems.data(w);
    }

    /** A run whose rows are in a file its engine reads: the first items loaded for the grids, the run on its own engine again. */
    private static Work restoreStreamed(Path file, SessionFile.Session s, LinearAlgebra la, TaskContext ctx, EngineSpec engine) {
        SessionFile.DataStream stream = s.stream();
        SessionFile.DatasetRef ref = s.dataset();
        String rows = stream.file();
        boolean remote = starnet.model.DataSpec.isAddress(rows);
        if (!remote && !java.nio.file.Files.isRegularFile(Path.of(rows))) {
            throw new UserError("Could not open " + file + ": its rows were read from " + rows + ", which is not there any more. Your current work is unchanged.");
        }
        ctx.progress(-1, "loading the first items of " + ref.source());
        Dataset d;
        try {
            d = remote ? RemoteData.preview(rows, stream.divisor(), (int) Math.min(Runs.PREVIEW, stream.rows()))
                    : Datasets.load(new DataSpec(ref.source(), starnet.model.Split.parse(ref.split()), (int) Math.min(Runs.PREVIEW, stream.rows()), s.config().data().csv()));
        } catch (DataException e) {
            throw new UserError("Could not open " + file + ": " + e.getMessage() + ". Your current work is unchanged.");
        }
        if (java.util.Arrays.stream(s.pinned()).anyMatch(r -> r >= d.size())) {
            throw new UserError("Could not open " + file + ": its pinned items are not among the first " + d.size() + " of " + ref.source() + ".");
        }
        ctx.check();
        Work w = new Work(s.config());
        w.dataset = d;
        w.streamed = new Streamed(rows, stream.divisor(), stream.rows(), true);
        w.engine = engine != null ? engine : stream.engine();
        w.datapoints = ref.count();
        w.pinned = s.pinned().clone();
        List<starnet.model.LayerPlan> plan = List.copyOf(s.config().architecture().plan(d.channels(), d.height(), d.width()));
        w.setup = new ModelSetup(plan, DeterminednessReport.forDecoder(plan, ref.count(), s.config().architecture().slope(), s.config().training()), "");
        w.run = TrainingRun.restore(s.config(), d, ref.count(), w.streamed, w.pinned, w.engine, la, reachable(file, TrainingStates.state(s.training())),
                s.history().size());
        w.log.history.addAll(s.history());
        w.log.steps.addAll(s.training().steps());
        restoreWatching(w, s);
        return w;
    }
}
