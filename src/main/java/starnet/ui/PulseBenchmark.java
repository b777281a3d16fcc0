package starnet.ui;

import starnet.session.TrainAction;

import starnet.model.TrainingSnapshot;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Benchmark, not a test: opens the real window, loads a dataset, presses Train all (a second after the
 * first model is drawn), and records the
 * gaps between JavaFX pulses until training ends. Prints the longest gap and percentiles.
 * Run: {@code xvfb-run -a -s "-screen 0 1600x1000x24" java -cp target/starnet.jar starnet.ui.PulseBenchmark ../shared/data/fashion-mnist [epochs]}
 */
public final class PulseBenchmark {
    /** The measuring application (a nested class: a main class extending Application cannot start from a plain jar). */
    public static final class Probe extends Application {
    private final List<Double> gaps = new ArrayList<>();
    private final List<Double> times = new ArrayList<>();
    private final List<double[]> layouts = new ArrayList<>(); // {seconds since Train all, ms of CSS + layout in that pulse}
    private long start;
    private long last;
    private boolean recording;

    @Override
    public void start(Stage stage) {
        List<String> args = getParameters().getRaw();
        String source = args.isEmpty() ? "sample:fashion-mnist" : args.get(0);
        int epochs = args.size() > 1 ? Integer.parseInt(args.get(1)) : 5;
        Workbench wb = new Workbench(starnet.ui.core.DiscardGuard.ALLOW, null);
        wb.onSolver(() -> System.out.println("solver thread priority: nice " + starnet.session.Compute.currentNice().orElse(0)));
        var vm = wb.models().session();
        var editor = wb.models().architecture();
        editor.edit(() -> { // one change: the data and the schedule, loaded and set up once
            editor.sourceProperty().set(source);
            editor.maxEpochsProperty().set(epochs);
            editor.toleranceProperty().set(0);
        });
        WorkbenchView view = wb.view();
        Scene scene = new Scene(view.root(), 1480, 940);
        stage.setScene(scene);
        long[] pre = new long[1];
        scene.addPreLayoutPulseListener(() -> pre[0] = System.nanoTime());
        scene.addPostLayoutPulseListener(() -> {
            if (recording) layouts.add(new double[] {(System.nanoTime() - start) / 1e9, (System.nanoTime() - pre[0]) / 1e6});
        });
        stage.show();
        view.prepareDisabledStyles();
        long[] t0 = new long[1];
        new AnimationTimer() {
            @Override public void handle(long now) {
                if (recording && last != 0) {
                    gaps.add((now - last) / 1e6);
                    times.add((now - start) / 1e9);
                }
                last = now;
            }
        }.start();
        vm.datasetProperty().addListener((obs, o, d) -> {
            if (d == null) return;
            System.out.println("loaded " + d.name() + ": " + d.facts());
            vm.latestProperty().addListener(new javafx.beans.value.ChangeListener<>() {
                @Override public void changed(javafx.beans.value.ObservableValue<? extends TrainingSnapshot> obs2, TrainingSnapshot a, TrainingSnapshot b) {
                    if (b == null || b.step() != null || vm.runningProperty().get()) return;
                    vm.latestProperty().removeListener(this);
                    // pressed a second after the first model is drawn, as a person would, not in the same event
                    javafx.animation.PauseTransition settle = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(1));
                    settle.setOnFinished(e -> {
                        recording = true;
                        start = System.nanoTime();
                        System.out.printf("Train all pressed at %s (JVM uptime %.3f s)%n", java.time.LocalTime.now(java.time.ZoneId.systemDefault()),
                                java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime() / 1e3);
                        t0[0] = System.nanoTime();
                        long c0 = System.nanoTime();
                        wb.models().run().run(TrainAction.TRAIN_ALL);
                        System.out.printf("starting the command took %.1f ms on the FX thread%n", (System.nanoTime() - c0) / 1e6);
                    });
                    settle.play();
                }
            });
        });
        vm.finishedProperty().addListener((obs, o, done) -> {
            if (!done) return;
            recording = false;
            List<Double> sorted = new ArrayList<>(gaps);
            Collections.sort(sorted);
            double max = sorted.isEmpty() ? 0 : sorted.get(sorted.size() - 1);
            double p99 = sorted.isEmpty() ? 0 : sorted.get((int) (0.99 * (sorted.size() - 1)));
            double p50 = sorted.isEmpty() ? 0 : sorted.get(sorted.size() / 2);
            System.out.printf("trained %d steps in %.1f s; %d pulses; gap between pulses: median %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    wb.session().state().steps().size(), (System.nanoTime() - t0[0]) / 1e9, gaps.size(), p50, p99, max);
            StringBuilder worst = new StringBuilder("longest gaps (ms @ s since Train all):");
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < gaps.size(); i++) order.add(i);
            order.sort((x, y) -> Double.compare(gaps.get(y), gaps.get(x)));
            for (int i = 0; i < Math.min(5, order.size()); i++) worst.append(String.format(" %.0f@%.1f", gaps.get(order.get(i)), times.get(order.get(i))));
            System.out.println(worst);
            layouts.sort((x, y) -> Double.compare(y[1], x[1]));
            StringBuilder lay = new StringBuilder("slowest CSS+layout passes (ms @ s):");
            for (int i = 0; i < Math.min(5, layouts.size()); i++) lay.append(String.format(" %.0f@%.1f", layouts.get(i)[1], layouts.get(i)[0]));
            System.out.println(lay);
            wb.shutdown();
            Platform.exit();
        });
    }

    }

    private PulseBenchmark() {}

    public static void main(String[] args) {
        WorkbenchApp.configureRendering();
        Application.launch(Probe.class, args);
    }
}
