package starnet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import java.util.concurrent.Callable;
import starnet.model.Dataset;
import starnet.data.Datasets;
import starnet.model.DeterminednessReport;
import starnet.model.StarNetConfig;

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
        runtime.check();
        StarNetConfig c = model.config(data);
        Dataset ds = Datasets.load(c.data());
        var plan = RunOptions.plan(c, ds);
        DeterminednessReport r = DeterminednessReport.forDecoder(plan, ds.size(), c.architecture().slope(), c.training());
        if (c.architecture().isConv() && !r.hasErrors()) {
            var act = new starnet.model.LeakyRelu(c.architecture().slope());
            var decoder = starnet.training.Initializer.decoder(plan, act, c.training().init(), c.training().seed());
            r = r.withRank(decoder, runtime.backend());
        }
        out.println("Data: " + ds.name() + ", " + ds.facts());
        StringBuilder shape = new StringBuilder();
        for (var p : plan) shape.append(shape.length() == 0 ? "" : ";  ").append("layer ").append(p.index() + 1).append(": ").append(p.describe());
        out.println("Decoder (" + c.architecture().kind() + "): " + shape + "; leaky-ReLU slope " + c.architecture().slope());
        out.print(r.text());
        out.println(r.hasErrors() ? "Some systems are not determined (✗ above): training would fail." : "Every system is determined: ready to train.");
        return r.hasErrors() ? 2 : 0;
    }
}
