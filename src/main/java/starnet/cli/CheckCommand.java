package starnet.cli;

import starnet.session.DataJobs;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;
import java.util.concurrent.Callable;

import java.io.PrintStream;

/** {@code check}: prints the determinedness report; exit 0 when every system is determined, 2 otherwise. */
@Command(name = "check", sortOptions = false, mixinStandardHelpOptions = true, abbreviateSynopsis = true, description = "Prints the determinedness report (paper Theorems 1-4, Lemmas 5-8); "
        + "exit 0 if every linear system is determined, 2 if not.")
final class CheckCommand implements Callable<Integer> {
    @ParentCommand Cli cli;
    @Mixin DataOptions data;
    @Mixin ModelOptions model;
    @Mixin RuntimeOptions runtime;

    @Override
    public Integer call() {
        PrintStream out = cli.out;
        DataJobs.Checked r = DataJobs.check(model.config(data), runtime.compute());
        out.println("Data: " + r.data());
        out.println("Decoder " + r.decoder());
        out.print(r.report());
        out.println(r.determined() ? "Every system is determined: ready to train." : "Some systems are not determined (✗ above): training would fail.");
        return r.determined() ? 0 : 2;
    }
}
