package starnet.session;

import starnet.model.Dataset;
import starnet.data.Datasets;
import starnet.io.SessionFile;
import starnet.io.StagedFolder;
import starnet.math.LinearAlgebra;
import starnet.model.DeterminednessReport;
import starnet.model.EngineKind;
import starnet.model.EngineSpec;
import starnet.model.LayerPlan;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;
import starnet.store.NpyRows;
import starnet.store.StoreData;
import starnet.store.StoreFolder;
import starnet.store.RowStore;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * A whole training run into a run folder, on any engine, through a session: what {@code train} does. Everything that
 * can be refused is refused before any data is read or written (the architecture against the data's declared shape,
 * determinedness, options that do not apply); then the data is loaded — or, when it does not fit the heap or is
 * augmented, written to a row store that the engine reads — the session trains every layer, and {@link RunFolder}
 * writes the folder, staged and committed at once.
 */
public final class Runs {
    /** Images kept in the heap for the grids when the data is read from a file. */
    static final int PREVIEW = 1000;

    private Runs() {}

    /** What to tell while training: notes (a line each) and every finished step. */
    public interface Progress extends starnet.model.WorkProgress {
        void step(StepResult r);
    }

    /** Progress written to {@code err}: notes as they are, steps as their summary lines. */
    public static Progress printingTo(PrintStream err) {
        return new Progress() {
            @Override public void note(String line) { err.println(line); }

            @Override public void step(StepResult r) { err.println(r.summary()); }
        };
    }

    /**
     * Trains {@code request} to the end and writes its folder.
     *
     * @throws UserError for a request that cannot be done as asked (nothing is written then)
     */
    public static RunResult train(RunRequest request, Compute compute, Progress progress) throws IOException {
        PhaseClock clock = new PhaseClock(System.err);
        StarNetConfig config = request.config();
        DeclaredData declared = DeclaredData.of(config.data());
        EngineSpec engine = chooseEngine(request, declared, progress);
        refuseWhatCannotRun(request, engine, declared);
        StoreFolder[] store = new StoreFolder[1];
        Path[] temporary = new Path[1];
        java.io.Closeable release = () -> { // the store's lock, and a temporary store folder, go with the run however it ends
            try {
                if (store[0] != null) store[0].close();
            } finally {
                if (temporary[0] != null) Cleanup.deleteTree(temporary[0]);
            }
        };
        StagedFolder[] staged = new StagedFolder[1];
        staged[0] = StagedFolder.open(request.out());
        try (release; StagedFolder folder = staged[0]) {
            Dataset dataset;
            Streamed streamed = null;
            if (declared != null && declared.remote() != null) { // read where it lies by the executors: nothing is copied here
                streamed = new Streamed(declared.remote(), RemoteData.divisor(declared.remote()), declared.images(), true);
                dataset = RemoteData.preview(declared.remote(), streamed.divisor(), (int) Math.min(PREVIEW, declared.images()));
                progress.note(String.format("the executors read %s where it lies (%,d images)", declared.remote(), declared.images()));
            } else if (inHeap(engine, declared)) {
                dataset = Datasets.load(config.data());
                requireDetermined(config, new int[] {dataset.channels(), dataset.height(), dataset.width()}, config.data().limit() > 0 ? Math.min(config.data().limit(), dataset.size()) : dataset.size());
            } else if (engine.store() != null && starnet.model.DataSpec.isAddress(engine.store())) { // written there once, read there by the executors
                streamed = remoteStore(config, engine, declared, progress);
                dataset = Datasets.load(config.data().withLimit((int) Math.min(PREVIEW, streamed.rows() / engine.shifts())));
            } else {
                if (engine.store() == null) temporary[0] = Cleanup.temporary(Files.createTempDirectory("starnet-store"));
                Path storeDir = engine.store() != null ? Path.of(engine.store()) : temporary[0];
                if (engine.store() == null) engine = new EngineSpec(engine.kind(), storeDir.toString(), engine.precision(), engine.chunk(), engine.master(),
                        engine.partitions(), engine.shifts());
                store[0] = StoreFolder.take(storeDir);
                streamed = streamedData(config, engine, declared, store[0], request.engine().store() != null, progress);
                dataset = Datasets.load(config.data().withLimit((int) Math.min(PREVIEW, streamed.rows() / engine.shifts())));
            }
            clock.done("data");
            Dataset loaded = dataset;
            boolean whole = streamed == null;
            LinearAlgebra la = compute.load(); // before any other thread starts: see Compute.load
            clock.done("backend");
            CompletableFuture<Void> ahead = CompletableFuture.runAsync(() -> { // while the session is set up
                if (whole) loaded.contentHash(loaded.size()); // for the session file
                starnet.figures.FigureWriter.prepare();
            });
            WorkbenchSession session = WorkbenchSession.immediate(la);
            try {
                SessionRuns.configure(session, config, dataset, engine, streamed, progress);
                clock.done("configure");
                if (engine.kind() == EngineKind.SPARK && engine.master() == null && SparkRuns.master() != null) {
                    engine = engine.withMaster(SparkRuns.master()); // spark-submit's: said, recorded, and continued on by --resume
                }
                progress.note("Backend: " + la.description() + "; data: " + dataset.name() + ", " + session.state().datapoints() + " items; training "
                        + engine.words());
                String unpacked = Messages.nativeLibraryUnpacked();
                if (unpacked != null) progress.note(unpacked);
                if (engine.kind() == EngineKind.SPARK) { // said once: an executor without OpenBLAS is 1.7× slower, and only its own log said so
                    List<String> executors = SessionRuns.await(session.provenance()).backends().stream().filter(b -> b.endsWith("(executors)"))
                            .map(b -> b.substring(0, b.length() - " (executors)".length())).toList();
                    progress.note("Executors solve with: " + (executors.isEmpty() ? "(none reported)" : String.join("; ", executors)));
                }
                boolean resumable = temporary[0] == null; // a temporary store goes with its process: nothing to continue from
                if (resumable) RunFile.write(folder.file(RunFile.NAME), new RunFile(engine, request.baselines(), request.checkpointDir()));
                return finish(session, folder, new RunRequest(config, engine, request.out(), request.baselines(), request.checkpointDir()), MetricsStart.NEW,
                        resumable, progress,
                        clock, ahead);
            } catch (IOException e) {
                throw e;
            } catch (Exception e) { // from the first job on: Spark's failures (a SparkException is checked, thrown unchecked) in plain words
                throw sparkFailure(e, engine, request.out(), folder);
            } finally {
                session.close();
                if (engine.kind() == EngineKind.SPARK) SparkRuns.stop(); // now, not in a shutdown hook: executors are released while logging still works
            }
        } catch (java.nio.file.FileSystemException e) {
            throw staged[0] == null ? e : staged[0].aboutTarget(e);
        }
    }

