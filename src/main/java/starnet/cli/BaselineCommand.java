package starnet.cli;

import starnet.session.DataJobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import java.util.concurrent.Callable;

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
        TerminalBar bar = TerminalBar.of(cli.err);
        try {
            DataJobs.baselines(model.config(data), runtime.compute(), line -> bar.above(() -> cli.out.println(line)), bar);
        } finally {
            bar.finish();
        }
        return 0;
    }
}
