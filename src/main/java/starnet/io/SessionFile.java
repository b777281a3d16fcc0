package starnet.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import starnet.math.Matrix;
import starnet.model.Baselines;
import starnet.model.Decoder;
import starnet.model.StarNetConfig;
import starnet.model.Phase;
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
     */
    public record SavedTraining(Decoder decoder, int layer, Matrix latents, int epoch, boolean firstHalfDone, double lastEpochLoss,
                                Matrix[] finishedLatents, List<StepResult> steps) {
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
        return o;
    }

    /** Rows of equal length as one matrix (one row per array). */
    private static Matrix stack(List<double[]> rows) {
        int c = rows.get(0).length;
        Matrix m = new Matrix(rows.size(), c);
        for (int i = 0; i < rows.size(); i++) System.arraycopy(rows.get(i), 0, m.data(), i * c, c);
        return m;
    }

    private static Baselines baselines(JsonNode b) {
        if (b == null || b.isNull()) return null;
        JsonNode ae = b.path("autoencoder_mse");
        double[] curve = new double[ae.size()];
        for (int i = 0; i < curve.length; i++) curve[i] = ae.get(i).asDouble();
        double pca = b.path("pca_mse").asDouble(Double.NaN);
        if (!Double.isFinite(pca) || pca < 0 || java.util.Arrays.stream(curve).anyMatch(v -> !Double.isFinite(v) || v < 0)) {
            throw new IllegalArgumentException("baselines hold values that are not finite and ≥ 0");
        }
        return new Baselines(b.path("pca_rank").asInt(0), pca, curve);
    }

    /**
     * How many steps the session file {@code file} holds, read from its manifest alone (for asking before it is
     * replaced); −1 when it is not a readable session file.
     */
    public static int stepsIn(Path file) {
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            java.util.zip.ZipEntry e = zip.getEntry("manifest.json");
            if (e == null || e.getSize() > (64L << 20)) return -1;
            try (var in = zip.getInputStream(e)) {
                JsonNode m = Json.MAPPER.readTree(in.readNBytes(64 << 20));
                return KIND.equals(m.path("kind").asText()) ? m.path("steps").size() : -1;
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static Watching watching(JsonNode w) {
        if (w == null || w.isNull()) return null;
        JsonNode held = w.path("held_out");
        double[] v = new double[held.size()];
        for (int i = 0; i < v.length; i++) v[i] = held.get(i).isNull() ? Double.NaN : held.get(i).asDouble();
        long delay = w.path("step_delay_ms").asLong(0);
        if (delay < 0 || delay > 3_600_000) throw new IllegalArgumentException("step_delay_ms must be 0 to 3600000, got " + delay);
        return new Watching(v, delay);
    }

    public static Session read(Path file) throws IOException {
        Map<String, byte[]> entries = ModelFile.readEntries(file, "session");
        JsonNode m = ModelFile.manifest(file, entries, KIND, FORMAT);
        try {
            StarNetConfig config = ConfigJson.fromTree(m.get("config"));
            DatasetRef ref = Json.MAPPER.treeToValue(m.get("dataset"), DatasetRef.class);
            int[] pinned = Json.MAPPER.treeToValue(m.get("pinned"), int[].class);
            Decoder decoder = ModelFile.readDecoder(file, m, entries);
            JsonNode t = m.get("trainer");
            int k = decoder.depth();
            Matrix[] finished = new Matrix[k];
            for (int i = 0; i < k; i++) {
                String name = "finished_latents_" + (i + 1) + ".npy";
                if (entries.containsKey(name)) finished[i] = ModelFile.matrix(file, entries, name);
            }
            Matrix latents = entries.containsKey("latents.npy") ? ModelFile.matrix(file, entries, "latents.npy") : null;
            Matrix residuals = entries.containsKey("step_residuals.npy") ? ModelFile.matrix(file, entries, "step_residuals.npy") : null;
            List<StepResult> log = new ArrayList<>();
            java.util.Map<Integer, Integer> residualRow = new java.util.HashMap<>(); // step index → row of step_residuals.npy
            if (m.has("residual_steps")) {
                for (JsonNode i : m.get("residual_steps")) residualRow.put(i.asInt(), residualRow.size());
            } else {
                for (int i = 0; i < m.path("steps").size(); i++) residualRow.put(i, i);
            }
            for (JsonNode o : m.path("steps")) {
                int i = log.size();
                Integer row = residualRow.get(i);
                double[] res = residuals == null || row == null ? new double[0] : residuals.row(row);
                log.add(new StepResult(o.get("step").asInt(), o.get("layer").asInt(), o.get("epoch").asInt(), Phase.valueOf(o.get("phase").asText()),
                        o.get("mse").asDouble(), o.get("mae").asDouble(), o.get("output_mse").asDouble(), o.get("seconds").asDouble(),
                        o.get("condition").isNull() ? Double.POSITIVE_INFINITY : o.get("condition").asDouble(), o.get("method").asText(), res,
                        o.get("layer_done").asBoolean()));
            }
            SavedTraining state = new SavedTraining(decoder, t.get("layer").asInt(), latents, t.get("epoch").asInt(),
                    t.get("first_half_done").asBoolean(), t.get("last_epoch_loss").isNull() ? Double.NaN : t.get("last_epoch_loss").asDouble(), finished, log);
            List<TrainingSnapshot> history = new ArrayList<>();
            if (entries.containsKey("history_current.npy")) {
                Matrix current = ModelFile.matrix(file, entries, "history_current.npy");
                Matrix[] after = new Matrix[k];
                for (int i = 0; i < k; i++) {
                    String name = "history_after_layer_" + (i + 1) + ".npy";
                    if (entries.containsKey(name)) after[i] = ModelFile.matrix(file, entries, name);
                }
                int d = ref.channels() * ref.height() * ref.width();
                int h = 0;
                for (JsonNode o : m.path("history")) {
                    Matrix cur = new Matrix(pinned.length, d, Arrays.copyOfRange(current.data(), h * pinned.length * d, (h + 1) * pinned.length * d));
                    List<Matrix> a = new ArrayList<>(Collections.nCopies(k, (Matrix) null));
                    for (int i = 0; i < k; i++) if (o.path("after_layer").path(i).asBoolean()) a.set(i, after[i]);
                    int step = o.get("step").asInt();
                    history.add(new TrainingSnapshot(o.get("index").asInt(), step < 0 ? null : log.get(step), o.get("label").asText(),
                            o.get("layer").asInt(), o.get("next_phase").isNull() ? null : Phase.valueOf(o.get("next_phase").asText()),
                            o.get("epochs_done").asInt(), cur, Collections.unmodifiableList(a)));
                    h++;
                }
            }
            return new Session(config, ref, pinned, ModelFile.matrix(file, entries, "pinned_targets.npy"), state, history, baselines(m.get("baselines")),
                    ModelFile.provenance(m), m.hasNonNull("stream") ? Json.MAPPER.treeToValue(m.get("stream"), DataStream.class) : null, watching(m.get("watching")));
        } catch (ModelFile.ModelFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new ModelFile.ModelFileException(file + ": the session is damaged (" + e.getMessage() + ")");
        }
    }
}
