package starnet.cli;

import starnet.session.Benchmark;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.IOException;
import java.util.concurrent.Callable;

/**
 * {@code bench}: trains with the real trainer and reports, per layer, the median seconds of SL and SW
 * steps (each including its evaluation and, below the last layer, the decode to the output), their
 * GFLOP/s with the FLOP count assumed, the backend's 2000×2000 DGEMM rate and the peak heap.
 */
@Command(name = "bench", sortOptions = false, mixinStandardHelpOptions = true, abbreviateSynopsis = true, description = "Trains with the real trainer and times SL and SW per layer with their FLOP "
        + "counts, the backend's DGEMM rate and the peak heap.")
final class BenchCommand implements Callable<Integer> {
    @ParentCommand Cli cli;
    @Mixin DataOptions data;
    @Mixin ModelOptions model;
    @Mixin RuntimeOptions runtime;

    @Option(names = "--json", description = "JSON output")
    boolean json;

    @Override
    public Integer call() throws IOException {
        Benchmark.run(model.config(data), runtime.compute(), json, cli.out);
        return 0;
    }
}
