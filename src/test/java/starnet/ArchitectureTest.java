package starnet;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The engine (everything but starnet.ui) must not touch JavaFX; the CLI must run without a display. */
class ArchitectureTest {
    @Test
    void noJavaFxOutsideTheUiPackage() throws IOException {
        Path root = Path.of("src/main/java/starnet");
        List<String> offenders;
        try (Stream<Path> files = Files.walk(root)) {
            offenders = files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> !root.relativize(p).startsWith("ui"))
                    .filter(p -> {
                        try {
                            return Files.readAllLines(p).stream().anyMatch(l -> l.matches("\\s*import\\s+(static\\s+)?javafx\\..*")
                                    || l.contains("javafx.application") || l.contains("javafx.scene"));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .map(Path::toString).toList();
        }
        assertEquals(List.of(), offenders);
    }
}