    /** A Spark failure of a run as one plain line with what to do (the run's image kept for --resume), else {@code e} itself. */
    private static RuntimeException sparkFailure(Exception e, EngineSpec engine, Path out, StagedFolder folder) {
        String plain = engine.kind() != EngineKind.SPARK ? null : SparkRuns.explain(e, out, Files.isRegularFile(folder.file(StagedFolder.RESUMABLE)));
        if (plain == null) return e instanceof RuntimeException r ? r : new IllegalStateException("the run failed", e);
        AppLog.error("Spark failure", e);
        return new UserError(plain);
    }

    /** Where a run's metrics.jsonl starts: a new file, or the lines of the steps a resumed run starts from. */
    private record MetricsStart(int keep) {
        static final MetricsStart NEW = new MetricsStart(-1);

        boolean isNew() { return keep < 0; }
    }

    /**
     * Trains the configured {@code session} to the end, keeping an image of it in the staging folder for {@code train
     * --resume} while it goes on, then writes and commits the run folder.
     */
    private static RunResult finish(WorkbenchSession session, StagedFolder folder, RunRequest run, MetricsStart start, boolean resumable, Progress progress,
                                    PhaseClock clock, CompletableFuture<Void> ahead) throws IOException {
        StarNetConfig config = run.config();
        CompletableFuture<Void> configJson = CompletableFuture.runAsync(() -> { // loading Jackson overlaps the first solves
            try {
                starnet.io.ConfigJson.write(folder.file("config.json"), config);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        ThreadWorker io = resumable ? new ThreadWorker("resume image", true) : null;
        String latents = resumable && run.engine().kind() != EngineKind.MEMORY ? latentsDir(run) : null;
        // out of core and on Spark the images' latents are files beside the run (linked from the stores, or written by the executors), so an image
        // of any size is small; where the driver cannot read the executors' files back, the images gather them here, on Spark at layer ends only
        Autosave image = resumable ? new Autosave(folder.file(StagedFolder.RESUMABLE), io, true, run.engine().kind() == EngineKind.SPARK && latents == null,
                latents) : null;
        session.setAutosave(image);
        SessionListener notices = new SessionListener() { // what the session says while the run goes on (from its first image on)
            @Override public void stateChanged(SessionState s) {}

            @Override public void notice(Notice n) { progress.note(n.text()); }
        };
        session.addListener(notices);
        if (resumable) {
            session.imageNow(); // the run as it starts: a run stopped in its first layer continues from here (engines that image at layer ends)
            progress.note("finished steps go to " + folder.file("metrics.jsonl") + " as they end; if this run stops, continue it with: train --resume "
                    + run.out());
        }
        long t0 = System.nanoTime();
        try (starnet.io.MetricsLog metrics = start.isNew() ? starnet.io.MetricsLog.create(folder.file("metrics.jsonl"))
                : starnet.io.MetricsLog.continuing(folder.file("metrics.jsonl"), start.keep())) {
            SessionListener listener = new SessionListener() {
                @Override public void stateChanged(SessionState s) {}

                @Override
                public void stepDone(StepResult r) {
                    progress.step(r);
                    try {
                        metrics.append(r);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
            };
            session.addListener(listener);
            SessionRuns.await(session.run(TrainAction.TRAIN_ALL));
            session.removeListener(listener);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            session.removeListener(notices);
            session.setAutosave(null);
            if (image != null) {
                image.flush();
                io.shutdown();
            }
        }
        Files.deleteIfExists(folder.file(StagedFolder.RESUMABLE)); // the run is whole: nothing to resume
        // a run out of core or on Spark keeps its final latents as files (in the run folder, unless --checkpoint-dir names another place),
        // named by its session: the solver inspector reads them there later; the images' files go
        starnet.model.LatentFiles kept = latents == null ? null : SessionRuns.await(session.keepFinalLatents(latents,
                files -> run.checkpointDir() != null ? files : intoRunFolder(files, folder, run.out())));
        if (latents != null && kept == null) deleteLatentFiles(latents);
        Files.deleteIfExists(folder.file(RunFile.NAME));
        double seconds = (System.nanoTime() - t0) / 1e9;
        clock.done("training");
        SessionRuns.join(configJson);
        if (run.baselines()) {
            progress.note("Baselines: PCA at the code width and the Adam autoencoder for as many epochs as StarNet ran…");
            SessionRuns.await(session.computeBaselines());
        }
        if (ahead != null) SessionRuns.join(ahead);
        RunFolder.Written written = SessionRuns.await(session.writeRunFolder(folder, progress));
        clock.done("outputs");
        folder.commit();
        clock.done("commit");
        List<StepResult> steps = session.state().steps();
        StepResult last = steps.get(steps.size() - 1);
        return new RunResult(config.architecture().depth(), seconds, last.outputMse(), session.state().datapoints(), run.engine().words(),
                run.out(), written.session());
    }

    /** The folder of a Spark run's final latents in its run folder (when it has no --checkpoint-dir). */
    static final String LATENTS = "latents";

    /**
     * {@code files}, written beside the run folder {@code out}, moved into its staging {@code folder} and named where they
     * are once the folder is in place; where they cannot be moved they stay, and are named, where they are.
     */
    private static starnet.model.LatentFiles intoRunFolder(starnet.model.LatentFiles files, StagedFolder folder, Path out) {
        try {
            Files.move(Path.of(files.dir()), folder.file(LATENTS), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return new starnet.model.LatentFiles(out.toAbsolutePath().resolve(LATENTS).toString(), files.bounds(), files.layers());
        } catch (IOException | RuntimeException e) {
            AppLog.error("moving the run's latents into its folder", e);
            return files;
        }
    }

    /**
     * Where the executors write the latents of a Spark run's images: a folder named after the run folder (the same when the
     * run is continued by another process), under --checkpoint-dir, else beside the run folder.
     */
    static String latentsDir(RunRequest run) {
        Path out = run.out().toAbsolutePath();
        if (run.checkpointDir() == null) return out.resolveSibling("." + out.getFileName() + ".latents").toString();
        String id = Integer.toHexString(out.toString().hashCode()); // two runs into folders of one name in different places
        return starnet.model.LatentFiles.join(run.checkpointDir(), out.getFileName() + "-" + id + ".latents");
    }

    /** Removes the latent files of a finished run's images (logged, not fatal: the run is whole). */
    private static void deleteLatentFiles(String dir) {
        try {
            starnet.store.Locations.deleteTree(dir);
        } catch (IOException | RuntimeException e) {
            AppLog.error("removing the latent files in " + dir, e);
        }
    }

    /**
     * Continues the run into {@code out} whose process stopped (killed, a power loss, a preempted cluster) from the last
     * image its staging folder holds, on the engine it trained on; the steps after that image are solved again, to the
     * same numbers. Then the folder is written as {@link #train} writes it.
     *
     * @throws UserError when there is no stopped run of {@code out} to continue
     */
    public static RunResult resume(Path out, Compute compute, Progress progress) throws IOException {
        PhaseClock clock = new PhaseClock(System.err);
        java.util.Optional<StagedFolder> found = StagedFolder.interrupted(out, StagedFolder.RESUMABLE);
        if (found.isEmpty()) {
            java.util.Optional<Long> running = StagedFolder.runningInto(out);
            throw new UserError(running.isPresent() ? "A run into " + out + " is still going (process " + running.get() + "); it can be continued once it has stopped."
                    : Files.exists(out) ? "The run in " + out + " has finished; there is nothing to continue."
                    : "There is no stopped run of " + out + " to continue (a run stopped before its training started left nothing to continue); "
                    + "train it again with --out " + out + ".");
        }
        StagedFolder folder = found.get();
        StoreFolder store = null;
        StagedFolder[] staged = {folder};
        try (folder) {
            RunFile run = RunFile.read(folder.file(RunFile.NAME));
            EngineSpec engine = run.engine();
            if (engine.store() != null && !starnet.model.DataSpec.isAddress(engine.store()) && SessionFile.readsAFile(folder.file(StagedFolder.RESUMABLE))) { // rows in the heap: the engine takes the store itself
                store = StoreFolder.take(Path.of(engine.store()));
            }
            LinearAlgebra la = compute.load();
            clock.done("backend");
            WorkbenchSession session = WorkbenchSession.immediate(la);
            try {
                SessionRuns.await(session.openOn(folder.file(StagedFolder.RESUMABLE), engine));
                SessionState state = session.state();
                int done = state.steps().size();
                progress.note(String.format("Continuing %s from step %d (%s), training %s", out, done,
                        done == 0 ? "the start" : state.steps().get(done - 1).summary(), engine.words()));
                return finish(session, folder, new RunRequest(state.config(), engine, out, run.baselines(), run.checkpointDir()), new MetricsStart(done), true,
                        progress,
                        clock, null);
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw sparkFailure(e, engine, out, folder);
            } finally {
                session.close();
                if (engine.kind() == EngineKind.SPARK) SparkRuns.stop();
            }
        } catch (java.nio.file.FileSystemException e) {
            throw staged[0].aboutTarget(e);
        } finally {
            if (store != null) store.close();
        }
    }

    /**
     * The engine the run uses: as asked, except that a run asked for in memory whose declared data would not fit the
     * heap goes out of core (in a temporary folder), as the window does.
     */
    static EngineSpec chooseEngine(RunRequest request, DeclaredData declared, Progress progress) {
        EngineSpec e = request.engine();
        if (e.kind() != EngineKind.MEMORY || declared == null || request.baselines()) return e;
        if (declared.images() > Integer.MAX_VALUE - 16) return e; // refused next, whatever the engine: no note about it first
        long need = inMemoryBytes(request.config(), declared);
        if (need <= IN_MEMORY_SHARE * Runtime.getRuntime().maxMemory()) return e;
        progress.note(String.format("the data and its latents (%.1f GB) would take more than %.0f %% of the heap (%.1f GB): training out of core",
                need / 1e9, 100 * IN_MEMORY_SHARE, Runtime.getRuntime().maxMemory() / 1e9));
        return new EngineSpec(EngineKind.STORE, null, e.precision(), e.chunk(), null, 0, 1);
    }

    /** The share of the heap a run in memory may fill with its images and latents (the rest: work blocks, the collector's room). */
    static final double IN_MEMORY_SHARE = 0.75;

    /**
     * Bytes a run in memory holds at most: the images as the heap keeps them, and the latents of the layer being trained
     * (its current and its next, 2 × N × d_in doubles) beside the finished ones of the layers above. Shapes the
     * architecture cannot plan count the images only (the run refuses them later, with the reason).
     */
    static long inMemoryBytes(StarNetConfig config, DeclaredData declared) {
        return inMemoryBytes(config, declared.shape(), declared.images(), declared.heapBytes());
    }

    /** {@link #inMemoryBytes(StarNetConfig, DeclaredData)} for {@code images} images of {@code shape} (c, h, w) that take {@code imageBytes} in the heap. */
    static long inMemoryBytes(StarNetConfig config, int[] shape, long images, long imageBytes) {
        long most = 0;
        try {
            List<LayerPlan> plan = config.architecture().plan(shape[0], shape[1], shape[2]);
            long above = 0;
            for (int i = plan.size() - 1; i >= 0; i--) {
                most = Math.max(most, 2L * plan.get(i).inputWidth() + above);
                above += plan.get(i).inputWidth();
            }
        } catch (IllegalArgumentException e) { // counted as the images only: refused later, with the reason
            return imageBytes;
        }
        return imageBytes + 8 * images * most;
    }

    /**
     * Bytes of data a run keeps in the heap: in memory a run needs about twice its data (the images, then latents and
     * work), and fills the heap it is given: the process then holds about the heap and 0.1 GB more. Below 2.2 × the
     * data out of core keeps the process under 2.2 × too.
     */
    static long heapBudget() {
        return (long) (Runtime.getRuntime().maxMemory() / 2.2);
    }

    /** Whether the run's data is loaded whole: in memory, or out of core / on Spark when it fits the heap and is not augmented. */
    private static boolean inHeap(EngineSpec engine, DeclaredData declared) {
        if (engine.kind() == EngineKind.MEMORY) return true;
        if (engine.shifts() > 1) return false;
        if (engine.kind() == EngineKind.SPARK && engine.store() != null) return false; // the executors read their rows from the store
        // as doubles: a run loaded whole writes a session file, which holds its latents, so its data must be small beside the heap
        return declared == null || declared.values() * 8 <= heapBudget();
    }

    /** Refusals that need no data: options that do not apply, and — when the data declares its shape — the model against it. */
    static void refuseWhatCannotRun(RunRequest request, EngineSpec engine, DeclaredData declared) {
        if (request.baselines() && engine.kind() != EngineKind.MEMORY) {
            throw new UserError("baselines are trained in memory; leave them out when training " + engine.kind().words());
        }
        if (engine.shifts() > 1 && engine.kind() == EngineKind.MEMORY) {
            throw new UserError("shifted copies of the images need a store (a million shifted images do not fit the heap): train out of core or on Spark");
        }
        if (engine.kind() == EngineKind.SPARK && !SparkRuns.available()) {
            throw new UserError("Training on Spark needs Apache Spark 4 on the class path: run bin/starnet-spark from the build, "
                    + "or spark-submit --class starnet.Launcher starnet.jar on a cluster.");
        }
        if (engine.store() != null && starnet.model.DataSpec.isAddress(engine.store()) && engine.kind() != EngineKind.SPARK) {
            throw new UserError("--store " + engine.store() + ": out of core the store is a folder on this machine; a store at an address (HDFS, S3) "
                    + "is for --engine spark, whose executors read it where it lies");
        }
        if (declared != null && declared.remote() != null) {
            if (engine.kind() != EngineKind.SPARK) {
                throw new UserError(declared.remote() + " is read where it lies by Spark's executors: train it with --engine spark (or copy it to this machine)");
            }
            if (engine.store() != null || engine.shifts() > 1) {
                throw new UserError("--store and --shifts make a row store on this machine; " + declared.remote() + " is read where it lies: leave them out");
            }
        }
        if (declared != null) requireDetermined(request.config(), declared.shape(), declared.images() * engine.shifts());
    }

    /** That the architecture fits images of {@code shape} (c, h, w) and that every system is determined for {@code rows} datapoints. */
    static void requireDetermined(StarNetConfig config, int[] shape, long rows) {
        List<LayerPlan> plan;
        try {
            plan = config.architecture().plan(shape[0], shape[1], shape[2]);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage() + " (images are " + shape[0] + "×" + shape[1] + "×" + shape[2] + ")");
        }
        if (rows > Integer.MAX_VALUE - 16) throw new UserError("at most " + (Integer.MAX_VALUE - 16) + " datapoints, got " + rows);
        if (rows < 1) throw new UserError("the data holds no images; expected at least one");
        DeterminednessReport report = DeterminednessReport.forDecoder(plan, (int) rows, config.architecture().slope(), config.training());
        if (report.hasErrors()) throw new UserError("the configuration is not determined: " + report.firstError());
    }

    /**
     * The rows the engine reads from a file: the .npy itself (read in place), else the row store of {@code store} — reused
     * when it holds this very data, written when the folder is new or empty.
     */
    private static Streamed streamedData(StarNetConfig config, EngineSpec engine, DeclaredData declared, StoreFolder store, boolean lasting, Progress progress)
            throws IOException {
        if (declared != null && declared.npy() != null && engine.shifts() == 1 && config.data().limit() == 0) {
            double divisor = NpyRows.divisor(declared.npy());
            progress.note(String.format("the engine reads %s in place (%,d images)", declared.npy(), declared.images()));
            return new Streamed(declared.npy(), divisor, declared.images(), true);
        }
        long t0 = System.nanoTime();
        Wanted wanted = wanted(config, engine, declared);
        StoreFolder.Contents want = wanted.contents();
        Dataset loaded = wanted.whole();
        StoreFolder.Opened opened;
        try {
            opened = store.open(want, () -> (loaded != null ? StoreData.fromDataset(loaded, engine.shifts(), store, engine.precision(), progress)
                    : StoreData.fill(config.data(), engine.shifts(), store, engine.precision(), progress)).store());
        } catch (IOException | RuntimeException e) {
            throw RunEngines.unwritten(store, e);
        }
        try (RowStore s = opened.store()) {
            progress.note(opened.reused() ? String.format("store: reusing %s (%,d rows × %d values of this very data, %s)", store.dir(), s.rows(), s.cols(),
                    engine.precision().id())
                    : String.format("store: %,d rows × %d values in %s (%.1f GB, %s), written in %.1f s", s.rows(), s.cols(), store.dir(),
                    s.bytes() / 1e9, engine.precision().id(), (System.nanoTime() - t0) / 1e9));
            return new Streamed(store.data(), 1, s.rows(), lasting);
        }
    }

    /** What a store of the run's data is to hold, and the data itself when its format is read whole (else null: streamed from its file). */
    private record Wanted(StoreFolder.Contents contents, Dataset whole) {}

    private static Wanted wanted(StarNetConfig config, EngineSpec engine, DeclaredData declared) throws IOException {
        if (declared == null) { // a format that is read whole: loaded, checked, then written
            Dataset whole = Datasets.load(config.data());
            requireDetermined(config, new int[] {whole.channels(), whole.height(), whole.width()}, (long) whole.size() * engine.shifts());
            return new Wanted(contents(config, engine, (long) whole.size() * engine.shifts(), whole.pixels(), whole.contentHash(whole.size())), whole);
        }
        Path source = declared.npy() != null ? declared.npy() : Datasets.idxImages(config.data());
        return new Wanted(contents(config, engine, declared.images() * engine.shifts(), declared.channels() * declared.height() * declared.width(),
                StoreFolder.sha256(source)), null);
    }

    /**
     * The rows of the store at the address {@code engine.store()} (a folder on HDFS, S3): reused when it holds this very
     * data, else written there from this machine, an image at a time.
     */
    private static Streamed remoteStore(StarNetConfig config, EngineSpec engine, DeclaredData declared, Progress progress) throws IOException {
        long t0 = System.nanoTime();
        StoreFolder.Contents want = wanted(config, engine, declared).contents();
        starnet.store.RemoteStore.Found found = starnet.store.RemoteStore.open(engine.store(), want,
                data -> starnet.store.StoreData.writeTo(config.data(), engine.shifts(), engine.precision(), data, progress));
        progress.note(found.reused() ? String.format("store: reusing %s (%,d rows of this very data, %s)", found.data(), found.rows(), engine.precision().id())
                : String.format("store: %,d rows written to %s (%s) in %.1f s; the executors read them there", found.rows(), found.data(),
                engine.precision().id(), (System.nanoTime() - t0) / 1e9));
        return new Streamed(found.data(), 1, found.rows(), true);
    }

    /** What a store of {@code config}'s data holds. */
    static StoreFolder.Contents contents(StarNetConfig config, EngineSpec engine, long rows, int cols, String sha256) {
        String source = config.data().source();
        if (!starnet.data.Samples.isSample(source)) source = Path.of(source).toAbsolutePath().normalize().toString();
        return new StoreFolder.Contents(source, config.data().split(), config.data().limit(), engine.shifts(), engine.precision(), rows, cols, sha256);
    }
}
