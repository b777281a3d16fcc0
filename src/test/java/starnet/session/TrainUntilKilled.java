package starnet.session;

import starnet.math.EjmlLinearAlgebra;
import starnet.model.ArchitectureConfig;
import starnet.model.DataSpec;
import starnet.model.StarNetConfig;

import java.nio.file.Path;
import java.util.List;

/**
 * The child process of {@link CrashRecoveryTest}: a session as the window runs it (its own solver and
 * I/O threads, autosave on, the "window open" marker written), training slowly until it is killed.
 * Prints "autosaved N holding J steps, the session at K steps" after each autosave write.
 */
public final class TrainUntilKilled {
    static final StarNetConfig CONFIG = StarNetConfig.defaults().withData(new DataSpec("sample:mnist", starnet.model.Split.TRAIN, 600))
            .withArchitecture(ArchitectureConfig.defaults().withWidths(List.of(16, 64)))
            .withTraining(StarNetConfig.defaults().training().withTolerance(0));

    private TrainUntilKilled() {}

    public static void main(String[] args) throws Exception {
        UserFiles files = new UserFiles(Path.of(args[0]));
        ThreadWorker solver = new ThreadWorker("starnet-solver", true), io = new ThreadWorker("starnet-io", false);
        WorkbenchSession session = new WorkbenchSession(new EjmlLinearAlgebra(1), solver, io, true);
        Autosave autosave = new Autosave(files.autosave(), io);
        session.setAutosave(autosave);
        files.markOpen();
        session.configure(CONFIG).join();
        session.setStepDelayMillis(Long.parseLong(args[1]));
        session.run(TrainAction.TRAIN_ALL);
        long seen = 0;
        while (true) {
            long w = autosave.writes();
            if (w != seen) {
                seen = w;
                System.out.println("autosaved " + w + " holding " + autosave.writtenSteps() + " steps, the session at " + session.state().steps().size() + " steps");
                System.out.flush();
            }
            Thread.sleep(5);
        }
    }
}
