package starnet.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starnet.io.AtomicFiles;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Outputs are never mixed or half-written: runs stage their files, writes are atomic, leftovers of killed runs go away. */
class StagedOutputsTest {
    @TempDir Path tmp;

    private static int train(Path out) {
        return Cli.run(new String[] {"train", "--data", "sample:mnist", "--limit", "300", "--widths", "8,16", "--epochs", "1", "--out", out.toString()},
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()));
    }

    private static long leftovers(Path parent) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".starnet-") || p.getFileName().toString().endsWith(".tmp")).count();
        }
    }

    @Test
    void aReusedOutputFolderIsReplacedWholeAndLeftoversOfKilledRunsGo() throws IOException {
        Path out = tmp.resolve("run");
        assertEquals(0, train(out));
        assertTrue(Files.exists(out.resolve(starnet.io.StagedFolder.COMPLETE)) && Files.exists(out.resolve("session.starnet")));
        Path stale = Files.createDirectory(tmp.resolve(".starnet-staging-999999999-1")); // a killed run's staging folder
        Files.writeString(stale.resolve("metrics.jsonl"), "half");
        long before = Files.getLastModifiedTime(out.resolve("model.starnet")).toMillis();
        assertEquals(0, train(out));
        assertEquals(0, leftovers(tmp), "the dead process's staging folder is gone");
        assertTrue(Files.getLastModifiedTime(out.resolve("model.starnet")).toMillis() >= before);
        assertTrue(Files.exists(out.resolve(starnet.io.StagedFolder.COMPLETE)));
    }

    @Test
    void aRunThatDoesNotFinishLeavesThePreviousFolderAsItWas() throws IOException {
        Path out = Files.createDirectory(tmp.resolve("kept"));
        Files.writeString(out.resolve("model.starnet"), "the previous run");
        try (starnet.io.StagedFolder f = starnet.io.StagedFolder.open(out)) {
            Files.writeString(f.file("model.starnet"), "half of a new run");
            // no commit: the run failed, was cancelled or killed
        }
        assertEquals("the previous run", Files.readString(out.resolve("model.starnet")));
        assertEquals(0, leftovers(tmp));
        assertFalse(Files.exists(out.resolve(starnet.io.StagedFolder.COMPLETE)));
    }

    @Test
    void atomicWritesRefuseDevicesWriteThroughLinksAndClearStaleTemporaries() throws IOException {
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(tmp, o -> o.write(1)));
        assertTrue(starnet.model.IoMessages.describe(e).contains("is a folder"), starnet.model.IoMessages.describe(e));
        AtomicFiles.write(Path.of("/dev/null"), o -> o.write(1)); // a device is written as a stream (--metrics /dev/stdout)
        assertTrue(Files.exists(Path.of("/dev/null")) && !Files.isRegularFile(Path.of("/dev/null")), "the device is still there");

        Path real = tmp.resolve("real.csv");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(tmp.resolve("link.csv"), real);
        Files.writeString(tmp.resolve(".real.csv.999999999.1.tmp"), "stale");
        AtomicFiles.write(link, o -> o.write("new".getBytes(StandardCharsets.UTF_8)));
        assertTrue(Files.isSymbolicLink(link), "the link stays a link");
        assertEquals("new", Files.readString(real), "and the file it points to is replaced");
        assertEquals(0, leftovers(tmp));
    }
}
