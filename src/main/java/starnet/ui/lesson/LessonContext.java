package starnet.ui.lesson;

import starnet.model.ArchitectureConfig;
import starnet.model.DataSpec;
import starnet.model.Presets;
import starnet.model.StarNetConfig;
import starnet.session.TrainAction;
import starnet.ui.core.SessionModel;

import java.util.List;

/**
 * What a lesson step may do to the window: set up a model and run solves on the session, each queued
 * after the last. The lesson runs on work of its own (the window's work is set aside when it starts), so its
 * set-ups go straight to the session, with no discard question, and the editor shows them as usual.
 */
public final class LessonContext {
    private final SessionModel model;
    private StarNetConfig config;

    public LessonContext(SessionModel model) {
        this.model = model;
    }

    /** Starts over: the next set-up is made afresh. */
    void forget() {
        config = null;
    }

    /** The lesson's model: the MNIST sample (2,000 items, for quick solves), widths {@code widths}, slope 0.5, 5 epochs per layer. */
    public void setUp(List<Integer> widths) {
        StarNetConfig base = model.configProperty().get() == null ? StarNetConfig.defaults() : model.configProperty().get();
        configure(base.withData(new DataSpec(DataSpec.defaults().source(), starnet.model.Split.TRAIN, 2000))
                .withArchitecture(new ArchitectureConfig(widths, 0.5))
                .withTraining(base.training().withMaxEpochs(5).withTolerance(0)));
    }

    /** One of the paper's architectures on the lesson's data. */
    public void preset(String id) {
        if (config == null) setUp(List.of(128, 256));
        configure(config.withArchitecture(Presets.find(id).architecture().withSlope(0.5)));
    }

    private void configure(StarNetConfig c) {
        config = c;
        model.session().configure(c);
    }

    /** Queues a training command on the session (it runs after whatever the lesson queued before). */
    public void run(TrainAction command) {
        model.session().run(command);
    }
}
