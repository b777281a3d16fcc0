package starnet.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A run folder's commit is one switch: killed (SIGKILL) at random moments of a slowed commit, a folder always holds one
 * whole run — the previous or the new one, never files of both — and the user's own file in it survives; the next
 * run in that parent finishes or undoes the switch and leaves no helper behind.
 */
class AtomicCommitTest {
    @TempDir Path tmp;
    /** A run's own files: the new run writes a different set than the old (the old one's session file must go). */
    private static final List<String> GEN_A = List.of("model.starnet", "session.starnet", "config.json", "metrics.jsonl");
    private static final List<String> GEN_B = List.of("model.starnet", "config.json", "metrics.jsonl", "figures");

    static void writeGeneration(Function<String, Path> file, String generation) throws IOException {
        for (String name : generation.equals("A") ? GEN_A : GEN_B) {
            if (name.equals("figures")) {
                Files.createDirectories(file.apply(name));
                Files.writeString(file.apply(name).resolve("fig.png"), generation);
            } else {
                Files.writeString(file.apply(name), generation);
            }
        }
    }

    /** The generation every run file of {@code dir} belongs to, failing when they disagree or a file is missing. */
    private static String generation(Path dir) throws IOException {
        return generation(dir, true);
    }

    /** Likewise; {@code notes}: whether the user's file must be there too (mid-switch it may still be in the old folder, not lost). */
    private static String generation(Path dir, boolean notes) throws IOException {
        assertTrue(Files.isDirectory(dir), "the folder is there");
        assertTrue(Files.exists(dir.resolve(StagedFolder.COMPLETE)), "the folder holds a finished run");
        String gen = Files.readString(dir.resolve("model.starnet"));
        for (String name : gen.equals("A") ? GEN_A : GEN_B) {
            Path p = name.equals("figures") ? dir.resolve("figures/fig.png") : dir.resolve(name);
            assertEquals(gen, Files.readString(p), name + " belongs to the run model.starnet belongs to");
        }
        if (gen.equals("B")) assertFalse(Files.exists(dir.resolve("session.starnet")), "no file of the previous run stays beside the new one");
        if (notes) assertEquals("the user's notes", Files.readString(dir.resolve("notes.txt")), "the user's file is carried over");
        return gen;
    }

    private static long helpers(Path parent) throws IOException {
        try (Stream<Path> s = Files.list(parent)) {
            return s.filter(p -> p.getFileName().toString().startsWith(".starnet-")).count();
        }
    }

    private Path previousRun() throws IOException {
        Path dir = tmp.resolve("run-" + System.nanoTime());
        try (StagedFolder f = StagedFolder.open(dir)) {
            writeGeneration(f::file, "A");
            f.commit();
        }
        Files.writeString(dir.resolve("notes.txt"), "the user's notes");
        return dir;
    }

    @Test
    void aCommitReplacesTheRunWholeAndKeepsTheUsersFiles() throws IOException {
        Path dir = previousRun();
        assertEquals("A", generation(dir));
        try (StagedFolder f = StagedFolder.open(dir)) {
            writeGeneration(f::file, "B");
            f.commit();
        }
        assertEquals("B", generation(dir));
        assertEquals(0, helpers(tmp));
    }

    @Test
    void aCommitKilledAtAnyMomentLeavesOneWholeRun() throws Exception {
        Random random = new Random(30);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        int[] seen = new int[2];
        for (int trial = 0; trial < 10; trial++) {
            Path dir = previousRun();
            Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"), CommitUntilKilled.class.getName(),
                    dir.toString(), "B", "150").redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
                assertEquals("committing", out.readLine());
                Thread.sleep(random.nextInt(trial < 2 ? 30 : 700)); // the switch takes about 3 pauses of 150 ms
                child.destroyForcibly();
                child.waitFor();
            } finally {
                child.destroyForcibly();
            }
            if (Files.exists(dir)) generation(dir, false); // a reader at this moment sees one run, or (mid-rename) no folder at all
            StagedFolder.open(dir).close(); // the next run in this parent finishes or undoes the switch
            seen[generation(dir).equals("A") ? 0 : 1]++;
            assertEquals(0, helpers(tmp), "no staging, old or journal helper is left");
        }
        assertTrue(seen[0] > 0 && seen[1] > 0, "kills fell both before and after the switch (A " + seen[0] + ", B " + seen[1] + ")");
    }

    @Test
    void anyLegalFolderNameCanBeUsed() throws IOException {
        Path dir = tmp.resolve("r".repeat(250));
        for (String gen : new String[] {"A", "B"}) {
            try (StagedFolder f = StagedFolder.open(dir)) {
                writeGeneration(f::file, gen);
                f.commit();
            }
        }
        assertEquals("B", Files.readString(dir.resolve("model.starnet")));
    }
}
