package starnet.session;

import starnet.io.SessionFile;

import starnet.model.StepResult;
import starnet.training.CancelledException;
import starnet.training.Engines;
import starnet.training.LayerSystem;
import starnet.training.StarNetTrainer;

import java.util.Set;
import java.util.concurrent.CompletableFuture;
/** A session's training runs: the schedule's steps as background tasks, narration stops, the classroom delay, autosave while training. Worker only, but for the volatile settings. */
final class SessionTraining {
    private final SessionCore core;

    volatile Autosave autosave;
    volatile boolean inspectEveryStep;
    volatile boolean heldOutCurve;
    volatile boolean liveLatentMap;
    volatile Set<StopPoint> stopPoints = Set.of();

    long lastAutosave = System.nanoTime();
    long autosavedRevision = -1;

    SessionTraining(SessionCore core) {
        this.core = core;
        this.heldOutCurve = core.interactive;
    }

    /** Runs a training command as a background task, publishing a state after every solve; {@code pause()} stops it within the solve. */
    CompletableFuture<Void> run(TrainAction command) {
        return core.tasks.task(TaskKind.TRAIN, command.label(), ctx -> {
            Work w = core.work;
            String blocked = core.state.trainBlockedReason();
            if (!blocked.isEmpty()) throw new UserError(blocked);
            TrainingRun run = w.run;
            StarNetTrainer t = run.trainer();
            int total = Math.max(1, w.config.architecture().depth() * w.config.training().maxEpochs() * 2);
            core.activeCommand = command;
            core.publish();
            StopPoint[] stoppedAt = new StopPoint[1];
            TaskContext runContext = new TaskContext() {
                @Override public boolean isCancelled() { return stoppedAt[0] != null || ctx.isCancelled(); }
                @Override public void progress(double fraction, String detail) { ctx.progress(fraction, detail); }
            };
            LayerSystem evaluation = Engines.layerSystem(w.config, core.la);
            t.setListener(r -> {
                if (w.streamed != null) w.log.keepNewestResidualsOnly(); // N residuals a step: a long run of millions keeps the newest only
                w.log.steps.add(r);
                w.log.heldOut.add(heldOutCurve ? HeldOutItems.outputMse(w, t, r, evaluation) : Double.NaN); // the step is committed already
                Exploring.afterStep(w, t, evaluation, inspectEveryStep, liveLatentMap);
                w.log.history.add(run.snapshot(r));
                if (w.log.history.size() > WorkbenchSession.HISTORY_LIMIT) w.log.history.subList(1, w.log.history.size() - WorkbenchSession.HISTORY_LIMIT + 1).clear();
                for (SessionListener l : core.listeners) l.stepDone(r);
                core.changed(w);
                ctx.progress(Math.min(1, w.log.steps.size() / (double) total), r.summary());
                core.tasks.drainSafePoint();
                autosaveIfDue(r.layerDone(), t.isFinished());
                stoppedAt[0] = stopAfter(r, t);
                if (stoppedAt[0] == null) pauseBetweenSteps(ctx);
            });
            try {
                switch (command) {
                    case STEP_SL -> t.stepLatents(runContext);
                    case STEP_SW -> t.stepWeights(runContext);
                    case STEP_EPOCH -> t.stepEpoch(runContext);
                    case TRAIN_LAYER -> t.trainLayer(runContext);
                    case TRAIN_ALL -> t.trainAll(runContext);
                }
            } catch (CancelledException e) {
                if (stoppedAt[0] == null || ctx.isCancelled()) throw e;
                core.notice(Notice.info("Stopped " + stoppedAt[0].words() + ", as asked: " + stopStory(t) + " Press Play to continue."));
            } finally {
                t.setListener(null);
                core.activeCommand = null;
                core.publish();
            }
            return null;
        });
    }

    /** The narration stop that {@code r} reaches, if it is asked for and training goes on after it; else null. */
    private StopPoint stopAfter(StepResult r, StarNetTrainer t) {
        if (t.isFinished()) return null;
        Set<StopPoint> stops = stopPoints;
        if (r.layerDone() && stops.contains(StopPoint.LAYER_END)) return StopPoint.LAYER_END;
        return t.closedEpoch(r) && stops.contains(StopPoint.EPOCH_END) ? StopPoint.EPOCH_END : null;
    }

    /** Where the run stands, in words, for the notice of a narration stop. */
    private static String stopStory(StarNetTrainer t) {
        return "layer " + t.currentLayer() + " is next, " + t.epochsDone() + " epoch" + (t.epochsDone() == 1 ? "" : "s") + " done on it.";
    }

    private void pauseBetweenSteps(TaskContext ctx) {
        long until = System.currentTimeMillis() + core.stepDelayMillis.get();
        while (System.currentTimeMillis() < until) {
            ctx.check();
            try {
                Thread.sleep(Math.min(20, Math.max(1, until - System.currentTimeMillis())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            }
        }
    }

    /** Writes an autosave now if the work differs from its file and from the last autosave (taken between two solves). */
    void autosaveNow() {
        core.tasks.atSafePoint(() -> {
            Autosave a = autosave;
            if (a != null && core.work.run != null && core.dirty(core.work) && core.work.revision != autosavedRevision) offerAutosave(a);
        });
    }

    /** Offers an image of the work as it is now, changed or not: a batch run's image as it starts, to continue from. */
    void imageNow() {
        core.tasks.atSafePoint(() -> {
            Autosave a = autosave;
            if (a != null && core.work.run != null) offerAutosave(a);
        });
    }

    /** After every solve: its contents are small next to the time a solve takes, so a killed window loses at most the solve that ran. */
    private void autosaveIfDue(boolean layerDone, boolean runEnded) {
        Autosave a = autosave;
        if (a != null && a.due(layerDone, runEnded)) offerAutosave(a);
    }

    private void offerAutosave(Autosave a) {
        if (core.parked != null) return; // a lesson's work: the autosave keeps the work set aside, not the lesson's
        lastAutosave = System.nanoTime();
        autosavedRevision = core.work.revision;
        core.work.run.imageWritten(a.writtenFiles());
        if (!core.work.run.fitsASessionFile(a.latentsDir())) {
            if (!core.work.autosaveSkipped) core.notice(Notice.info("No autosave for this run: its latents are on disk and larger than memory holds; "
                    + "the model can still be exported (File → Export)."));
            core.work.autosaveSkipped = true;
            return;
        }
        try {
            long t0 = System.nanoTime();
            SessionContents.Shared image = SessionContents.shared(core.work, core.stepDelayMillis.get(), a.latentsDir());
            a.offer(image.contents(), System.nanoTime() - t0, image.release());
            String failure = core.work.run.latentFilesFailure();
            if (failure != null && a.latentsDir() != null && !core.work.latentFilesNoted) {
                core.work.latentFilesNoted = true;
                core.notice(Notice.info("The run's images keep their latents here after all: " + failure + ". Give --checkpoint-dir a folder every "
                        + "node sees (or an hdfs:// address) so that the executors write them there."));
            }
        } catch (RuntimeException | OutOfMemoryError e) { // an autosave never stops the training it protects
            AppLog.error("taking the contents for an autosave", e);
        }
    }
}
