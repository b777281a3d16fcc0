package starnet.data;

import starnet.model.DataException;
import starnet.model.Dataset;
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
        // sizes from the images' headers first: nothing is decoded or allocated for a folder that cannot load
        int w = -1, h = -1;
        Path first = null;
        for (int i = 0; i < n; i++) {
            Path f = files.get(i);
            int[] size = headerSize(f);
            if ((long) size[0] * size[1] > MAX_PIXELS) {
                throw DataException.of(f, "is " + size[0] + "x" + size[1] + " pixels; the largest supported image is 4096x4096");
            }
            if (w < 0) {
                w = size[0];
                h = size[1];
                first = f;
            } else if (size[0] != w || size[1] != h) {
                throw DataException.of(f, "is " + size[0] + "x" + size[1] + " but " + first.getFileName() + " is "
                        + w + "x" + h + "; every image in a folder must have the same size");
            }
        }
        long declared;
        try {
            declared = starnet.io.Declared.product(n + " images of " + w + "x" + h + " in colour", n, 3L * w * h);
        } catch (IllegalArgumentException e) {
            throw DataException.of(folder, e.getMessage() + "; use --limit to read fewer images");
        }
        // one image decoded at a time, its red, green and blue planes kept; folded to one plane when every image is grey
        starnet.io.GrowingValues values = new starnet.io.GrowingValues(declared);
        boolean grey = true;
        int plane = w * h;
        for (int i = 0; i < n; i++) {
            Path f = files.get(i);
            BufferedImage img;
            try {
                img = ImageIO.read(f.toFile());
            } catch (IOException | RuntimeException e) {
                throw DataException.of(f, "cannot be decoded as PNG/JPEG (" + e.getMessage() + ")");
            }
            if (img == null) throw DataException.of(f, "cannot be decoded as PNG/JPEG");
            grey &= isGrey(img);
            values.reserve(3 * plane);
            for (int ch = 2; ch >= 0; ch--) { // red (bits 16–23), then green, then blue
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) values.add(((img.getRGB(x, y) >> (8 * ch)) & 0xff) / 255.0);
                }
            }
        }
        double[] rgb = values.array();
        int c = grey ? 1 : 3;
        int d = c * plane;
        Matrix m;
        if (grey) {
            double[] v = new double[n * plane];
            for (int i = 0; i < n; i++) System.arraycopy(rgb, i * 3 * plane, v, i * plane, plane);
            m = new Matrix(n, d, v);
        } else {
            m = new Matrix(n, d, rgb);
        }
        int[] lab = labels.isEmpty() ? null : labels.subList(0, n).stream().mapToInt(Integer::intValue).toArray();
        return new Dataset(folder.getFileName().toString(), folder.toString(), c, h, w, m, lab, classes);
    }

    /** The largest image accepted, in pixels (4096 × 4096). */
    static final long MAX_PIXELS = 4096L * 4096L;

    /** Width and height from an image's header, without decoding it. */
    private static int[] headerSize(Path f) {
        try (javax.imageio.stream.ImageInputStream in = ImageIO.createImageInputStream(f.toFile())) {
            var readers = in == null ? null : ImageIO.getImageReaders(in);
            if (readers == null || !readers.hasNext()) throw DataException.of(f, "is not a PNG or JPEG image");
            javax.imageio.ImageReader r = readers.next();
            try {
                r.setInput(in, true, true);
                return new int[] {r.getWidth(0), r.getHeight(0)};
            } finally {
                r.dispose();
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof DataException d) throw d;
            throw DataException.of(f, "cannot be decoded as PNG/JPEG (" + e.getMessage() + ")");
        }
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
