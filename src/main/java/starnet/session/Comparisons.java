package starnet.session;

import starnet.explore.RunComparison;
import starnet.io.SessionFile;
import starnet.model.RunAxis;
import starnet.model.RunDifference;
import starnet.model.RunMetric;
import starnet.model.RunRecord;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Runs side by side, for the window's Compare tab and the command line's compare: saved runs read, their curves charted, their settings compared. */
public final class Comparisons {
    private Comparisons() {}

    /** The run saved in session file {@code file}, named {@code name}. */
    public static RunRecord read(Path file, String name) throws IOException {
        return of(name, SessionFile.read(file), file);
    }

    /** A saved session's run, named {@code name} ({@code file}: where it is saved, or null). */
    static RunRecord of(String name, SessionFile.Session s, Path file) {
        SessionFile.DatasetRef d = s.dataset();
        return new RunRecord(name, s.config(), s.training().steps(), s.training().decoder(), new int[] {d.channels(), d.height(), d.width()}, file);
    }

    /** What {@link #writeFolder} wrote: the runs, the settings that differ and the files. */
    public record Written(List<RunRecord> runs, List<RunDifference> differences, List<Path> files) {}

    /**
     * Compares saved sessions into {@code dir}: compare.png (their {@code metric} against {@code x}, with its CSV),
     * differences.csv (the settings that differ) and reconstructions.png (each run's reconstruction of the first
     * session's pinned items, their codes inferred through its decoder).
     */
    public static Written writeFolder(List<Path> sessions, Path dir, RunMetric metric, RunAxis x, Compute compute) throws IOException {
        List<RunRecord> runs = new java.util.ArrayList<>();
        SessionFile.Session first = null;
        for (Path file : sessions) {
            SessionFile.Session session = SessionFile.read(file);
            if (first == null) first = session;
            runs.add(of(RunRecord.nameFor(file, runs.stream().map(RunRecord::name).toList()), session, file));
        }
        java.nio.file.Files.createDirectories(dir);
        starnet.figures.FigureWriter.write(RunComparison.overlay(runs, metric, x), dir.resolve("compare.png"), starnet.model.FigureFormat.PNG, 2);
        List<RunDifference> diffs = RunComparison.differences(runs);
        starnet.io.AtomicFiles.writeText(dir.resolve("differences.csv"), RunComparison.differencesCsv(runs, diffs));
        List<starnet.math.Matrix> recon = RunComparison.reconstructions(runs, first.pinnedTargets(), compute.load(), starnet.training.Cancellation.NEVER);
        List<starnet.figures.GridFigure.Row> rows = new java.util.ArrayList<>();
        rows.add(new starnet.figures.GridFigure.Row("pinned items of " + runs.get(0).name(), first.pinnedTargets()));
        for (int i = 0; i < runs.size(); i++) if (recon.get(i) != null) rows.add(new starnet.figures.GridFigure.Row(runs.get(i).name(), recon.get(i)));
        int[] shape = runs.get(0).imageShape();
        starnet.figures.FigureWriter.writeFigure(new starnet.figures.GridFigure("Reconstructions of the same items", rows, List.of(), shape[0], shape[1], shape[2]),
                dir.resolve("reconstructions.png"), starnet.model.FigureFormat.PNG, 2);
        return new Written(runs, diffs, List.of(dir.resolve("compare.png"), dir.resolve("differences.csv"), dir.resolve("reconstructions.png")));
    }

    /** One line per run: {@code metric} after every solve, against {@code x}. */
    public static Chart overlay(List<RunRecord> runs, RunMetric metric, RunAxis x) {
        return new Chart(RunComparison.overlay(runs, metric, x));
    }

    /** The settings that differ between the runs' configurations. */
    public static List<RunDifference> differences(List<RunRecord> runs) {
        return RunComparison.differences(runs);
    }

    /** The differences as CSV: a row per setting, a column per run. */
    public static String differencesCsv(List<RunRecord> runs, List<RunDifference> differences) {
        return RunComparison.differencesCsv(runs, differences);
    }
}
