package starnet.ui;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Snapshots a node to a PNG under target/screenshots (call on the FX thread). */
final class ScreenshotSupport {
    private ScreenshotSupport() {}

    static Path save(Node node, String name) throws IOException {
        WritableImage img = node.snapshot(null, null);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        ImageIO.write(SwingFXUtils.fromFXImage(img, null), "png", file.toFile());
        return file;
    }
}
