package starnet.cli;

import starnet.session.Chart;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import starnet.model.LatentMap;
import starnet.model.Projection;
import starnet.model.SystemInspection;
import starnet.model.FigureFormat;
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
        Path spectrumFile = figureFile("--spectrum", spectrum), mapFile = figureFile("--map", map);
        starnet.session.SavedSession saved = starnet.session.SavedSession.read(Cli.outputPath("--session", session));
        starnet.model.Provenance from = saved.provenance();
        if (from != null) from.lines().forEach(out::println);
        else out.println("(no record of where it came from: the file was written before version 0.2)");
        if (saved.cannotInspect() != null) throw new CliException(saved.cannotInspect());
        WorkbenchSession s = WorkbenchSession.immediate(runtime.compute());
        SessionRun.await(s.open(Cli.outputPath("--session", session)));
        SystemInspection in = SessionRun.await(s.inspectNewestSystem());
        in.facts().forEach(out::println);
        if (in.healthy()) out.println("Healthy: full rank, well conditioned, the residual orthogonal to the columns.");
        for (String a : in.alerts()) out.println("ALERT: " + a);
        if (spectrumFile != null) {
            List<Path> written = Chart.spectrum(in).write(spectrumFile, FigureFormat.requireKnown(spectrumFile), 2);
            out.println("wrote " + written.get(0) + " and " + written.get(1).getFileName());
        }
        if (mapFile != null) {
            LatentMap m = SessionRun.await(s.latentMap(p));
            List<Path> written = Chart.latentMap(m, p.label() + " of the " + m.source()).write(mapFile, FigureFormat.requireKnown(mapFile), 2);
            out.println("wrote " + written.get(0) + " (" + m.size() + " items" + (m.heldX().length > 0 ? ", " + m.heldX().length + " held out" : "") + ") and "
                    + written.get(1).getFileName());
        }
        return 0;
    }

    /** A figure file named by {@code option}: a usable name with a figure's extension (or none), or null when not asked. */
    private static Path figureFile(String option, String value) {
        if (value == null) return null;
        Path file = Cli.outputPath(option, value);
        try {
            FigureFormat.requireKnown(file);
        } catch (IllegalArgumentException e) {
            throw new CliException(option + ": " + e.getMessage());
        }
        return file;
    }
}
