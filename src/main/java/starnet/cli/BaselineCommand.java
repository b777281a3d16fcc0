package starnet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import java.util.concurrent.Callable;
import starnet.baseline.Autoencoder;
import starnet.baseline.Pca;
import starnet.model.Dataset;
import starnet.data.Datasets;
import starnet.math.LinearAlgebra;
import starnet.model.StarNetConfig;
import starnet.training.LayerSystem;

import java.io.PrintStream;

/** {@code baseline}: the PCA bound at each width of the architecture and the Adam autoencoder's MSE per epoch. */
@Command(name = "baseline", sortOptions = false, mixinStandardHelpOptions = true, abbreviateSynopsis = true, description = "The PCA bound (Eckart-Young) at every width of the architecture, "
        + "and the Adam autoencoder of the same widths per epoch.")
final class BaselineCommand implements Callable<Integer> {
    @ParentCommand Cli cli;
    @Mixin DataOptions data;
    @Mixin ModelOptions model;
    @Mixin RuntimeOptions runtime;

    @Override
    public Integer call() {
        PrintStream out = cli.out;
        StarNetConfig config = model.config(data);
        LinearAlgebra la = runtime.backend();
        Dataset ds = Datasets.load(config.data());
        int[] widths = config.architecture().widths(ds.channels(), ds.height(), ds.width());
        long t0 = System.nanoTime();
        Pca pca = Pca.fit(ds.images(), la);
        out.printf("PCA (affine, Eckart-Young) on %s, %d items, %.1f s:%n", ds.name(), ds.size(), (System.nanoTime() - t0) / 1e9);
        for (int i = 0; i + 1 < widths.length; i++) out.printf("  rank %d: MSE %.6f%n", widths[i], pca.mse(widths[i]));
        Autoencoder ae = new Autoencoder(widths, config.architecture().slope(), config.training().seed());
        double seconds = 0;
        for (int e = 1; e <= config.training().maxEpochs(); e++) {
            long s = System.nanoTime();
            double loss = ae.trainEpoch(ds.images(), la);
            seconds += (System.nanoTime() - s) / 1e9;
            out.printf("autoencoder epoch %d: elastic loss %.5f, MSE %.6f, %.1f s%n", e, loss, LayerSystem.mse(ae.reconstruct(ds.images(), la), ds.images()), seconds);
        }
        return 0;
    }
}
