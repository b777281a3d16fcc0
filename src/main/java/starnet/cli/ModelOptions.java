package starnet.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import starnet.model.SolverKind;
import starnet.model.ArchitectureConfig;
import starnet.model.InitKind;
import starnet.model.Padding;
import starnet.model.Presets;
import starnet.model.SolveOrder;
import starnet.model.StarNetConfig;
import starnet.model.TrainingConfig;

import java.nio.file.Path;

/**
 * The architecture and training options. Defaults are the configuration's own (a test holds them together);
 * --config FILE.json is read first and every option typed after it overrides its field.
 */
final class ModelOptions {
    @Spec(Spec.Target.MIXEE) CommandSpec spec;

    @Option(names = "--config", paramLabel = "FILE.json", description = "the configuration as JSON (the format of config.json); options given override it")
    String config;

    @Option(names = "--preset", paramLabel = "NAME", completionCandidates = Candidates.Presets.class,
            description = "a named architecture: ${COMPLETION-CANDIDATES}")
    String preset;

    @Option(names = "--arch", paramLabel = "feedforward|conv", defaultValue = "feedforward", completionCandidates = Candidates.Kinds.class,
            description = "decoder kind")
    String arch;

    @Option(names = "--widths", paramLabel = "W1,W2,…", defaultValue = "128,256",
            description = "feedforward hidden widths, code first (the image size is the last width)")
    String widths;

    @Option(names = "--kernels", paramLabel = "K1,K2,…", defaultValue = "6,2", description = "conv: channels of the latent grid entering each layer")
    String kernels;

    @Option(names = "--kernel-size", paramLabel = "K", defaultValue = "7", description = "conv: odd kernel size, one value or one per layer")
    String kernelSize;

    @Option(names = "--unpool", paramLabel = "U", defaultValue = "2", description = "conv: unpool factor, one value or one per layer")
    String unpool;

    @Option(names = "--padding", paramLabel = "same|full", defaultValue = "same", completionCandidates = Candidates.Paddings.class,
            description = "conv padding (full keeps every latent fully determined, Lemma 7)")
    String padding;

