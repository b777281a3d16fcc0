package starnet.ui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import starnet.ui.core.SessionModel;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Remakes the documentation's screenshots of the main window from the real window (Monocle, software rendering) at a
 * projector's 1280×720 with the sample the app preloads: {@code ./mvnw -B -Pscreenshots test} writes
 * assets/screenshots/01-ready … 06-generate-refine-score.png. Not part of the test run (tag "screenshots").
 */
@Tag("screenshots")
@ExtendWith(ApplicationExtension.class)
class ScreenshotTour {
    private static final Path OUT = Path.of(System.getProperty("starnet.screenshots", "assets/screenshots"));
    private Workbench wb;
    private WorkbenchModels m;
    private SessionModel s;
    private WorkbenchView view;
    private Scene scene;

    @Start
    void start(Stage stage) {
        UiFixtures.Opened w = UiFixtures.open(stage, 1280, 720, 8000); // the whole sample, as the app preloads it
        wb = w.workbench();
        m = w.models();
        s = w.session();
        view = w.view();
        scene = w.scene();
    }

    @AfterEach
    void stop() {
        wb.shutdown();
    }

    private void idle() throws Exception {
        UiFixtures.waitUntil(s, 180, () -> !s.runningProperty().get() && s.tasksProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        Thread.sleep(300); // the charts' last frame
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void shot(String name) throws Exception {
        Path file = OUT.resolve(name + ".png");
        UiFixtures.fx(() -> {
            Files.createDirectories(OUT);
            ImageIO.write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), "png", file.toFile());
            return null;
        });
        assertTrue(Files.size(file) > 20_000, file + " holds a picture");
    }

    private void fire(String id) throws Exception {
        UiFixtures.fx(() -> {
            ((javafx.scene.control.ButtonBase) scene.lookup(id)).fire();
            return null;
        });
    }

    @Test
    void theMainWindowFromReadyToGenerated(FxRobot robot) throws Exception {
        UiFixtures.waitUntil(s, 120, () -> s.datasetProperty().get() != null && s.datapointsProperty().get() == 8000 && s.history().size() == 1);
        idle();
        shot("01-ready");

        robot.clickOn("#cmd-step-sl");
        UiFixtures.waitUntil(s, 120, () -> s.steps().size() == 1);
        idle();
        robot.clickOn("#cmd-step-sw");
        UiFixtures.waitUntil(s, 120, () -> s.steps().size() == 2);
        idle();
        shot("02-after-sl-sw");

        robot.clickOn("#cmd-train-all");
        UiFixtures.waitUntil(s, 300, () -> s.finishedProperty().get() && !s.runningProperty().get());
        idle();
        shot("03-trained");

        UiFixtures.fx(() -> {
            view.showTab("tab-generate");
            return null;
        });
        fire("#gen-sample"); // at 1280×720 the tab's buttons may sit below the fold: pressed as the keyboard would
        UiFixtures.waitUntil(s, 120, () -> view.research().sampledCount() == 12);
        fire("#ood-score");
        UiFixtures.waitUntil(s, 120, () -> view.research().resultText().startsWith("AUROC"));
        idle();
        shot("06-generate-refine-score");

        UiFixtures.fx(() -> {
            view.showTab("tab-loss");
            m.architecture().edit(() -> m.architecture().widths().setAll(512, 256)); // a funnel: layer 1's SL has 256 equations in 512 unknowns
            return null;
        });
        UiFixtures.waitUntil(s, 120, () -> s.reportProperty().get() != null && s.reportProperty().get().hasErrors());
        idle();
        shot("05-not-determined");

        UiFixtures.fx(() -> {
            m.architecture().applyPreset(starnet.model.Presets.find("mnist-conv"));
            return null;
        });
        UiFixtures.waitUntil(s, 120, () -> s.configProperty().get().architecture().isConv() && s.history().size() == 1 && s.tasksProperty().get().isEmpty());
        robot.clickOn("#cmd-train-all");
        UiFixtures.waitUntil(s, 300, () -> s.finishedProperty().get() && !s.runningProperty().get());
        idle();
        shot("04-conv-trained");
    }
}
