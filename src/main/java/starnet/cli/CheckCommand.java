package starnet.cli;

import starnet.data.Dataset;
import starnet.data.Datasets;
import starnet.model.DeterminednessReport;
import starnet.model.StarNetConfig;

import java.io.PrintStream;

/** {@code check}: prints the determinedness report; exit 0 when every system is determined, 2 otherwise. */
final class CheckCommand {
    private CheckCommand() {}

    static int run(Args a, PrintStream out) {
        StarNetConfig c = RunOptions.config(a);
        Dataset ds = Datasets.load(c.data());
        DeterminednessReport r = DeterminednessReport.feedforward(c.architecture().allWidths(ds.pixels()), ds.size());
        out.println("Data: " + ds.name() + ", " + ds.facts());
        out.println("Decoder: " + String.join(" → ", java.util.Arrays.stream(c.architecture().allWidths(ds.pixels())).mapToObj(Integer::toString).toList())
                + ", leaky-ReLU slope " + c.architecture().slope());
        out.print(r.text());
        out.println(r.hasErrors() ? "Some systems are not determined (✗ above): training would fail." : "Every system is determined: ready to train.");
        return r.hasErrors() ? 2 : 0;
    }
}