    @Option(names = "--slope", paramLabel = "α", defaultValue = "0.5", description = "leaky-ReLU slope α in [1e-6, 1]")
    double slope;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "5", description = "maximum epochs per layer")
    int epochs;

    @Option(names = "--tol", paramLabel = "T", defaultValue = "0.001",
            description = "stop a layer when an epoch improves its loss by less than this fraction (0 = never early)")
    double tol;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "0", description = "seeds the initial weights (and SW-first latents, SW sampling)")
    long seed;

    @Option(names = "--init", paramLabel = "gaussian|orthogonal", defaultValue = "gaussian", completionCandidates = Candidates.Inits.class,
            description = "initial weights")
    String init;

    @Option(names = "--solver", paramLabel = "cholesky|pinv", defaultValue = "cholesky", completionCandidates = Candidates.Solvers.class,
            description = "normal equations + Cholesky (SVD fall-back), or the pseudo-inverse (paper eq. 3)")
    String solver;

    @Option(names = "--ridge", paramLabel = "λ", defaultValue = "1e-10", description = "relative ridge λ·trace(G)/n for Cholesky")
    double ridge;

    @Option(names = "--order", paramLabel = "sl-first|sw-first", defaultValue = "sl-first", completionCandidates = Candidates.Orders.class,
            description = "which half of an epoch comes first (SW-first starts from random latents, paper Fig. 7)")
    String order;

    @Option(names = "--sw-sample", paramLabel = "all|S", defaultValue = "all",
            description = "SW on a random subset of S datapoints per epoch (paper Lemma 8, Fig. 8)")
    String swSample;

    @Option(names = "--sw-partitions", paramLabel = "P", defaultValue = "1", description = "SW on P partitions, solutions averaged")
    int swPartitions;

    @Option(names = "--sw-mode", paramLabel = "exact|average", defaultValue = "exact", completionCandidates = Candidates.SwModes.class,
            description = "SW over the datapoints in one system (exact), or each of the --sw-partitions solved alone and the weights averaged "
                    + "(paper Lemma 8; needs --sw-partitions 2 or more); the same on every engine")
    String swMode;

    @Option(names = "--sl-path", paramLabel = "auto|dense|cg", defaultValue = "auto", completionCandidates = Candidates.LatentPaths.class,
            description = "conv latents by the explicit operator or matrix-free conjugate gradients")
    String slPath;

    private boolean given(String option) { return Given.given(spec, option); }

    /** That every architecture option given applies to a decoder of {@code kind}: an option that would be ignored is refused. */
    private void requireApplies(starnet.model.ArchitectureKind kind) {
        boolean conv = kind == starnet.model.ArchitectureKind.CONV;
        for (String o : new String[] {"--kernels", "--kernel-size", "--unpool", "--padding"}) {
            if (!conv && given(o)) {
                throw new CliException(o + " applies to conv decoders (--arch conv, or a conv --preset); this decoder is feedforward");
            }
        }
        if (conv && given("--widths")) {
            throw new CliException("--widths sets a feedforward decoder's widths; a conv decoder's latent grids are set by --kernels (channels per layer), "
                    + "--unpool and the image size");
        }
    }

    /** That --sw-mode agrees with the partitions: averaging needs at least two, an exact solve takes one. */
    private void requireSwMode(TrainingConfig t) {
        starnet.model.SwMode mode;
        try {
            mode = starnet.model.SwMode.parse(swMode);
        } catch (IllegalArgumentException e) {
            throw new CliException("--sw-mode expects exact or average, got '" + swMode + "'");
        }
        if (mode == starnet.model.SwMode.AVERAGE && t.swPartitions() < 2) {
            throw new CliException("--sw-mode average averages the solutions of --sw-partitions P row sets; give --sw-partitions 2 or more");
        }
        if (mode == starnet.model.SwMode.EXACT && given("--sw-mode") && t.swPartitions() > 1) {
            throw new CliException("--sw-mode exact solves one system, but --sw-partitions " + t.swPartitions() + " averages several; leave one of them out");
        }
    }

    /** The configuration: --config (or the defaults), then every typed option; {@code data} sets the data part. */
    StarNetConfig config(DataOptions data) {
        StarNetConfig c = StarNetConfig.defaults();
        if (config != null) {
            c = starnet.session.Configs.read(Path.of(config));
        }
        try {
            ArchitectureConfig a = preset != null ? Presets.find(preset).architecture() : c.architecture();
            starnet.model.ArchitectureKind kind;
            try {
                kind = given("--arch") ? starnet.model.ArchitectureKind.parse(arch) : a.kind();
            } catch (IllegalArgumentException e) {
                throw new CliException("--arch expects feedforward or conv, got '" + arch + "'");
            }
            requireApplies(kind);
            a = new ArchitectureConfig(kind,
                    given("--widths") ? ArchitectureConfig.parseWidths(widths) : a.widths(),
                    given("--slope") ? slope : a.slope(),
                    given("--kernels") ? ArchitectureConfig.parseList(kernels, "--kernels", "6,2") : a.kernels(),
                    given("--kernel-size") ? ArchitectureConfig.parseList(kernelSize, "--kernel-size", "7 or 7,5") : a.kernelSizes(),
                    given("--unpool") ? ArchitectureConfig.parseList(unpool, "--unpool", "2") : a.unpools(),
                    given("--padding") ? Padding.parse(padding) : a.padding());
            TrainingConfig t = c.training();
            if (given("--epochs") && epochs < 1) throw new CliException("--epochs must be at least 1, got " + epochs);
            if (given("--sw-partitions") && swPartitions < 1) throw new CliException("--sw-partitions must be at least 1, got " + swPartitions);
            t = new TrainingConfig(given("--epochs") ? epochs : t.maxEpochs(), given("--tol") ? tol : t.tolerance(), given("--seed") ? seed : t.seed(),
                    given("--solver") ? SolverKind.parse(solver) : t.solver(), given("--ridge") ? ridge : t.ridge(),
                    given("--order") ? SolveOrder.parse(order) : t.order(), given("--init") ? InitKind.parse(init) : t.init(),
                    given("--sw-sample") ? swSample() : t.swSample(), given("--sw-partitions") ? swPartitions : t.swPartitions(),
                    given("--sl-path") ? starnet.model.LatentPath.parse(slPath) : t.latentPath());
            requireSwMode(t);
            StarNetConfig out = new StarNetConfig(StarNetConfig.FORMAT, data.apply(c.data()), a, t);
            if (preset != null) {
                int channels = starnet.session.DataJobs.channels(out.data());
                Presets.Preset p = Presets.find(preset);
                String why = p.mismatch(channels);
                if (!why.isEmpty()) throw new CliException(why + p.insteadFor(channels).map(q -> "; use --preset " + q.id()).orElse(""));
            }
            return out;
        } catch (CliException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage());
        }
    }

    private int swSample() {
        String s = swSample.trim();
        if (s.equals("all")) return 0;
        try {
            int n = Integer.parseInt(s);
            if (n >= 1) return n;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new CliException("--sw-sample expects all or a number of datapoints (at least 1), got '" + swSample + "'");
    }
}
