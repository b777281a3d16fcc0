package starnet.session;

import starnet.baseline.Autoencoder;
import starnet.baseline.Pca;
import starnet.data.Datasets;
import starnet.math.LinearAlgebra;
import starnet.model.Dataset;
import starnet.model.DeterminednessReport;
import starnet.model.LayerPlan;
import starnet.model.StarNetConfig;
import starnet.training.Initializer;
import starnet.training.LayerSystem;

import java.util.List;
import java.util.function.Consumer;

/** Jobs on a configuration and its data that train no StarNet: the determinedness check and the baselines. */
public final class DataJobs {
    private DataJobs() {}

    /** A configuration checked against its data: the data's facts, the decoder's layers, the report. */
    public record Checked(String data, String decoder, String report, boolean determined) {}

    /** The images' channels of {@code spec}'s data: from its header where it declares them, else by loading it. */
    public static int channels(starnet.model.DataSpec spec) {
        DeclaredData d = DeclaredData.of(spec);
        return d != null ? d.channels() : Datasets.load(spec).channels();
    }

    /** Whether every system of {@code config} is determined on its data (with the rank of conv operators at their initial weights). */
    public static Checked check(StarNetConfig c, Compute compute) {
        Dataset ds = Datasets.load(c.data());
        List<LayerPlan> plan;
        try {
            plan = c.architecture().plan(ds.channels(), ds.height(), ds.width());
        } catch (IllegalArgumentException e) {
            throw new UserError(e.getMessage() + " (images are " + ds.channels() + "×" + ds.height() + "×" + ds.width() + ")");
        }
        DeterminednessReport r = DeterminednessReport.forDecoder(plan, ds.size(), c.architecture().slope(), c.training());
        if (c.architecture().isConv() && !r.hasErrors()) {
            var decoder = Initializer.decoder(plan, new starnet.model.LeakyRelu(c.architecture().slope()), c.training().init(), c.training().seed());
            r = r.withRank(decoder, compute.load());
        }
        StringBuilder shape = new StringBuilder();
        for (var p : plan) shape.append(shape.length() == 0 ? "" : ";  ").append("layer ").append(p.index() + 1).append(": ").append(p.describe());
        return new Checked(ds.name() + ", " + ds.facts(), "(" + c.architecture().kind().id() + "): " + shape + "; leaky-ReLU slope " + c.architecture().slope(),
                r.text(), !r.hasErrors());
    }

    /** A dataset written as a row store: where, its rows × values and precision, and its size in bytes. */
    public record StoreWritten(String location, long rows, int cols, starnet.model.StoragePrecision precision, long bytes) {}

    /**
     * Writes the images of {@code spec}, each in {@code shifts} variants, as a row store at {@code location} — a file here,
     * or an address on a file system Hadoop reaches, where Spark's executors read it in place — put there only once
     * whole; the fraction written goes to {@code progress}.
     *
     * @throws UserError for a request that cannot be done (nothing is written then)
     */
    public static StoreWritten writeStore(starnet.model.DataSpec spec, int shifts, starnet.model.StoragePrecision precision, String location,
                                          starnet.model.WorkProgress progress) throws java.io.IOException {
        if (shifts < 1 || shifts > starnet.model.EngineSpec.MAX_SHIFTS) {
            throw new UserError("--shifts must be 1 (the images as they are) to " + starnet.model.EngineSpec.MAX_SHIFTS + ", got " + shifts);
        }
        if (location.isBlank()) throw new UserError("the store needs a place to go: a file, or an address such as hdfs://host:9000/data/images.store");
        starnet.store.StoreData.Written w = starnet.store.StoreData.writeTo(spec, shifts, precision, location, progress);
        return new StoreWritten(w.location(), w.rows(), w.cols(), w.precision(), w.bytes());
    }

    /**
     * PCA at each width of the decoder (the Eckart–Young bound) and the Adam autoencoder of the same widths, epoch by
     * epoch; result lines go to {@code say}, the fraction done (PCA counted as one epoch) to {@code progress}.
     */
    public static void baselines(StarNetConfig config, Compute compute, Consumer<String> say, starnet.model.WorkProgress progress) {
        LinearAlgebra la = compute.load();
        Dataset ds = Datasets.load(config.data());
        int[] widths = config.architecture().widths(ds.channels(), ds.height(), ds.width());
        double units = 1 + config.training().maxEpochs();
        progress.done(0);
        long t0 = System.nanoTime();
        Pca pca = Pca.fit(ds.images(), la);
        progress.done(1 / units);
        say.accept(String.format("PCA (affine, Eckart-Young) on %s, %d items, %.1f s:", ds.name(), ds.size(), (System.nanoTime() - t0) / 1e9));
        for (int i = 0; i + 1 < widths.length; i++) say.accept(String.format("  rank %d: MSE %.6f", widths[i], pca.mse(widths[i])));
        Autoencoder ae = new Autoencoder(widths, config.architecture().slope(), config.training().seed());
        double seconds = 0;
        for (int e = 1; e <= config.training().maxEpochs(); e++) {
            long s = System.nanoTime();
            double loss = ae.trainEpoch(ds.images(), la);
            seconds += (System.nanoTime() - s) / 1e9;
            say.accept(String.format("autoencoder epoch %d: elastic loss %.5f, MSE %.6f, %.1f s", e, loss, LayerSystem.mse(ae.reconstruct(ds.images(), la), ds.images()),
                    seconds));
            progress.done((1 + e) / units);
        }
    }
}
