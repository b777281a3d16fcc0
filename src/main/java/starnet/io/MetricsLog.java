package starnet.io;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import starnet.model.ResidualSummary;
import starnet.model.StepResult;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A run's {@code metrics.jsonl}: one JSON object per solve, appended and flushed as the solve finishes (a killed run
 * keeps its finished steps). Keys: step (the k-th solve is step k; Init is step 0), layer, epoch, phase, mse, mae, elastic, output_mse, seconds, condition,
 * method, layer_done, and the step's residuals (paper Lemma 4) in summary: residual_mean, residual_max, residual_p50,
 * residual_p90, residual_p99 (read from bins 2.3% wide, see {@link ResidualSummary}) and worst_rows (the rows of the
 * largest, largest first); a number that is not finite is null (JSON has no NaN).
 */
public final class MetricsLog implements Closeable {
    private static final ObjectMapper LINES = new ObjectMapper();
    private final BufferedWriter out;
    private final Path file;

    private MetricsLog(BufferedWriter out, Path file) {
        this.out = out;
        this.file = file;
    }

    /** A new log at {@code file} (replacing one there). */
    public static MetricsLog create(Path file) throws IOException {
        return new MetricsLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8), file);
    }

    /**
     * The log at {@code file} continued: its first {@code keep} lines stay (the steps a resumed run starts from; lines
     * of steps after them, which the run will solve again, go), new lines are appended.
     */
    public static MetricsLog continuing(Path file, int keep) throws IOException {
        java.util.List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : java.util.List.of();
        if (lines.size() < keep) throw new IOException(file + ": holds " + lines.size() + " steps; the run to continue has " + keep);
        AtomicFiles.write(file, o -> {
            for (String l : lines.subList(0, keep)) o.write((l + "\n").getBytes(StandardCharsets.UTF_8));
        });
        return new MetricsLog(Files.newBufferedWriter(file, StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND), file);
    }

    /** Appends {@code r}'s line and flushes it. */
    public void append(StepResult r) throws IOException {
        try {
            out.write(line(r));
            out.newLine();
            out.flush();
        } catch (IOException e) {
            throw AtomicFiles.named(file, e); // a full disk names the file it could not write
        }
    }

    /** {@code r} as one line of JSON. */
    public static String line(StepResult r) {
        java.io.StringWriter w = new java.io.StringWriter();
        try (JsonGenerator g = LINES.getFactory().createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("step", r.number());
            g.writeNumberField("layer", r.layer());
            g.writeNumberField("epoch", r.epoch());
            g.writeStringField("phase", r.phase().name());
            number(g, "mse", r.mse());
            number(g, "mae", r.mae());
            number(g, "elastic", r.elastic());
            number(g, "output_mse", r.outputMse());
            number(g, "seconds", r.seconds());
            number(g, "condition", r.condition());
            g.writeStringField("method", r.method());
            g.writeBooleanField("layer_done", r.layerDone());
            ResidualSummary s = r.spread();
            if (s != null) {
                number(g, "residual_mean", s.mean());
                number(g, "residual_max", s.max());
                number(g, "residual_p50", s.quantile(0.5));
                number(g, "residual_p90", s.quantile(0.9));
                number(g, "residual_p99", s.quantile(0.99));
                g.writeArrayFieldStart("worst_rows");
                for (int row : s.worst()) g.writeNumber(row);
                g.writeEndArray();
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException("writing JSON to a string", e);
        }
        return w.toString();
    }

    private static void number(JsonGenerator g, String name, double v) throws IOException {
        if (Double.isFinite(v)) g.writeNumberField(name, v);
        else g.writeNullField(name);
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
