package starnet.session;

import starnet.data.Datasets;
import starnet.explore.Sweep;
import starnet.model.Dataset;
import starnet.model.StarNetConfig;
import starnet.model.SweepAxis;
import starnet.model.SweepPlan;
import starnet.model.SweepRow;
import starnet.training.Cancellation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** A sweep from the command line: one training per combination of one or two settings, into a folder that resumes. */
public final class Sweeps {
    private Sweeps() {}

    /**
     * The plan of sweeping {@code params} ("NAME=VALUES", one or two) from {@code config}: every combination makes a
     * valid configuration, checked before any data is read.
     */
    public static SweepPlan plan(StarNetConfig config, List<String> params) {
        if (params.size() > 2) throw new UserError("--param: a sweep varies one or two settings, got " + params.size());
        List<SweepAxis> axes = new ArrayList<>();
        for (String p : params) {
            try {
                axes.add(SweepAxis.parse(p));
            } catch (IllegalArgumentException e) {
                throw new UserError("--param " + e.getMessage());
            }
        }
        try {
            SweepPlan plan = new SweepPlan(config, axes);
            plan.combinations().forEach(plan::config);
            return plan;
        } catch (IllegalArgumentException e) {
            throw new UserError("--param: " + e.getMessage());
        }
    }

    /** Runs {@code plan} into {@code dir} (resuming what is there); each row goes to {@code onRow}, progress lines to {@code progress}. */
    public static List<SweepRow> run(SweepPlan plan, Path dir, Compute compute, Consumer<SweepRow> onRow, starnet.model.WorkProgress progress) throws IOException {
        int limit = plan.base().data().limit();
        Dataset ds = Datasets.load(plan.base().data().withLimit(limit > 0 ? limit + Sweep.HELD_OUT : 0));
        try {
            return new Sweep(plan).run(ds, compute.load(), dir, onRow, (fraction, text) -> {
                progress.note(text);
                progress.done(fraction);
            }, Cancellation.NEVER);
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage());
        }
    }
}
