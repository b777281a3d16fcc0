package starnet.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import starnet.model.LatentMap;
import starnet.model.Projection;
import starnet.model.SystemInspection;
import starnet.model.FigureFormat;
import starnet.figures.FigureWriter;
import starnet.session.WorkbenchSession;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code inspect --session FILE}: the newest solve's system looked at closely, and optionally its latent map. */
@Command(name = "inspect", sortOptions = false, mixinStandardHelpOptions = true, abbreviateSynopsis = true,
        description = "Opens a saved session (its data reloaded and checked) and inspects the newest solve's linear system: size, the known "
                + "matrix's singular values, rank, condition with and without the ridge, the residual and its orthogonality to the columns, alerts; "
                + "optionally draws the spectrum and the latent map.")
final class InspectCommand implements Callable<Integer> {
    @ParentCommand Cli cli;
    @Mixin RuntimeOptions runtime;

    @Option(names = "--session", paramLabel = "FILE", required = true, description = "a session.starnet (from train --out, or saved in the window)")
    String session;

    @Option(names = "--spectrum", paramLabel = "FILE.png|svg|pdf", description = "draw the singular values (the numbers beside it as .csv)")
    String spectrum;

    @Option(names = "--map", paramLabel = "FILE.png|svg|pdf", description = "draw the latent map of the newest solve's latents (the codes once trained)")
    String map;

    @Option(names = "--projection", paramLabel = "pca|umap", defaultValue = "pca", completionCandidates = Candidates.Projections.class,
            description = "the map's projection: PCA, or UMAP on up to 2,000 items")
    String projection;

    @Override
    public Integer call() throws IOException {
        PrintStream out = cli.out;
        Projection p = switch (projection) {
            case "pca" -> Projection.PCA;
            case "umap" -> Projection.UMAP;
            default -> throw new CliException("--projection expects pca or umap, got '" + projection + "'");
        };
        Path spectrumFile = spectrum == null ? null : Cli.outputPath("--spectrum", spectrum);
        Path mapFile = map == null ? null : Cli.outputPath("--map", map);
        WorkbenchSession s = WorkbenchSession.immediate(runtime.backend());
        SessionRun.await(s.open(Cli.outputPath("--session", session)));
        SystemInspection in = SessionRun.await(s.inspectNewestSystem());
        in.facts().forEach(out::println);
        if (in.healthy()) out.println("Healthy: full rank, well conditioned, the residual orthogonal to the columns.");
        for (String a : in.alerts()) out.println("ALERT: " + a);
        if (spectrumFile != null) {
            FigureWriter.write(starnet.figures.ExploreFigures.spectrum(in), spectrumFile, FigureFormat.ofFileName(spectrumFile).orElse(FigureFormat.PNG), 2);
            out.println("wrote " + spectrumFile + " and " + FigureWriter.csvBeside(spectrumFile).getFileName());
        }
        if (mapFile != null) {
            LatentMap m = SessionRun.await(s.latentMap(p));
            FigureWriter.write(starnet.figures.ExploreFigures.latentMap(m, p.label() + " of the " + m.source()), mapFile, FigureFormat.ofFileName(mapFile).orElse(FigureFormat.PNG), 2);
            out.println("wrote " + mapFile + " (" + m.size() + " items" + (m.heldX().length > 0 ? ", " + m.heldX().length + " held out" : "") + ") and "
                    + FigureWriter.csvBeside(mapFile).getFileName());
        }
        return 0;
    }
}
