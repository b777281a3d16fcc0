package starnet.data;

import starnet.model.Split;

import starnet.model.DataException;
import starnet.model.Dataset;
import starnet.model.CsvLayout;
import starnet.model.DataSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Opens any supported source, detecting the format from the path: {@code sample:NAME}; IDX files or a
 * folder holding them; CIFAR binary batches or their folder; SVHN .mat; CSV; .npy; a folder of images.
 */
public final class Datasets {
    private Datasets() {}

    /** @throws DataException with a plain message naming the file and what was expected */
    public static Dataset load(DataSpec spec) {
        return load(spec.source(), spec.split(), spec.limit(), spec.csv());
    }

    /** @throws DataException with a plain message naming the file and what was expected */
    public static Dataset load(String source, Split split, int limit) {
        return load(source, split, limit, CsvLayout.defaults());
    }

    private static Dataset load(String source, Split split, int limit, CsvLayout csv) {
        if (Samples.isSample(source)) return Samples.load(source, split, limit);
        if (DataSpec.isAddress(source)) {
            throw new DataException(source + ": data on another file system is read where it lies by train --engine spark only; copy it to this machine for this");
        }
        Path path = Path.of(source);
        if (!Files.exists(path)) throw DataException.of(path, "does not exist");
        if (!Files.isDirectory(path) && !Files.isRegularFile(path)) {
            throw DataException.of(path, "is not a regular file (a pipe, socket or device); expected a data file or a folder");
        }
        try {
            return Files.isDirectory(path) ? loadFolder(path, split, limit) : loadFile(path, limit, csv);
        } catch (IOException e) {
            throw DataException.unreadable(path, e);
        }
    }

    /**
     * The IDX images file {@code spec} reads (an IDX file, or a folder's train/test images), or null when the
     * data is something else: such data can be streamed image by image ({@link IdxLoader#streamImages}).
     */
    public static Path idxImages(DataSpec spec) {
        if (Samples.isSample(spec.source())) return null;
        Path path = Path.of(spec.source());
        if (Files.isRegularFile(path)) {
            String n = path.getFileName().toString().toLowerCase(Locale.ROOT);
            return (n.contains("idx3") || n.contains("images-idx") || (n.endsWith(".gz") && !n.contains("idx1"))) ? path : null;
        }
        if (!Files.isDirectory(path)) return null;
        String idxPrefix = spec.split() == Split.TEST ? "t10k-images-idx3" : "train-images-idx3";
        try (Stream<Path> s = Files.list(path)) {
            return s.filter(f -> Files.isRegularFile(f) && f.getFileName().toString().startsWith(idxPrefix)).sorted().findFirst().orElse(null);
        } catch (IOException e) {
            throw DataException.unreadable(path, e);
        }
    }

    private static Dataset loadFile(Path file, int limit, CsvLayout csv) throws IOException {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.contains("idx3") || n.contains("images-idx")) {
            Path labels = siblingLabels(file);
            return IdxLoader.load(file, labels, file.getFileName().toString(), List.of(), limit);
        }
        if (n.contains("idx1")) throw DataException.of(file, "is an IDX labels file; open the matching images (…-images-idx3-ubyte) file instead");
        if (n.endsWith(".bin")) return CifarLoader.load(List.of(file), CifarLoader.looksLikeCifar100(file), "CIFAR", limit);
        if (n.endsWith(".mat")) return SvhnLoader.load(file, limit);
        if (n.endsWith(".csv")) return CsvLoader.load(file, limit, csv);
        if (n.endsWith(".npy")) return NpyLoader.load(file, limit);
        if (n.endsWith(".gz")) return IdxLoader.load(file, siblingLabels(file), file.getFileName().toString(), List.of(), limit);
        throw DataException.of(file, "has an unknown format; expected IDX (.gz or raw), CIFAR .bin, SVHN .mat, .csv, .npy or a folder of images");
    }

    private static Path siblingLabels(Path images) {
        String name = images.getFileName().toString();
        String labels = name.replace("images-idx3", "labels-idx1").replace("images.idx3", "labels.idx1");
        if (labels.equals(name)) return null;
        Path p = images.resolveSibling(labels);
        return Files.isRegularFile(p) ? p : null;
    }

    private static Dataset loadFolder(Path dir, Split split, int limit) throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(Files::isRegularFile).sorted().toList();
        }
        String idxPrefix = split == Split.TEST ? "t10k-images-idx3" : "train-images-idx3";
        for (Path f : files) {
            if (f.getFileName().toString().startsWith(idxPrefix)) {
                return IdxLoader.load(f, siblingLabels(f), dir.getFileName() + " (" + split + ")", List.of(), limit);
            }
        }
        List<Path> batches = new ArrayList<>();
        for (Path f : files) {
            String n = f.getFileName().toString();
            boolean train = (n.startsWith("data_batch_") && n.endsWith(".bin")) || n.equals("train.bin");
            boolean test = n.equals("test_batch.bin") || n.equals("test.bin");
            if (split == Split.TEST ? test : train) batches.add(f);
        }
        if (!batches.isEmpty()) {
            return CifarLoader.load(batches, CifarLoader.looksLikeCifar100(batches.get(0)), "CIFAR (" + split + ")", limit);
        }
        Path splitDir = dir.resolve(split.id());
        if (Files.isDirectory(splitDir)) return ImageFolderLoader.load(splitDir, limit);
        if (split == Split.TEST) {
            throw DataException.of(dir, Files.isDirectory(dir.resolve("train")) ? "has a train/ folder but no test/ folder; expected test/ for --split test"
                    : "is one folder of images with no test part; use the train split, or a folder with train/ and test/ inside");
        }
        return ImageFolderLoader.load(dir, limit);
    }
}
