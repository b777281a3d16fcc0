package starnet.cli;

import picocli.CommandLine.Option;

/** The compute backend and its threads. */
final class RuntimeOptions {
    static final int MAX_THREADS = 256;

    @Option(names = "--backend", paramLabel = "auto|openblas|ejml", defaultValue = "auto", completionCandidates = Candidates.Backends.class,
            description = "linear algebra backend (auto = OpenBLAS, EJML if it does not load)")
    String backend;

    @Option(names = "--threads", paramLabel = "N", description = "BLAS and element-wise threads (default: all cores)")
    Integer threads;

    /** Checks the values whether or not the command ends up loading a backend. */
    void check() {
        try {
            starnet.model.BackendChoice.parse(backend);
        } catch (IllegalArgumentException e) {
            throw new CliException("--backend expects auto, openblas or ejml, got '" + backend + "'");
        }
        threads();
    }

    int threads() {
        int n = threads == null ? starnet.session.Compute.defaults().threads() : threads;
        if (n < 1) throw new CliException("--threads must be at least 1, got " + n);
        if (n > MAX_THREADS) {
            throw new CliException("--threads must be at most " + MAX_THREADS + " (this machine has " + Runtime.getRuntime().availableProcessors()
                    + " cores), got " + n);
        }
        return n;
    }

    /** The backend as a session takes it. */
    starnet.session.Compute compute() {
        check();
        return starnet.session.Compute.of(starnet.model.BackendChoice.parse(backend), threads());
    }

}
