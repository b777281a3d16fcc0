package starnet.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files and folders named by a location: a path on this machine, or a {@code scheme://} address a {@link RemoteFiles}
 * provider reaches — the same operations on either.
 */
public final class Locations {
    private Locations() {}

    /** A new file at {@code location}, put in place whole by its commit; a local file's folders are made first. */
    public static WholeFile create(String location) throws IOException {
        if (!starnet.model.DataSpec.isAddress(location)) Files.createDirectories(Path.of(location).toAbsolutePath().getParent());
        return WholeFile.create(location);
    }

    /** The size in bytes of the file at {@code location}, or −1 when there is none (or it cannot be reached from here). */
    public static long size(String location) {
        try (ReadableAt in = ReadableAt.open(location)) {
            return in.size();
        } catch (IOException e) {
            return -1;
        }
    }

    /** Removes everything in the folder at {@code dir} but what is named {@code keep}. */
    public static void deleteAllBut(String dir, java.util.Collection<String> keep) throws IOException {
        java.util.List<String> names;
        if (starnet.model.DataSpec.isAddress(dir)) {
            names = RemoteFiles.reaching(dir, false, RemoteFiles::list);
        } else {
            try (java.util.stream.Stream<Path> in = Files.list(Path.of(dir))) {
                names = in.map(p -> p.getFileName().toString()).toList();
            }
        }
        for (String n : names) if (!keep.contains(n)) deleteTree(starnet.model.LatentFiles.join(dir, n));
    }

    /** Removes the file or folder at {@code location} and everything in it; nothing when it is not there. */
    public static void deleteTree(String location) throws IOException {
        if (!starnet.model.DataSpec.isAddress(location)) {
            starnet.io.AtomicFiles.deleteTree(Path.of(location));
            return;
        }
        RemoteFiles.reaching(location, true, (files, uri) -> {
            files.deleteTree(uri);
            return null;
        });
    }
}
