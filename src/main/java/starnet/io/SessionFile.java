package starnet.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import starnet.math.Matrix;
import starnet.model.Baselines;
import starnet.model.Decoder;
import starnet.model.StarNetConfig;
import starnet.model.Phase;
import starnet.model.ResidualSummary;
import starnet.model.StepResult;
import starnet.model.TrainingSnapshot;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipOutputStream;

/**
 * A whole working session as one {@code .starnet} file (a zip): {@code manifest.json} (kind
 * "starnet-session", format version, configuration, dataset reference with a content hash, pinned
 * items, trainer state, the step log, the history of snapshots) and the arrays as {@code .npy}:
 * the decoder's layers, current and finished latents, per-step residuals and the history's
 * reconstructions. Reopening gives the same model, grids and charts.
 */
public final class SessionFile {
    public static final String KIND = "starnet-session";
    /** Format 1: the first session layout. Older formats keep loading (golden files in the tests). */
    public static final int FORMAT = 1;

    /**
     * Where the data came from: {@code source} (path or sample name), {@code split}, the number of
     * items used and the SHA-256 of their values.
     */
    public record DatasetRef(String source, String split, int count, int channels, int height, int width, String sha256) {}

    /**
     * How the run was being watched, so that reopening (or recovering) it shows it the same way.
     *
     * @param heldOut         per step, the held-out items' output MSE (NaN where not measured)
     * @param stepDelayMillis the wait after each solve of a run
     */
    public record Watching(double[] heldOut, long stepDelayMillis) {}

    /**
     * Where a run's rows are when they were not all in the heap: the row store or .npy file its engine read (and reads
     * again when the session is opened), and the run setting it trained with. The session then holds no latents.
     *
     * @param file    the rows, N × D
     * @param divisor what a .npy file's values are divided by (1 for a row store)
     * @param rows    N
     */
    public record DataStream(String file, double divisor, long rows, starnet.model.EngineSpec engine) {}

    /**
     * Where training stands, in the file's own terms (the trainer converts to and from it; the format does
     * not follow the trainer's internals). Matrices are shared with the caller and only read.
     *
     * @param layer           0-based layer trained next, −1 when every layer is done
     * @param latents         that layer's current latents (N × d_in), or null before its first solve
     * @param epoch           epochs completed on that layer
     * @param firstHalfDone   whether the open epoch's first phase has run
     * @param lastEpochLoss   the layer's loss after its last complete epoch, NaN before one
     * @param finishedLatents per layer (0-based), its final latents once done, else null
     * @param steps           every step so far, in order
     * @param files           where the latents are kept instead of in the file (the matrices are then null), or null
     */
    public record SavedTraining(Decoder decoder, int layer, Matrix latents, int epoch, boolean firstHalfDone, double lastEpochLoss,
                                Matrix[] finishedLatents, List<StepResult> steps, starnet.model.LatentFiles files) {
        /** Training whose latents are in the file. */
        public SavedTraining(Decoder decoder, int layer, Matrix latents, int epoch, boolean firstHalfDone, double lastEpochLoss, Matrix[] finishedLatents,
                             List<StepResult> steps) {
            this(decoder, layer, latents, epoch, firstHalfDone, lastEpochLoss, finishedLatents, steps, null);
        }

        /** The codes h_0 (N × d_0) once the first layer is done, else null. */
        public Matrix codes() { return finishedLatents[0]; }
    }

