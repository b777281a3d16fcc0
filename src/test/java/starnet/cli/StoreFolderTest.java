package starnet.cli;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import starnet.store.StoreFolder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A --store folder belongs to one dataset: a user's folder is never written over, a store of other data is never trained
 * on or replaced, the same data reuses its store, a store in use is refused to a second run, and a full disk leaves no
 * partial store behind; a run folder holds one run's files only.
 */
class StoreFolderTest {
    @TempDir Path tmp;
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int train(String... extra) {
        err.reset();
        List<String> args = new java.util.ArrayList<>(List.of("train", "--limit", "300", "--widths", "8,16", "--epochs", "1"));
        args.addAll(List.of(extra));
        return Cli.run(args.toArray(String[]::new), new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String err() { return err.toString(StandardCharsets.UTF_8); }

    private String lastLine() { return err().strip().lines().reduce((a, b) -> b).orElse(""); }

    @Test
    void aFolderThatIsNotAStoreIsLeftAsItIs() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("mine"));
        Files.writeString(dir.resolve("data.bin"), "my own data");
        assertEquals(2, train("--data", "sample:mnist", "--store", dir.toString(), "--out", tmp.resolve("o").toString()));
        assertTrue(lastLine().contains("is not an empty folder or a StarNet store (it holds data.bin)"), err());
        assertEquals("my own data", Files.readString(dir.resolve("data.bin")));

        Path csv = dir.resolve("items.csv"); // the very file given as --data, inside the store folder
        Files.delete(dir.resolve("data.bin"));
        Files.writeString(csv, "1,0.5,0.5,0.5,0.5\n".repeat(40));
        assertEquals(2, train("--data", csv.toString(), "--limit", "40", "--widths", "2,4", "--store", dir.toString(), "--out", tmp.resolve("o").toString()));
        assertTrue(lastLine().contains("it holds items.csv"), err());
        assertEquals("1,0.5,0.5,0.5,0.5\n".repeat(40), Files.readString(csv));
    }

    @Test
    void aStoreHoldsOneDatasetAndIsReusedForItAlone() throws IOException {
        for (String[] shifts : new String[][] {{}, {"--shifts", "2"}}) { // the data loaded whole, and streamed into the store
            Path store = tmp.resolve("store" + shifts.length);
            String[] mnist = concat(new String[] {"--data", "sample:mnist", "--store", store.toString(), "--out", tmp.resolve("a").toString()}, shifts);
            assertEquals(0, train(mnist), err());
            String recorded = Files.readString(store.resolve(StoreFolder.MANIFEST));
            assertTrue(recorded.contains("sample:mnist") && recorded.contains("sha256"), recorded);
            long written = Files.getLastModifiedTime(store.resolve(StoreFolder.DATA)).toMillis();

            String[] fashion = concat(new String[] {"--data", "sample:fashion-mnist", "--store", store.toString(), "--out", tmp.resolve("b").toString()}, shifts);
            assertEquals(2, train(fashion), err());
            assertTrue(lastLine().contains("holds the store of other data (sample:mnist"), err());
            assertEquals(recorded, Files.readString(store.resolve(StoreFolder.MANIFEST)), "the other data's store is untouched");

            assertEquals(0, train(mnist), err()); // the same data again: its store is used as it is
            assertEquals(written, Files.getLastModifiedTime(store.resolve(StoreFolder.DATA)).toMillis(), "the store was reused, not written again");
            if (shifts.length > 0) assertTrue(err().contains("store: reusing"), err());
        }
    }

