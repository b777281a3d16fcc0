package starnet.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starnet.Launcher;
import starnet.testing.ChildJvm;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The first start on a machine says where the native library was unpacked and how much it takes; later starts say nothing of it. */
class FirstStartTest {
    @TempDir Path tmp;

    private String train(Path cache, String out) throws Exception {
        List<String> cmd = ChildJvm.command(List.of("-Xmx512m", "-Dorg.bytedeco.javacpp.cachedir=" + cache), Launcher.class,
                List.of("train", "--data", "sample:mnist", "--limit", "300", "--widths", "8,16", "--epochs", "1", "--out", tmp.resolve(out).toString()));
        try (ChildJvm child = ChildJvm.start(cmd)) {
            assertEquals(0, child.awaitExit(Duration.ofMinutes(3)), child.log());
            return child.log();
        }
    }

    @Test
    void theNativeLibraryIsAnnouncedOnceWhenItIsUnpacked() throws Exception {
        Path cache = tmp.resolve("javacpp-cache");
        String first = train(cache, "a");
        assertTrue(first.contains("First start: the OpenBLAS native library (") && first.contains("MB) was unpacked into " + cache), first);
        String second = train(cache, "b");
        assertFalse(second.contains("First start"), second);
    }
}