    /**
     * The saved session.
     *
     * @param pinnedTargets the pinned items' images (pinned × D), so figures render without the dataset
     * @param baselines     PCA and autoencoder results on the same data (paper Fig. 6), or null when none were computed
     */
    public record Session(StarNetConfig config, DatasetRef dataset, int[] pinned, Matrix pinnedTargets, SavedTraining training,
                          List<TrainingSnapshot> history, Baselines baselines, starnet.model.Provenance provenance, DataStream stream, Watching watching) {
        /** A session with no settings of the window's kept. */
        public Session(StarNetConfig config, DatasetRef dataset, int[] pinned, Matrix pinnedTargets, SavedTraining training,
                       List<TrainingSnapshot> history, Baselines baselines, starnet.model.Provenance provenance, DataStream stream) {
            this(config, dataset, pinned, pinnedTargets, training, history, baselines, provenance, stream, null);
        }

        /** A session whose rows were in the heap. */
        public Session(StarNetConfig config, DatasetRef dataset, int[] pinned, Matrix pinnedTargets, SavedTraining training,
                       List<TrainingSnapshot> history, Baselines baselines, starnet.model.Provenance provenance) {
            this(config, dataset, pinned, pinnedTargets, training, history, baselines, provenance, null);
        }

        /** A session without a record of where it came from (as files before it was kept). */
        public Session(StarNetConfig config, DatasetRef dataset, int[] pinned, Matrix pinnedTargets, SavedTraining training,
                       List<TrainingSnapshot> history, Baselines baselines) {
            this(config, dataset, pinned, pinnedTargets, training, history, baselines, null);
        }

        /** A session without baselines. */
        public Session(StarNetConfig config, DatasetRef dataset, int[] pinned, Matrix pinnedTargets, SavedTraining training,
                       List<TrainingSnapshot> history) {
            this(config, dataset, pinned, pinnedTargets, training, history, null);
        }

        /** The same session with {@code b} as its baselines (null = none). */
        public Session withBaselines(Baselines b) {
            return new Session(config, dataset, pinned, pinnedTargets, training, history, b, provenance, stream, watching);
        }
    }

    private SessionFile() {}

