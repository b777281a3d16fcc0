package starnet.data;

import starnet.math.Matrix;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A folder of PNG/JPEG images, optionally one sub-folder per class (the sub-folder names become the
 * class names, sorted). Every image must have the same size; the dataset is grey when every pixel of
 * every image has equal red, green and blue, colour otherwise.
 */
public final class ImageFolderLoader {
    private ImageFolderLoader() {}

    public static boolean isImage(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return Files.isRegularFile(p) && (n.endsWith(".png") || n.endsWith(".jpg") || n.endsWith(".jpeg"));
    }

    public static Dataset load(Path folder, int limit) {
        List<Path> files = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<String> classes = new ArrayList<>();
        try {
            List<Path> direct = list(folder).stream().filter(ImageFolderLoader::isImage).toList();
            List<Path> subdirs = list(folder).stream().filter(Files::isDirectory).toList();
            if (!direct.isEmpty()) {
                files.addAll(direct);
            } else {
                for (Path sub : subdirs) {
                    List<Path> imgs = list(sub).stream().filter(ImageFolderLoader::isImage).toList();
                    if (imgs.isEmpty()) continue;
                    int label = classes.size();
                    classes.add(sub.getFileName().toString());
                    for (Path p : imgs) {
                        files.add(p);
                        labels.add(label);
                    }
                }
            }
        } catch (IOException e) {
            throw DataException.of(folder, "cannot be listed (" + e.getMessage() + ")");
        }
        if (files.isEmpty()) throw DataException.of(folder, "contains no .png or .jpg images (directly or one sub-folder per class)");
        int n = limit > 0 ? Math.min(limit, files.size()) : files.size();
        List<BufferedImage> images = new ArrayList<>();
        int w = -1, h = -1;
        Path first = null;
        boolean grey = true;
        for (int i = 0; i < n; i++) {
            Path f = files.get(i);
            BufferedImage img;
            try {
                img = ImageIO.read(f.toFile());
            } catch (IOException | RuntimeException e) {
                throw DataException.of(f, "cannot be decoded as PNG/JPEG (" + e.getMessage() + ")");
            }
            if (img == null) throw DataException.of(f, "cannot be decoded as PNG/JPEG");
            if (w < 0) {
                w = img.getWidth();
                h = img.getHeight();
                first = f;
            } else if (img.getWidth() != w || img.getHeight() != h) {
                throw DataException.of(f, "is " + img.getWidth() + "x" + img.getHeight() + " but " + first.getFileName() + " is "
                        + w + "x" + h + "; every image in a folder must have the same size");
            }
            grey &= isGrey(img);
            images.add(img);
        }
        int c = grey ? 1 : 3;
        int d = c * h * w;
        Matrix m = new Matrix(n, d);
        double[] v = m.data();
        for (int i = 0; i < n; i++) {
            BufferedImage img = images.get(i);
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int rgb = img.getRGB(x, y);
                    if (grey) {
                        v[i * d + y * w + x] = (rgb & 0xff) / 255.0;
                    } else {
                        v[i * d + y * w + x] = ((rgb >> 16) & 0xff) / 255.0;
                        v[i * d + (h + y) * w + x] = ((rgb >> 8) & 0xff) / 255.0;
                        v[i * d + (2 * h + y) * w + x] = (rgb & 0xff) / 255.0;
                    }
                }
            }
        }
        int[] lab = labels.isEmpty() ? null : labels.subList(0, n).stream().mapToInt(Integer::intValue).toArray();
        return new Dataset(folder.getFileName().toString(), folder.toString(), c, h, w, m, lab, classes);
    }

    private static boolean isGrey(BufferedImage img) {
        for (int y = 0; y < img.getHeight(); y++) {
            for (int x = 0; x < img.getWidth(); x++) {
                int rgb = img.getRGB(x, y);
                int r = (rgb >> 16) & 0xff, g = (rgb >> 8) & 0xff, b = rgb & 0xff;
                if (r != g || g != b) return false;
            }
        }
        return true;
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }
}
