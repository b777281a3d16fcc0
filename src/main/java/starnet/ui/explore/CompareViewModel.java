package starnet.ui.explore;

import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import starnet.session.Comparisons;
import starnet.session.Messages;
import starnet.model.RunRecord;
import starnet.math.Matrix;
import starnet.session.AppLog;
import starnet.session.Notice;
import starnet.ui.core.FxThread;
import starnet.ui.core.SessionModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

/**
 * Runs side by side: the session in the window ("This session", taken as it stands when compared), runs kept for
 * comparison (session files in a folder of their own, so they outlive the window) and any session file added.
 */
public final class CompareViewModel {
    /** The live session's name in the list. */
    public static final String THIS_SESSION = "This session";

    /** A run in the list: the session in the window (record null until compared), or a saved one. */
    public static final class Entry {
        private final String name;
        private final RunRecord saved;
        private final java.nio.file.Path unreadable;
        private final BooleanProperty selected = new SimpleBooleanProperty();

        Entry(String name, RunRecord saved, boolean selected) {
            this(name, saved, null, selected);
        }

        private Entry(String name, RunRecord saved, java.nio.file.Path unreadable, boolean selected) {
            this.name = name;
            this.saved = saved;
            this.unreadable = unreadable;
            this.selected.set(selected);
        }

        /** A kept run's file that could not be read: listed (so it can be removed), never compared. */
        static Entry unreadable(String name, java.nio.file.Path file) { return new Entry(name, null, file, false); }

        public String name() { return name; }
        public boolean live() { return saved == null && unreadable == null; }
        public RunRecord saved() { return saved; }
        /** The file of a kept run that could not be read, or null. */
        public java.nio.file.Path unreadableFile() { return unreadable; }
        public BooleanProperty selectedProperty() { return selected; }

        @Override public String toString() {
            if (unreadable != null) return name + " — could not be read (damaged?); left as it is";
            return saved == null ? name + " (as it stands)" : String.format("%s — %d solves, MSE %.5f", name, saved.steps().size(), saved.finalOutputMse());
        }
    }

    /** What a comparison shows. */
    public record Result(List<RunRecord> runs, starnet.session.Chart chart, List<starnet.model.RunDifference> differences) {}

    private final SessionModel model;
    private final Path folder;
    private final ObservableList<Entry> entries = FXCollections.observableArrayList();
    private final ObjectProperty<starnet.model.RunMetric> metric = new SimpleObjectProperty<>(starnet.model.RunMetric.OUTPUT_MSE);
    private final ObjectProperty<starnet.model.RunAxis> xAxis = new SimpleObjectProperty<>(starnet.model.RunAxis.STEP);
    private final ReadOnlyObjectWrapper<Result> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<List<Matrix>> reconstructions = new ReadOnlyObjectWrapper<>();

    /** @param folder where kept runs live (read now, in the background) */
    public CompareViewModel(SessionModel model, Path folder) {
        this.model = model;
        this.folder = folder;
        entries.add(new Entry(THIS_SESSION, null, true));
        var unused = CompletableFuture.supplyAsync(this::readKept).thenAccept(list -> Platform.runLater(() -> entries.addAll(list))); // readKept skips what it cannot read
        // a comparison that shows the window's run follows it: compared again once new training stops
        model.latestProperty().addListener((obs, o, n) -> refreshLive());
        model.runningProperty().addListener((obs, o, running) -> refreshLive());
    }

    private void refreshLive() {
        Result shown = result.get();
        if (shown == null || model.runningProperty().get()) return;
        boolean liveShown = entries.stream().anyMatch(e -> e.live() && e.selectedProperty().get());
        if (liveShown) compare();
    }