    @Test
    void aFinishedRunOutOfCoreKeepsItsLatentsInItsFolderAndIsInspectedThere() throws IOException {
        Path out = tmp.resolve("run");
        Path stray = Files.createDirectories(tmp.resolve(".run.latents").resolve("layer2-image4-earlier")); // as a process killed mid-run leaves one
        Files.write(stray.resolve("rows-000000000000.store"), new byte[64]);
        assertEquals(0, train("--data", "sample:mnist", "--shifts", "2", "--store", tmp.resolve("s").toString(), "--out", out.toString()), err()); // rows read from the store
        try (var kept = Files.list(out.resolve("latents"))) {
            assertEquals(List.of("layer1-final", "layer2-final"), kept.map(p -> p.getFileName().toString().replaceAll("-final-.*", "-final")).sorted().toList(),
                    "the final latents only: no image's, not even one an earlier process left");
        }
        try (var beside = Files.list(tmp)) {
            assertTrue(beside.noneMatch(p -> p.getFileName().toString().startsWith(".")), "nothing of the run is left beside its folder");
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        err.reset();
        int code = Cli.run(new String[] {"inspect", "--session", out.resolve("session.starnet").toString()}, new PrintStream(printed, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err());
        String facts = printed.toString(StandardCharsets.UTF_8);
        assertTrue(facts.contains("System: 600 equations × 9 unknowns") && facts.contains("as a least-squares solution must be"), facts);

        starnet.io.AtomicFiles.deleteTree(out.resolve("latents")); // reclaiming the disk: the session opens as a run to train again
        err.reset();
        code = Cli.run(new String[] {"inspect", "--session", out.resolve("session.starnet").toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(2, code, err());
        assertTrue(lastLine().contains("the newest step's latents are not where this session can read them"), err());
    }

    @Test
    void aStoreInUseIsRefusedToASecondRun() throws IOException {
        Path store = tmp.resolve("busy");
        StoreFolder held = StoreFolder.take(store); // another run holds it
        try {
            assertEquals(2, train("--data", "sample:mnist", "--shifts", "2", "--store", store.toString(), "--out", tmp.resolve("o").toString()));
            assertTrue(lastLine().contains("another run is using this store"), err());
        } finally {
            held.close();
        }
        assertEquals(0, train("--data", "sample:mnist", "--shifts", "2", "--store", store.toString(), "--out", tmp.resolve("o").toString()), err());
    }

    @Test
    void aRunFolderHoldsTheFilesOfOneRun() throws IOException {
        Path out = tmp.resolve("run");
        assertEquals(0, train("--data", "sample:mnist", "--out", out.toString()), err());
        Files.writeString(out.resolve("notes.txt"), "mine");
        Files.writeString(out.resolve("stale-figure.png"), "from an earlier run");
        List<String> runFiles = Files.readAllLines(out.resolve(starnet.io.StagedFolder.RUN_FILES));
        Files.write(out.resolve(starnet.io.StagedFolder.RUN_FILES), concatList(runFiles, "stale-figure.png")); // as if the earlier run had written it
        assertEquals(0, train("--data", "sample:mnist", "--shifts", "2", "--store", tmp.resolve("s").toString(), "--out", out.toString()), err());
        List<String> now = Files.readAllLines(out.resolve(starnet.io.StagedFolder.RUN_FILES));
        try (Stream<Path> files = Files.list(out)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                String name = f.getFileName().toString();
                assertTrue(now.contains(name) || name.equals("notes.txt"), name + " is neither this run's nor the user's");
            }
        }
        assertFalse(Files.exists(out.resolve("stale-figure.png")));
        assertEquals("mine", Files.readString(out.resolve("notes.txt")));
    }

    @Test
    void aFullDiskLeavesNoPartialStore() throws Exception {
        Path small = Files.createDirectories(tmp.resolve("small"));
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", small.toString()).redirectErrorStream(true).start();
        Assumptions.assumeTrue(mount.waitFor() == 0, "a size-limited file system can be mounted here (root)");
        try {
            Path store = small.resolve("store");
            assertEquals(2, train("--data", "sample:mnist", "--shifts", "2", "--store", store.toString(), "--out", tmp.resolve("o").toString()));
            assertTrue(lastLine().contains("No space left on device (the disk is full)") && lastLine().contains("partial store was removed"), err());
            try (Stream<Path> left = Files.list(store)) {
                assertEquals(List.of(".lock"), left.map(p -> p.getFileName().toString()).toList(), "only the lock file is left");
            }
            assertEquals(2, train("--data", "sample:mnist", "--out", small.resolve("out").toString()));
            assertTrue(lastLine().contains(small.resolve("out") + "/") && lastLine().contains("the disk is full"), err());
            try (Stream<Path> left = Files.list(small)) {
                assertEquals(List.of("store"), left.map(p -> p.getFileName().toString()).toList(), "no staging folder is left");
            }
        } finally {
            new ProcessBuilder("umount", small.toString()).start().waitFor();
        }
    }

    private static String[] concat(String[] a, String[] b) {
        String[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static List<String> concatList(List<String> a, String b) {
        List<String> c = new java.util.ArrayList<>(a);
        c.add(b);
        return c;
    }
}
