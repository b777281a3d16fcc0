package starnet.io;

import starnet.model.IoMessages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A write that fails half-way — a full disk, a kill — leaves the previous file whole and no debris that outlives it. */
class WriteFaultsTest {
    @TempDir Path tmp;

    private long temporaries() throws IOException {
        try (Stream<Path> s = Files.list(tmp)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".tmp")).count();
        }
    }

    @Test
    void aFolderThatRefusesNewFilesIsReportedAboutTheFileTheUserNamed() {
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isRegularFile(Path.of("/proc/version")), "needs Linux /proc");
        IOException file = assertThrows(IOException.class, () -> AtomicFiles.write(Path.of("/proc/version"), out -> out.write(1)));
        String m = IoMessages.describe(file);
        assertTrue(m.startsWith("/proc/version: cannot be written") && !m.contains(".tmp"), m);
        IOException folder = assertThrows(IOException.class, () -> StagedFolder.open(Path.of("/proc/starnet-outputs")));
        String f = IoMessages.describe(folder);
        assertTrue(f.startsWith("/proc/starnet-outputs: cannot be written") && !f.contains("staging"), f);
    }

    @Test
    void aWriteThatFailsHalfWayLeavesTheOldFileWhole() throws IOException {
        Path target = tmp.resolve("session.starnet");
        Files.writeString(target, "the saved session");
        IOException e = assertThrows(IOException.class, () -> AtomicFiles.write(target, out -> {
            out.write(new byte[1 << 20]);
            throw new IOException("No space left on device"); // what a full disk says half-way through
        }));
        assertTrue(IoMessages.describe(e).contains("the disk is full"), IoMessages.describe(e));
        assertEquals("the saved session", Files.readString(target));
        assertEquals(0, temporaries(), "the half-written temporary is removed");
    }

    /** Child process: rewrites one file forever, printing "writing" before each write. */
    public static void main(String[] args) throws IOException {
        Path target = Path.of(args[0]);
        byte[] big = new byte[8 << 20];
        while (true) {
            System.out.println("writing");
            System.out.flush();
            AtomicFiles.write(target, out -> {
                for (int i = 0; i < 8; i++) out.write(big); // 64 MB: long enough to be killed inside
            });
        }
    }

    @Test
    void aProcessKilledWhileSavingLeavesAWholeFileAndTheNextWriteClearsItsDebris() throws Exception {
        Path target = tmp.resolve("big.starnet");
        Files.writeString(target, "before");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), WriteFaultsTest.class.getName(),
                target.toString()).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            for (int i = 0; i < 3; i++) assertEquals("writing", out.readLine()); // killed inside its third write
            Thread.sleep(30);
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
        } finally {
            child.destroyForcibly();
        }
        long size = Files.size(target);
        assertTrue(size == 6 || size == 64L << 20, "the file is the old one or a whole new one, never a part: " + size);
        AtomicFiles.write(target, out -> out.write("after".getBytes(StandardCharsets.UTF_8)));
        assertEquals("after", Files.readString(target));
        assertEquals(0, temporaries(), "the killed process's temporary is gone");
    }
}
