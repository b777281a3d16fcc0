import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Draws the StarNet Workbench icon (a gold star over a small network on a dark rounded square) and
 * writes PNGs at 16–512 px, a Windows .ico and a macOS .icns (both with PNG entries).
 * Run from the project root: java packaging/tools/IconMaker.java
 */
public class IconMaker {
    public static void main(String[] args) throws IOException {
        Path dir = Path.of("assets/icons");
        Files.createDirectories(dir);
        int[] sizes = {16, 24, 32, 48, 64, 128, 256, 512};
        for (int s : sizes) ImageIO.write(draw(s), "png", dir.resolve("starnet-" + s + ".png").toFile());
        Files.write(dir.resolve("starnet.ico"), ico(new int[] {16, 24, 32, 48, 64, 128, 256}));
        Files.write(dir.resolve("starnet.icns"), icns());
        Files.copy(dir.resolve("starnet-256.png"), dir.resolve("starnet.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    static BufferedImage draw(int size) {
        BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        double s = size;
        g.setPaint(new GradientPaint(0, 0, new Color(0x1d3557), (float) s, (float) s, new Color(0x0b1a2e)));
        g.fill(new RoundRectangle2D.Double(s * 0.04, s * 0.04, s * 0.92, s * 0.92, s * 0.22, s * 0.22));
        if (size >= 32) { // a faint network: three layers of nodes with edges
            g.setStroke(new BasicStroke((float) Math.max(1, s / 128)));
            double[][] layers = {{0.30, 0.50, 0.70}, {0.22, 0.40, 0.60, 0.78}, {0.16, 0.32, 0.5, 0.68, 0.84}};
            double[] xs = {0.2, 0.5, 0.8};
            g.setColor(new Color(120, 170, 230, 70));
            for (int l = 0; l + 1 < layers.length; l++) {
                for (double a : layers[l]) for (double b : layers[l + 1]) g.draw(new java.awt.geom.Line2D.Double(xs[l] * s, a * s, xs[l + 1] * s, b * s));
            }
            g.setColor(new Color(150, 195, 245, 140));
            for (int l = 0; l < layers.length; l++) {
                for (double y : layers[l]) {
                    double r = s * 0.025;
                    g.fill(new java.awt.geom.Ellipse2D.Double(xs[l] * s - r, y * s - r, 2 * r, 2 * r));
                }
            }
        }
        Path2D star = new Path2D.Double();
        double cx = s * 0.5, cy = s * 0.53, outer = s * 0.36, inner = outer * 0.42;
        for (int i = 0; i < 10; i++) {
            double r = i % 2 == 0 ? outer : inner, a = -Math.PI / 2 + i * Math.PI / 5;
            double x = cx + r * Math.cos(a), y = cy + r * Math.sin(a);
            if (i == 0) star.moveTo(x, y); else star.lineTo(x, y);
        }
        star.closePath();
        g.setPaint(new GradientPaint((float) cx, (float) (cy - outer), new Color(0xffe08a), (float) cx, (float) (cy + outer), new Color(0xf4a62a)));
        g.fill(star);
        g.setColor(new Color(0x7a4a00));
        g.setStroke(new BasicStroke((float) Math.max(1, s / 64), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(star);
        g.dispose();
        return img;
    }

    static byte[] png(int size) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        ImageIO.write(draw(size), "png", b);
        return b.toByteArray();
    }

    /** ICO with PNG-compressed entries (Windows Vista and later). */
    static byte[] ico(int[] sizes) throws IOException {
        byte[][] images = new byte[sizes.length][];
        for (int i = 0; i < sizes.length; i++) images[i] = png(sizes[i]);
        int header = 6 + 16 * sizes.length, total = header;
        for (byte[] im : images) total += im.length;
        ByteBuffer bb = ByteBuffer.allocate(total).order(ByteOrder.LITTLE_ENDIAN);
        bb.putShort((short) 0).putShort((short) 1).putShort((short) sizes.length);
        int offset = header;
        for (int i = 0; i < sizes.length; i++) {
            bb.put((byte) (sizes[i] >= 256 ? 0 : sizes[i])).put((byte) (sizes[i] >= 256 ? 0 : sizes[i])).put((byte) 0).put((byte) 0);
            bb.putShort((short) 1).putShort((short) 32).putInt(images[i].length).putInt(offset);
            offset += images[i].length;
        }
        for (byte[] im : images) bb.put(im);
        return bb.array();
    }

    /** ICNS with PNG entries: ic07 (128), ic08 (256), ic09 (512). */
    static byte[] icns() throws IOException {
        String[] types = {"ic07", "ic08", "ic09"};
        int[] sizes = {128, 256, 512};
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(body);
        for (int i = 0; i < types.length; i++) {
            byte[] p = png(sizes[i]);
            out.writeBytes(types[i]);
            out.writeInt(8 + p.length);
            out.write(p);
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        DataOutputStream o = new DataOutputStream(all);
        o.writeBytes("icns");
        o.writeInt(8 + body.size());
        o.write(body.toByteArray());
        return all.toByteArray();
    }
}
