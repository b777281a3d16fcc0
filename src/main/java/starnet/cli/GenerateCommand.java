package starnet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import starnet.session.Generation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code generate}: samples and interpolations from a trained session, as PNG grids and .npy arrays. */
@Command(name = "generate", sortOptions = false, mixinStandardHelpOptions = true, abbreviateSynopsis = true,
        description = "Draws new images from a trained session's decoder — codes sampled from the density of its training codes (one Gaussian "
                + "per class when the data has labels, else a mixture of Gaussians) — and interpolates between two items' codes; writes "
                + "samples.png/.npy and interpolation.png/.npy into --out DIR.")
final class GenerateCommand implements Callable<Integer> {
    @ParentCommand Cli cli;
    @Mixin RuntimeOptions runtime;

    @Option(names = "--session", paramLabel = "FILE", required = true, description = "a fully trained session.starnet")
    String session;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "the output folder")
    String out;

    @Option(names = "--count", paramLabel = "N", defaultValue = "24", description = "samples to draw (0: none)")
    int count;

    @Option(names = "--class", paramLabel = "NAME|INDEX", description = "sample this class only (data with labels), e.g. 7")
    String className;

    @Option(names = "--spread", paramLabel = "S", defaultValue = "0.7", description = "how far samples stray from their Gaussian's mean: 1 = as fitted, lower = crisper")
    double spread;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "the samples' seed")
    long seed;

    @Option(names = "--interpolate", paramLabel = "A,B", description = "also decode codes on the line between items A and B")
    String between;

    @Option(names = "--steps", paramLabel = "N", defaultValue = "10", description = "images on the interpolation's line, ends included")
    int steps;

    @Override
    public Integer call() throws IOException {
        int[] ab = null;
        if (between != null) {
            String[] p = between.split(",");
            try {
                if (p.length != 2) throw new NumberFormatException();
                ab = new int[] {Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim())};
            } catch (NumberFormatException e) {
                throw new CliException("--interpolate expects two item numbers, e.g. 0,1; got '" + between + "'");
            }
        }
        var r = Generation.run(Cli.outputPath("--session", session), new Generation.Request(count, className, spread, seed, ab, steps),
                Cli.outputPath("--out", out), runtime.compute());
        if (!r.source().isEmpty()) cli.out.println(r.source());
        cli.out.println("wrote " + String.join(", ", r.files().stream().map(Path::toString).toList()));
        return 0;
    }
}
