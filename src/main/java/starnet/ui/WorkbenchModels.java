package starnet.ui;

import starnet.session.UserFiles;
import starnet.ui.architecture.ArchitectureViewModel;
import starnet.ui.charts.LossViewModel;
import starnet.ui.charts.ResidualViewModel;
import starnet.ui.core.DiscardGuard;
import starnet.ui.core.SessionModel;
import starnet.ui.core.StepCursor;
import starnet.ui.dataset.DatasetViewModel;
import starnet.ui.explore.CompareViewModel;
import starnet.ui.explore.InspectorViewModel;
import starnet.ui.explore.LatentMapViewModel;
import starnet.ui.explore.SweepViewModel;
import starnet.ui.files.FilesViewModel;
import starnet.ui.reconstruction.ReconstructionViewModel;
import starnet.ui.research.ResearchViewModel;
import starnet.ui.run.RunViewModel;
import starnet.ui.solving.NowSolvingViewModel;

/** The window's view models, one per panel, all over one {@link SessionModel}. */
public record WorkbenchModels(SessionModel session, StepCursor cursor, DatasetViewModel dataset, ArchitectureViewModel architecture, RunViewModel run,
                              ReconstructionViewModel reconstructions, LossViewModel loss, ResidualViewModel residuals,
                              ResearchViewModel research, NowSolvingViewModel solving, FilesViewModel files, ExploreModels explore) {
    /** The Explore tab's view models. */
    public record ExploreModels(CompareViewModel compare, SweepViewModel sweep, LatentMapViewModel latentMap, InspectorViewModel inspector) {}

    /**
     * @param guard     asks before trained steps are discarded
     * @param userFiles the recent-sessions list's home, or null to keep it in memory
     */
    public static WorkbenchModels create(SessionModel session, DiscardGuard guard, UserFiles userFiles) {
        ArchitectureViewModel architecture = new ArchitectureViewModel(session, guard);
        StepCursor cursor = new StepCursor(session);
        return new WorkbenchModels(session, cursor, new DatasetViewModel(session, guard), architecture,
                new RunViewModel(session, guard, architecture.configErrorProperty(), cursor), new ReconstructionViewModel(session, cursor),
                new LossViewModel(session, cursor), new ResidualViewModel(session, cursor), new ResearchViewModel(session), new NowSolvingViewModel(session, cursor),
                new FilesViewModel(session, guard, userFiles), explore(session, userFiles));
    }

    /** The Explore tab's models; sweeps and kept runs go under the user's folder, or a temporary one when there is none (tests). */
    private static ExploreModels explore(SessionModel session, UserFiles userFiles) {
        UserFiles files = userFiles != null ? userFiles : UserFiles.temporary();
        java.nio.file.Path sweeps = files.sweeps(), runs = files.keptRuns();
        return new ExploreModels(new CompareViewModel(session, runs), new SweepViewModel(session, sweeps), new LatentMapViewModel(session),
                new InspectorViewModel(session));
    }
}
