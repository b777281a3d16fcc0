package starnet.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a run folder's metrics.jsonl says, read as plain text (independently of the writer's JSON library). */
public final class RunMetrics {
    private RunMetrics() {}

    /** The output MSE of the run's last step, after checking that its lines are steps 1, 2, … each once. */
    public static double finalMse(Path out) throws IOException {
        List<String> lines = Files.readAllLines(out.resolve("metrics.jsonl"));
        for (int i = 0; i < lines.size(); i++) assertTrue(lines.get(i).startsWith("{\"step\":" + (i + 1) + ","), "step " + (i + 1) + " once: " + lines.get(i));
        String last = lines.get(lines.size() - 1);
        int at = last.indexOf("\"output_mse\":") + 13;
        return Double.parseDouble(last.substring(at, last.indexOf(',', at)).trim());
    }
}
