package starnet.explore;

import starnet.model.RunRecord;
import starnet.model.RunAxis;
import starnet.model.RunDifference;
import starnet.model.RunMetric;

import com.fasterxml.jackson.databind.JsonNode;
import starnet.figures.LinePlot;
import starnet.io.Json;
import starnet.math.LinearAlgebra;
import starnet.math.Matrix;
import starnet.model.ConvUnpoolLayer;
import starnet.model.StepResult;
import starnet.training.Cancellation;
import starnet.training.Engines;
import starnet.training.Inference;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs side by side: their loss curves on one chart, how their configurations differ, their reconstructions of the same items. */
public final class RunComparison {
    private RunComparison() {}

    /** One line per run: {@code metric} after every solve, against {@code x}. */
    public static LinePlot overlay(List<RunRecord> runs, RunMetric metric, RunAxis x) {
        List<LinePlot.Series> series = new ArrayList<>();
        for (RunRecord r : runs) {
            List<double[]> points = new ArrayList<>();
            double clock = 0;
            for (int i = 0; i < r.steps().size(); i++) {
                StepResult s = r.steps().get(i);
                clock += s.seconds();
                double at = x == RunAxis.STEP ? i + 1 : clock;
                // each layer's own MSE is of another space: its line does not join the layer before's
                if (metric == RunMetric.LAYER_MSE && i > 0 && s.layer() != r.steps().get(i - 1).layer()) points.add(new double[] {at, Double.NaN});
                points.add(new double[] {at, metric == RunMetric.OUTPUT_MSE ? s.outputMse() : s.mse()});
            }
            series.add(new LinePlot.Series(r.name(), points.stream().mapToDouble(p -> p[0]).toArray(), points.stream().mapToDouble(p -> p[1]).toArray()));
        }
        return new LinePlot("Runs compared: " + metric.label(), x.label(), metric == RunMetric.OUTPUT_MSE ? "output MSE" : "layer MSE", series, true);
    }


    /** The settings that differ between the runs' configurations, as dotted paths (e.g. architecture.slope). */
    public static List<RunDifference> differences(List<RunRecord> runs) {
        List<Map<String, String>> flat = new ArrayList<>();
        Map<String, Boolean> keys = new LinkedHashMap<>();
        for (RunRecord r : runs) {
            Map<String, String> m = new LinkedHashMap<>();
            flatten("", Json.MAPPER.valueToTree(r.config()), m);
            flat.add(m);
            for (String k : m.keySet()) keys.put(k, true);
        }
        List<RunDifference> out = new ArrayList<>();
        for (String k : keys.keySet()) {
            List<String> values = flat.stream().map(m -> m.getOrDefault(k, "—")).toList();
            if (values.stream().distinct().count() > 1) out.add(new RunDifference(k, values));
        }
        return out;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else {
            out.put(prefix, node.isTextual() ? node.asText() : node.toString());
        }
    }

    /** The differences as CSV: a header "setting" and the runs' names, then one line per setting (quoted as CSV needs). */
    public static String differencesCsv(List<RunRecord> runs, List<RunDifference> differences) {
        StringBuilder sb = new StringBuilder();
        try (org.apache.commons.csv.CSVPrinter out = new org.apache.commons.csv.CSVPrinter(sb,
                org.apache.commons.csv.CSVFormat.DEFAULT.builder().setRecordSeparator('\n').get())) {
            List<String> header = new ArrayList<>(List.of("setting"));
            for (RunRecord r : runs) header.add(r.name());
            out.printRecord(header);
            for (RunDifference d : differences) {
                List<String> line = new ArrayList<>(List.of(d.setting()));
                line.addAll(d.values());
                out.printRecord(line);
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e); // a StringBuilder does not fail
        }
        return sb.toString();
    }

    /**
     * Each run's reconstruction of {@code images} (M × D, read only): their codes inferred through the run's decoder
     * (paper Lemma 3), then decoded. Null for a run whose images have another size or whose layers are too large to invert.
     */
    public static List<Matrix> reconstructions(List<RunRecord> runs, Matrix images, LinearAlgebra la, Cancellation cancel) {
        List<Matrix> out = new ArrayList<>();
        for (RunRecord r : runs) {
            cancel.check();
            int[] w = r.decoder().widths();
            boolean fits = w[w.length - 1] == images.cols()
                    && r.decoder().layers().stream().noneMatch(l -> l instanceof ConvUnpoolLayer c && !c.denseFits());
            out.add(fits ? Inference.infer(Engines.layerSystem(r.config(), la), r.decoder(), images, cancel).reconstruction() : null);
        }
        return out;
    }
}