    private List<Entry> readKept() {
        List<Entry> out = new ArrayList<>();
        if (!Files.isDirectory(folder)) return out;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".starnet")).sorted().toList()) {
                String name = f.getFileName().toString().replaceFirst("\\.starnet$", "");
                try {
                    out.add(new Entry(name, Comparisons.read(f, name), false));
                } catch (IOException | RuntimeException e) {
                    AppLog.error("reading the kept run " + f, e);
                    out.add(Entry.unreadable(name, f));
                }
            }
        } catch (IOException e) {
            AppLog.error("listing kept runs in " + folder, e);
        }
        return out;
    }

    public ObservableList<Entry> entries() { return entries; }
    public ObjectProperty<starnet.model.RunMetric> metricProperty() { return metric; }
    public ObjectProperty<starnet.model.RunAxis> xAxisProperty() { return xAxis; }
    public ReadOnlyObjectProperty<Result> resultProperty() { return result.getReadOnlyProperty(); }
    /** The pinned items, then each compared run's reconstruction of them (null where it cannot). */
    public ReadOnlyObjectProperty<List<Matrix>> reconstructionsProperty() { return reconstructions.getReadOnlyProperty(); }

    /** A name for the run in the window, from what sets it apart. */
    public String suggestedName() {
        var c = model.configProperty().get();
        if (c == null) return "run";
        return String.format("%s, slope %s, %s", c.architecture().isConv() ? "conv " + c.architecture().kernels() : "widths " + c.architecture().widths(),
                starnet.model.Numbers.plain(c.architecture().slope()), c.training().order().id()).replace("[", "").replace("]", "");
    }

    /** Keeps the run in the window under {@code name} (a session file in the kept-runs folder) and selects it. */
    public void keep(String name) {
        FxThread.check();
        String clean = name.strip().replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        if (clean.isEmpty()) {
            model.notify(Notice.error("Give the run a name, e.g. \"" + suggestedName() + "\"."));
            return;
        }
        if (taken(clean)) {
            model.notify(Notice.error("A run named \"" + clean + "\" is in the list already; choose another name."));
            return;
        }
        model.whenDone(model.session().keepRun(clean, folder.resolve(clean + ".starnet")), r -> {
            entries.add(new Entry(clean, r, true));
            model.notify(Notice.info("Kept the run as \"" + clean + "\" for comparison (" + r.file() + ")."));
            compare();
        });
    }

    /** Adds a saved session (e.g. a train --out folder's session.starnet) to the list, selected. */
    public void add(Path file) {
        FxThread.check();
        List<String> names = entries.stream().map(Entry::name).toList();
        String name = RunRecord.nameFor(file, names);
        var unused = CompletableFuture.supplyAsync(() -> {
            try {
                return Comparisons.read(file, name);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).whenComplete((run, err) -> Platform.runLater(() -> {
            if (err != null) {
                Throwable e = err.getCause() != null ? err.getCause() : err;
                AppLog.error("adding " + file + " to the comparison", e);
                String why = e instanceof java.io.UncheckedIOException u ? Messages.describe(u.getCause()) : e.getMessage();
                model.notify(Notice.error("Could not add " + file.getFileName() + ": " + why));
                return;
            }
            entries.add(new Entry(run.name(), run, true));
            compare();
        }));
    }

    private boolean taken(String name) { return entries.stream().anyMatch(e -> e.name().equals(name)); }

    /** Removes a saved run from the list; a kept run's file is deleted too. */
    public void remove(Entry e) {
        FxThread.check();
        if (e.live()) return;
        entries.remove(e);
        Path file = fileOf(e);
        if (kept(e)) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ex) {
                AppLog.error("deleting " + file, ex);
                model.notify(Notice.error("Could not delete " + file + ": " + Messages.describe(ex)));
            }
        }
        compare();
    }

    /** The file behind a saved or unreadable entry, or null. */
    public static Path fileOf(Entry e) { return e.unreadableFile() != null ? e.unreadableFile() : e.saved() == null ? null : e.saved().file(); }

    /** Whether {@code e} is a kept run (its file goes with it when removed). */
    public boolean kept(Entry e) { return !e.live() && fileOf(e) != null && fileOf(e).startsWith(folder); }

    /** Compares the selected runs: the live one as it stands now; then their reconstructions of the pinned items, in the background. */
    @SuppressWarnings("ReferenceEquality") // "is this still the comparison that asked?": identity, by design
    public void compare() {
        FxThread.check();
        List<Entry> chosen = entries.stream().filter(e -> e.selectedProperty().get() && e.unreadableFile() == null).toList();
        boolean live = chosen.stream().anyMatch(Entry::live) && model.stateProperty().get() != null && !model.steps().isEmpty();
        CompletableFuture<RunRecord> current = live ? model.session().currentRun(THIS_SESSION) : CompletableFuture.completedFuture(null);
        model.whenDone(current, now -> {
            List<RunRecord> runs = new ArrayList<>();
            for (Entry e : chosen) {
                if (!e.live()) runs.add(e.saved());
                else if (now != null) runs.add(now);
            }
            Result r = new Result(runs, Comparisons.overlay(runs, metric.get(), xAxis.get()), Comparisons.differences(runs));
            result.set(r);
            reconstructions.set(null);
            if (!runs.isEmpty() && model.datasetProperty().get() != null) {
                model.whenDone(model.session().reconstructPinned(runs), images -> {
                    if (result.get() == r) reconstructions.set(images); // a newer comparison has replaced this one otherwise
                });
            }
        });
    }

    /** The window's session (its file dialogs' folders). */
    public SessionModel model() { return model; }
}