    /** Writes atomically (temporary file, then a move): a failed write leaves any old file as it was. */
    public static void write(Path file, Session s) throws IOException {
        AtomicFiles.write(file, out -> {
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                ObjectNode m = ModelFile.header(KIND, FORMAT, s.config());
                m.set("dataset", Json.MAPPER.valueToTree(s.dataset()));
                m.set("pinned", Json.MAPPER.valueToTree(s.pinned()));
                SavedTraining st = s.training();
                ModelFile.describeDecoder(m, st.decoder());
                ObjectNode trainer = m.putObject("trainer");
                trainer.put("layer", st.layer());
                trainer.put("epoch", st.epoch());
                trainer.put("first_half_done", st.firstHalfDone());
                trainer.put("last_epoch_loss", Double.isNaN(st.lastEpochLoss()) ? null : st.lastEpochLoss());
                if (st.files() != null) trainer.set("latent_files", Json.MAPPER.valueToTree(st.files()));
                ArrayNode steps = m.putArray("steps");
                for (StepResult r : st.steps()) steps.add(stepJson(r));
                if (st.steps().stream().anyMatch(r -> r.residuals().length == 0)) { // a long run keeps its newest steps' residuals only
                    ArrayNode kept = m.putArray("residual_steps");
                    for (StepResult r : st.steps()) if (r.residuals().length > 0) kept.add(r.step());
                }
                ArrayNode history = m.putArray("history");
                for (TrainingSnapshot h : s.history()) {
                    ObjectNode o = history.addObject();
                    o.put("index", h.index());
                    o.put("step", h.step() == null ? -1 : h.step().step());
                    o.put("label", h.label());
                    o.put("layer", h.layer());
                    o.put("next_phase", h.nextPhase() == null ? null : h.nextPhase().name());
                    o.put("epochs_done", h.epochsDone());
                    ArrayNode after = o.putArray("after_layer");
                    for (Matrix a : h.afterLayer()) after.add(a != null);
                }
                if (s.baselines() != null) {
                    ObjectNode b = m.putObject("baselines");
                    b.put("pca_rank", s.baselines().pcaRank());
                    b.put("pca_mse", s.baselines().pcaMse());
                    ArrayNode ae = b.putArray("autoencoder_mse");
                    for (double v : s.baselines().autoencoderMse()) ae.add(v);
                }
                if (s.provenance() != null) m.set("provenance", Json.MAPPER.valueToTree(s.provenance()));
                if (s.stream() != null) m.set("stream", Json.MAPPER.valueToTree(s.stream()));
                if (s.watching() != null) {
                    ObjectNode w = m.putObject("watching");
                    w.put("step_delay_ms", s.watching().stepDelayMillis());
                    ArrayNode held = w.putArray("held_out");
                    for (double v : s.watching().heldOut()) {
                        if (Double.isFinite(v)) held.add(v);
                        else held.addNull();
                    }
                }
                ModelFile.putJson(zip, "manifest.json", m);
                ModelFile.writeDecoderArrays(zip, st.decoder());
                ModelFile.putStored(zip, "pinned_targets.npy", s.pinnedTargets());
                if (st.latents() != null) ModelFile.putStored(zip, "latents.npy", st.latents());
                for (int i = 0; i < st.finishedLatents().length; i++) {
                    if (st.finishedLatents()[i] != null) ModelFile.putStored(zip, "finished_latents_" + (i + 1) + ".npy", st.finishedLatents()[i]);
                }
                List<StepResult> withResiduals = st.steps().stream().filter(r -> r.residuals().length > 0).toList();
                if (!withResiduals.isEmpty()) {
                    ModelFile.putStored(zip, "step_residuals.npy", stack(withResiduals.stream().map(StepResult::residuals).toList()));
                }
                if (!s.history().isEmpty()) {
                    List<double[]> rows = new ArrayList<>();
                    for (TrainingSnapshot h : s.history()) rows.add(h.current().data());
                    ModelFile.putStored(zip, "history_current.npy", stack(rows));
                    TrainingSnapshot last = s.history().get(s.history().size() - 1);
                    for (int i = 0; i < last.afterLayer().size(); i++) {
                        if (last.afterLayer().get(i) != null) ModelFile.putStored(zip, "history_after_layer_" + (i + 1) + ".npy", last.afterLayer().get(i));
                    }
                }
            }
        });
    }

    private static ObjectNode stepJson(StepResult r) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("step", r.step());
        o.put("layer", r.layer());
        o.put("epoch", r.epoch());
        o.put("phase", r.phase().name());
        o.put("mse", r.mse());
        o.put("mae", r.mae());
        o.put("output_mse", r.outputMse());
        o.put("seconds", r.seconds());
        o.put("condition", Double.isFinite(r.condition()) ? r.condition() : null);
        o.put("method", r.method());
        o.put("layer_done", r.layerDone());
        if (r.spread() != null) o.set("residual_summary", summaryJson(r.spread()));
        return o;
    }

    /** A residual summary: its bins as [bin, count] pairs of the bins that hold any (most are empty). */
    private static ObjectNode summaryJson(ResidualSummary s) {
        ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("count", s.count());
        o.put("sum", s.sum());
        o.put("max", s.max());
        ArrayNode bins = o.putArray("bins");
        for (int i = 0; i < s.bins().length; i++) if (s.bins()[i] > 0) bins.addArray().add(i).add(s.bins()[i]);
        ArrayNode worst = o.putArray("worst");
        for (int row : s.worst()) worst.add(row);
        ArrayNode values = o.putArray("worst_values");
        for (double v : s.worstValues()) values.add(v);
        return o;
    }

    private static ResidualSummary summary(Manifest s, long n) {
        long[] bins = new long[ResidualSummary.BINS];
        for (Manifest pair : s.items("bins")) {
            List<Manifest> bc = pair.asItems();
            if (bc.size() != 2) throw pair.damaged("expected [bin, count]");
            bins[(int) bc.get(0).asWhole(0, ResidualSummary.BINS - 1)] += bc.get(1).asWhole(1, n);
        }
        int[] worst = s.wholes("worst", 0, (int) Math.min(Integer.MAX_VALUE, n - 1));
        List<Manifest> v = s.items("worst_values");
        double[] values = new double[v.size()];
        for (int i = 0; i < values.length; i++) values[i] = v.get(i).asNumber(0);
        try {
            return new ResidualSummary(s.whole("count", 1, n), s.number("sum", 0, Double.MAX_VALUE), s.number("max", 0, Double.MAX_VALUE), bins, worst, values);
        } catch (IllegalArgumentException e) {
            throw s.damaged(e.getMessage());
        }
    }

    /** Rows of equal length as one matrix (one row per array). */
    private static Matrix stack(List<double[]> rows) {
        int c = rows.get(0).length;
        Matrix m = new Matrix(rows.size(), c);
        for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i), 0, m.data(), i * c, c);
        return m;
    }

    private static Baselines baselines(Manifest m) {
        if (!m.has("baselines")) return null;
        Manifest b = m.object("baselines");
        List<Manifest> ae = b.items("autoencoder_mse");
        double[] curve = new double[ae.size()];
        for (int i = 0; i < curve.length; i++) curve[i] = ae.get(i).asNumber(0);
        return new Baselines(b.wholeInt("pca_rank", 0, Integer.MAX_VALUE), b.number("pca_mse", 0, Double.MAX_VALUE), curve);
    }

    /**
     * The manifest of the .starnet file {@code file}, read alone (no array unpacked) for a quick question about the file;
     * a missing node when the file is not readable as one.
     */
    private static JsonNode manifestAlone(Path file) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            java.util.zip.ZipEntry e = zip.getEntry("manifest.json");
            if (e == null || e.getSize() > ModelFile.MAX_MANIFEST) return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
            try (var in = zip.getInputStream(e)) {
                return Json.MAPPER.readTree(in.readNBytes((int) ModelFile.MAX_MANIFEST));
            }
        } catch (IOException | RuntimeException e) {
            return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
        }
    }

    /** The kind a .starnet file's manifest declares ("starnet-session", "starnet-model"), or null when it is not readable as one. */
    public static String kindOf(Path file) {
        JsonNode kind = manifestAlone(file).path("kind");
        return kind.isTextual() ? kind.asText() : null;
    }

    /** Whether the session file {@code file}'s run read its rows from a file (a row store, a .npy) rather than the heap. */
    public static boolean readsAFile(Path file) {
        return manifestAlone(file).hasNonNull("stream");
    }

    /**
     * How many steps the session file {@code file} holds, read from its manifest alone (for asking before it is
     * replaced); −1 when it is not a readable session file.
     */
    public static int stepsIn(Path file) {
        JsonNode m = manifestAlone(file);
        return KIND.equals(m.path("kind").asText()) ? m.path("steps").size() : -1;
    }

    private static Watching watching(Manifest m) {
        if (!m.has("watching")) return null;
        Manifest w = m.object("watching");
        List<Manifest> held = w.items("held_out");
        double[] v = new double[held.size()];
        for (int i = 0; i < v.length; i++) v[i] = held.get(i).asNumberOrNaN(0);
        return new Watching(v, w.whole("step_delay_ms", 0, 3_600_000));
    }

    /** A step's measure: a finite number ≥ 0, or NaN where the step did not measure it (written as null or "NaN"). */
    private static double measure(Manifest o, String key) {
        JsonNode v = o.raw(key);
        if (v != null && v.isTextual() && v.asText().equals("NaN")) return Double.NaN;
        return o.numberOrNull(key, 0, Double.NaN);
    }

    /** Step {@code index} of a run of {@code n} datapoints through {@code k} layers, with its kept residuals (or none). */
    private static StepResult step(Manifest o, int index, int k, long n, double[] residuals) {
        o.whole("step", index, index);
        ResidualSummary spread = o.has("residual_summary") ? summary(o.object("residual_summary"), n) : null; // null: made from the residuals, if any
        return new StepResult(index, o.wholeInt("layer", 1, k), o.wholeInt("epoch", 1, Integer.MAX_VALUE), o.choice("phase", Phase.class, false),
                measure(o, "mse"), measure(o, "mae"), measure(o, "output_mse"), measure(o, "seconds"),
                o.numberOrNull("condition", 0, Double.POSITIVE_INFINITY), o.text("method"), residuals, spread, o.flag("layer_done"));
    }

    /** {@code a} has {@code rows} × {@code cols}, or the file is damaged. */
    private static Matrix shaped(Manifest m, Matrix a, String name, int rows, int cols) {
        if (a.rows() != rows || a.cols() != cols) throw m.damaged(name + " is " + a.rows() + "x" + a.cols() + "; expected " + rows + "x" + cols);
        return a;
    }

    /**
     * Reads a session, checking it as a whole: every manifest value has its kind and range, every array the shape the
     * manifest implies, or the file is refused with one line saying where and what was expected.
     */
    public static Session read(Path file) throws IOException {
        Map<String, byte[]> entries = ModelFile.readEntries(file, "session");
        JsonNode root = ModelFile.manifest(file, entries, KIND, FORMAT);
        try {
            Manifest m = Manifest.root(file, root);
            StarNetConfig config = ConfigJson.fromTree(root.get("config"));
            Manifest ds = m.object("dataset");
            DataStream stream = m.record("stream", DataStream.class);
            if (stream != null && (stream.file() == null || stream.engine() == null || !(stream.divisor() > 0) || stream.rows() < 1)) {
                throw m.damaged("stream: expected a file, a divisor > 0, rows ≥ 1 and an engine");
            }
            DatasetRef ref = new DatasetRef(ds.text("source"), ds.oneOf("split", "train", "train", "test"), ds.wholeInt("count", 1, Integer.MAX_VALUE),
                    ds.wholeInt("channels", 1, 4096), ds.wholeInt("height", 1, 1 << 16), ds.wholeInt("width", 1, 1 << 16),
                    ds.has("sha256") ? ds.text("sha256") : null);
            int n = ref.count();
            long d = (long) ref.channels() * ref.height() * ref.width();
            int[] pinned = m.wholes("pinned", 0, n - 1);
            Decoder decoder = ModelFile.readDecoder(file, root, entries);
            int[] widths = decoder.widths();
            if (d != widths[widths.length - 1]) throw ds.damaged("images of " + d + " values; the decoder outputs " + widths[widths.length - 1]);
            int k = decoder.depth();
            boolean rowsHere = stream == null;
            Matrix[] finished = new Matrix[k];
            for (int i = 0; i < k; i++) {
                String name = "finished_latents_" + (i + 1) + ".npy";
                if (entries.containsKey(name)) {
                    Matrix f = ModelFile.matrix(file, entries, name);
                    finished[i] = rowsHere ? shaped(m, f, name, n, widths[i]) : f;
                }
            }
            Manifest t = m.object("trainer");
            int layer = t.wholeInt("layer", -1, k - 1);
            Matrix latents = entries.containsKey("latents.npy") ? ModelFile.matrix(file, entries, "latents.npy") : null;
            if (latents != null && rowsHere) shaped(m, latents, "latents.npy", n, layer >= 0 ? widths[layer] : latents.cols());

            List<Manifest> stepNodes = m.items("steps");
            Matrix residuals = entries.containsKey("step_residuals.npy") ? ModelFile.matrix(file, entries, "step_residuals.npy") : null;
            Map<Integer, Integer> residualRow = new java.util.HashMap<>(); // step index → row of step_residuals.npy
            if (m.has("residual_steps")) {
                int last = -1;
                for (Manifest i : m.items("residual_steps")) {
                    last = (int) i.asWhole(last + 1, stepNodes.size() - 1);
                    residualRow.put(last, residualRow.size());
                }
            } else if (residuals != null) {
                for (int i = 0; i < stepNodes.size(); i++) residualRow.put(i, i);
            }
            if (residuals != null && rowsHere) shaped(m, residuals, "step_residuals.npy", residualRow.size(), n);
            if (residuals == null && !residualRow.isEmpty()) throw m.damaged("step_residuals.npy is missing for the steps that keep residuals");
            if (residuals != null && residuals.rows() != residualRow.size()) {
                throw m.damaged("step_residuals.npy has " + residuals.rows() + " rows for " + residualRow.size() + " steps");
            }
            List<StepResult> log = new ArrayList<>();
            for (Manifest o : stepNodes) {
                int i = log.size();
                Integer row = residualRow.get(i);
                log.add(step(o, i, k, stream != null ? Math.max(n, stream.rows()) : n, row == null ? new double[0] : residuals.row(row)));
            }
            starnet.model.LatentFiles files = t.record("latent_files", starnet.model.LatentFiles.class);
            if (files != null) {
                if (latents != null || java.util.Arrays.stream(finished).anyMatch(java.util.Objects::nonNull)) {
                    throw t.damaged("latent_files: latents kept both in the file and in files");
                }
                long rowsTrained = stream != null ? stream.rows() : n;
                if (!files.fits(rowsTrained, k)) {
                    throw t.damaged("latent_files: expected files of " + rowsTrained + " rows and a folder (or none) for each of " + k + " layers");
                }
            }
            SavedTraining state = new SavedTraining(decoder, layer, latents, t.wholeInt("epoch", 0, Integer.MAX_VALUE), t.flag("first_half_done"),
                    t.numberOrNull("last_epoch_loss", 0, Double.NaN), finished, log, files);

            List<TrainingSnapshot> history = new ArrayList<>();
            List<Manifest> snaps = m.has("history") ? m.items("history") : List.of();
            Matrix targets = shaped(m, ModelFile.matrix(file, entries, "pinned_targets.npy"), "pinned_targets.npy", pinned.length, (int) d);
            if (!snaps.isEmpty()) {
                int per = (int) (pinned.length * d);
                Matrix current = shaped(m, ModelFile.matrix(file, entries, "history_current.npy"), "history_current.npy", snaps.size(), per);
                Matrix[] after = new Matrix[k];
                for (int i = 0; i < k; i++) {
                    String name = "history_after_layer_" + (i + 1) + ".npy";
                    if (entries.containsKey(name)) after[i] = shaped(m, ModelFile.matrix(file, entries, name), name, pinned.length, (int) d);
                }
                for (int h = 0; h < snaps.size(); h++) {
                    Manifest o = snaps.get(h);
                    Matrix cur = new Matrix(pinned.length, (int) d, Arrays.copyOfRange(current.data(), h * per, (h + 1) * per));
                    List<Manifest> flags = o.items("after_layer");
                    if (flags.size() != k) throw o.damaged("after_layer has " + flags.size() + " flags for " + k + " layers");
                    List<Matrix> a = new ArrayList<>(Collections.nCopies(k, (Matrix) null));
                    for (int i = 0; i < k; i++) {
                        if (!flags.get(i).asFlag()) continue;
                        if (after[i] == null) throw o.damaged("history_after_layer_" + (i + 1) + ".npy is missing");
                        a.set(i, after[i]);
                    }
                    int step = o.wholeInt("step", -1, log.size() - 1);
                    history.add(new TrainingSnapshot(o.wholeInt("index", h, h), step < 0 ? null : log.get(step), o.text("label"),
                            o.wholeInt("layer", 0, k), o.choice("next_phase", Phase.class, true), o.wholeInt("epochs_done", 0, Integer.MAX_VALUE),
                            cur, Collections.unmodifiableList(a)));
                }
            }
            return new Session(config, ref, pinned, targets, state, history, baselines(m), ModelFile.provenance(file, root), stream, watching(m));
        } catch (ModelFile.ModelFileException e) {
            throw e;
        } catch (Manifest.Damaged e) {
            throw new ModelFile.ModelFileException(e.getMessage());
        } catch (ConfigJson.ConfigException e) {
            throw new ModelFile.ModelFileException(file + ": the file is damaged: config: " + e.getMessage());
        } catch (IOException | RuntimeException e) {
            throw new ModelFile.ModelFileException(file + ": the session is damaged (" + ModelFile.describe(e) + ")");
        }
    }
}
