package starnet.session;

import starnet.model.IoMessages;
import starnet.io.ModelFile;
import starnet.io.SessionFile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
/** A session's files: save, open and recover, exports from the saved contents, kept runs, the run folder of a command. */
final class SessionStorage {
    private final SessionCore core;

    SessionStorage(SessionCore core) {
        this.core = core;
    }

    /** Saves everything needed to reopen exactly here, atomically; the contents are taken between two solves, the write runs on the I/O worker. */
    CompletableFuture<Path> save(Path file) {
        return core.tasks.ioTask(TaskKind.SAVE, "Saving " + file.getFileName(), () -> core.capture("save"), c -> {
            Path backup = null;
            try {
                backup = keepIfMoreTrained(file, c.contents().training().steps().size());
                SessionFile.write(file, c.contents());
            } catch (IOException | RuntimeException e) {
                AppLog.error("saving " + file, e);
                String why = e instanceof IOException x ? IoMessages.describe(x, file) : "an internal error (details are in the log)";
                throw new UserError("Could not save to " + file + ": " + why + ". Nothing was lost: the previous file, if any, is unchanged.");
            }
            Path kept = backup;
            core.worker.submit(() -> {
                core.owns(c.work(), file, c.revision());
                core.publish();
                core.notice(Notice.info("Saved the session to " + file + "." + (kept == null ? "" : " The file held more trained steps before; "
                        + "that version is kept as " + kept.getFileName() + ".")));
            });
            return file;
        });
    }

    /**
     * When {@code file} is a session holding more trained steps than the {@code steps} about to replace it, copies it
     * to {@code file~} first (replacing an older backup) and returns that path; else null.
     */
    static Path keepIfMoreTrained(Path file, int steps) throws IOException {
        if (!java.nio.file.Files.isRegularFile(file) || SessionFile.stepsIn(file) <= steps) return null;
        Path backup = file.resolveSibling(file.getFileName() + "~");
        starnet.io.AtomicFiles.write(backup, out -> java.nio.file.Files.copy(file, out));
        return backup;
    }

    /** Writes something made from the session as it would be saved now (a figure, the model, the metrics) as a background task. */
    CompletableFuture<Void> export(String title, WorkbenchSession.ContentsWriter writer) {
        return core.tasks.ioTask(TaskKind.EXPORT, title, () -> core.capture("export"), c -> {
            writer.write(c.contents());
            return null;
        });
    }

    /** The session as it would be saved now (taken between two solves), for exports. */
    CompletableFuture<SessionFile.Session> contents() {
        CompletableFuture<SessionFile.Session> f = new CompletableFuture<>();
        core.tasks.atSafePoint(() -> {
            if (core.work.run == null) f.completeExceptionally(new UserError("load a dataset and make a valid model first"));
            else f.complete(core.contents(core.work));
        });
        return f;
    }

    /** Opens a saved session: the data is reloaded and checked against the file, the run continues where it was. */
    CompletableFuture<Void> open(Path file) {
        return openAs(file, false);
    }

    /** Opens an autosave: the work comes back untitled and unsaved. */
    CompletableFuture<Void> recover(Path autosaveFile) {
        return openAs(autosaveFile, true);
    }

    /** Opens a saved session to continue its run on {@code engine} (a batch run resumed where it stopped). */
    CompletableFuture<Void> openOn(Path file, starnet.model.EngineSpec engine) {
        return openAs(file, false, engine);
    }

    private CompletableFuture<Void> openAs(Path file, boolean recovered) {
        return openAs(file, recovered, null);
    }

    private CompletableFuture<Void> openAs(Path asked, boolean recovered, starnet.model.EngineSpec engine) {
        return core.tasks.task(TaskKind.OPEN, (recovered ? "Recovering " : "Opening ") + asked.getFileName(), ctx -> {
            Path file = sessionFor(asked);
            Work w = SessionContents.restore(file, core.la, ctx, engine);
            core.discardTrainedSteps("opening " + file.getFileName());
            w.revision = ++core.revisions;
            if (recovered) w.identity = FileIdentity.UNTITLED;
            else core.owns(w, file, w.revision);
            core.work = w;
            core.stepDelayMillis.set(w.openedDelayMillis);
            core.publish();
            core.notice(Notice.info((recovered ? "Recovered the autosaved work: " : "Opened " + (file.equals(asked) ? "" : "the run's session beside "
                    + asked.getFileName() + ", ") + file.getFileName() + ": ")
                    + w.log.steps.size() + " steps, " + w.dataset.name() + "."));
            return null;
        });
    }

    /**
     * The session to open for {@code file}: itself, or — for a model file (what a file manager hands over for
     * model.starnet) — the session its run folder holds beside it.
     *
     * @throws UserError for a model file with no session beside it, saying what can be done with it
     */
    private static Path sessionFor(Path file) {
        if (!ModelFile.KIND.equals(SessionFile.kindOf(file))) return file;
        Path session = file.resolveSibling("session.starnet");
        if (SessionFile.KIND.equals(SessionFile.kindOf(session))) return session;
        throw new UserError(file.getFileName() + " is a model (the trained decoder, without the run's data or steps), and no session.starnet is beside it. "
                + "Open a session to see and continue a run; use a model with the command line (infer, generate, score). Your current work is unchanged.");
    }

    /** Keeps the run as it stands for comparison: writes its session contents to {@code file} and returns it as a run named {@code name}. */
    CompletableFuture<starnet.model.RunRecord> keepRun(String name, Path file) {
        return core.tasks.ioTask(TaskKind.SAVE, "Keeping the run \"" + name + "\"", () -> core.capture("keep"), c -> {
            try {
                Files.createDirectories(file.getParent());
                SessionFile.write(file, c.contents());
            } catch (IOException e) {
                throw new UserError("Could not keep the run in " + file + ": " + IoMessages.describe(e, file) + ".");
            }
            return Comparisons.of(name, c.contents(), file);
        });
    }

    /** The run as it stands, named {@code name}, for comparison (not written anywhere). */
    CompletableFuture<starnet.model.RunRecord> currentRun(String name) {
        return contents().thenApply(i -> Comparisons.of(name, i, null));
    }

    /** Writes the run's model, session and figure into {@code folder} (a run folder being staged). */
    CompletableFuture<RunFolder.Written> writeRunFolder(starnet.io.StagedFolder folder, Runs.Progress progress) {
        return core.tasks.task(TaskKind.SAVE, "Writing the run folder", ctx -> {
            try {
                return RunFolder.write(core.work, folder, progress);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Where the current model comes from (data, engine, backends, precision), as its files will record it. */
    CompletableFuture<starnet.model.Provenance> provenance() {
        return core.tasks.task(TaskKind.INSPECT, "Where the model comes from", ctx -> {
            Work w = core.work;
            if (w.run == null) throw new UserError("Load a dataset and make a valid model first.");
            return w.run.provenance(w.config, w.datapoints, w.streamed == null ? w.contentHash() : "");
        });
    }
}
