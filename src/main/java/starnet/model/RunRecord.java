package starnet.model;

import starnet.model.Decoder;
import starnet.model.StarNetConfig;
import starnet.model.StepResult;

import java.nio.file.Path;
import java.util.List;

/**
 * A run kept for comparison: its name, configuration, every solve it made and its decoder as it stands.
 *
 * @param imageShape channels, height, width of the images it decodes
 * @param file       the session file it came from, or null for the session in the window
 */
public record RunRecord(String name, StarNetConfig config, List<StepResult> steps, Decoder decoder, int[] imageShape, Path file) {
    public RunRecord {
        steps = List.copyOf(steps);
        imageShape = imageShape.clone();
    }

    /**
     * A name for the run saved in {@code file}: a {@code train --out} folder's name for its session.starnet, else the
     * file's name without .starnet; " (2)", " (3)", … added when {@code taken} has it already.
     */
    public static String nameFor(Path file, java.util.Collection<String> taken) {
        Path abs = file.toAbsolutePath();
        Path folder = abs.getParent() == null ? null : abs.getParent().getFileName();
        String base = abs.getFileName().toString().equals("session.starnet") && folder != null
                ? folder.toString() : abs.getFileName().toString().replaceFirst("\\.starnet$", "");
        String n = base;
        for (int i = 2; taken.contains(n); i++) n = base + " (" + i + ")";
        return n;
    }

    /** The last step's output MSE, or NaN before any step. */
    public double finalOutputMse() { return steps.isEmpty() ? Double.NaN : steps.get(steps.size() - 1).outputMse(); }

    public double totalSeconds() { return steps.stream().mapToDouble(StepResult::seconds).sum(); }

    @Override public String toString() { return name; }
}
