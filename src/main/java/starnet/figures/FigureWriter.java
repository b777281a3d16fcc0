package starnet.figures;

import starnet.model.FigureFormat;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawer;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.w3c.dom.Document;
import starnet.io.AtomicFiles;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOInvalidTreeException;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import java.awt.Color;
import java.awt.Dimension;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a {@link Figure}: PNG at 1–4 device pixels per logical pixel with its resolution (96·scale dpi) in the
 * file, SVG through Apache Batik with text as glyph outlines (as matplotlib does by default, so no font is
 * needed to view it), PDF through Apache PDFBox with the figure font embedded; and the figure's numbers as a
 * CSV file beside it. Every file is written atomically.
 */
public final class FigureWriter {
    private static final String SVG_NS = "http://www.w3.org/2000/svg";
    /** PDF points per logical pixel (72 / 96). */
    private static final float POINTS = 0.75f;

    private FigureWriter() {}

    /**
     * Writes {@code f} to {@code file} in {@code format} and its data to the same name with {@code .csv}.
     *
     * @return the files written: the figure, then the CSV
     */
    public static List<Path> write(Figure f, Path file, FigureFormat format, int scale) throws IOException {
        writeFigure(f, file, format, scale);
        Path csv = csvBeside(file);
        AtomicFiles.writeText(csv, f.dataCsv());
        return List.of(file, csv);
    }

    /** The figure alone, without its CSV. */
    public static void writeFigure(Figure f, Path file, FigureFormat format, int scale) throws IOException {
        switch (format) {
            case PNG -> {
                BufferedImage img = toImage(f, scale);
                AtomicFiles.write(file, out -> png(img, 96 * scale, out));
            }
            case SVG -> {
                byte[] svg = svg(f);
                AtomicFiles.write(file, out -> out.write(svg));
            }
            case PDF -> AtomicFiles.write(file, out -> pdf(f, out));
        }
    }

    /** {@code fig6.png} → {@code fig6.csv}. */
    public static Path csvBeside(Path file) {
        String n = file.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return file.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + ".csv");
    }

    /** The figure as an image at {@code scale} (1–4) device pixels per logical pixel. */
    public static BufferedImage toImage(Figure f, int scale) {
        if (scale < 1 || scale > 4) throw new IllegalArgumentException("scale must be 1 to 4, got " + scale);
        BufferedImage img = new BufferedImage(f.width() * scale, f.height() * scale, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, img.getWidth(), img.getHeight());
        g.scale(scale, scale);
        f.draw(g);
        g.dispose();
        return img;
    }

    /** PNG with a pHYs chunk saying {@code dpi}. */
    /**
     * Draws a line of text in the figure font and encodes it as a PNG in memory, so that the first figure written does
     * not pay for starting Java 2D's text rendering and the image encoders (about 0.2 s); for a thread with nothing
     * else to do while a run starts.
     */
    public static void prepare() {
        BufferedImage img = new BufferedImage(64, 16, BufferedImage.TYPE_INT_ARGB);
        java.awt.Graphics2D g = img.createGraphics();
        try {
            g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setFont(FigureFonts.of(12));
            g.drawString("MSE 0.0123", 1, 12);
        } finally {
            g.dispose();
        }
        try {
            png(img, 96, new java.io.ByteArrayOutputStream());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e); // in memory: does not happen
        }
    }

    static void png(BufferedImage img, int dpi, OutputStream out) throws IOException {
        ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
        try {
            IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(img), writer.getDefaultWriteParam());
            IIOMetadataNode phys = new IIOMetadataNode("pHYs");
            String perMetre = Integer.toString((int) Math.round(dpi / 0.0254));
            phys.setAttribute("pixelsPerUnitXAxis", perMetre);
            phys.setAttribute("pixelsPerUnitYAxis", perMetre);
            phys.setAttribute("unitSpecifier", "meter");
            IIOMetadataNode root = new IIOMetadataNode("javax_imageio_png_1.0");
            root.appendChild(phys);
            meta.mergeTree("javax_imageio_png_1.0", root);
            // an in-memory cache: ImageIO's file cache would fail on a full temporary disk with its own stack trace
            try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(out)) {
                writer.setOutput(ios);
                writer.write(null, new IIOImage(img, null, meta), writer.getDefaultWriteParam());
            }
        } catch (IIOInvalidTreeException e) {
            throw new IOException("cannot set the PNG resolution", e);
        } finally {
            writer.dispose();
        }
    }

    /** The figure as an SVG document (UTF-8), its size in CSS pixels. */
    public static byte[] svg(Figure f) throws IOException {
        Document doc;
        try {
            doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().getDOMImplementation().createDocument(SVG_NS, "svg", null);
        } catch (ParserConfigurationException e) {
            throw new IOException("no XML document builder", e);
        }
        SVGGeneratorContext ctx = SVGGeneratorContext.createDefault(doc);
        ctx.setComment("StarNet Workbench");
        ctx.setPrecision(3);
        ctx.setImageHandler(new PngImages());
        SVGGraphics2D g = new SVGGraphics2D(ctx, true); // text as glyph outlines
        g.setSVGCanvasSize(new Dimension(f.width(), f.height()));
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, f.width(), f.height());
        f.draw(g);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (Writer w = new OutputStreamWriter(bytes, StandardCharsets.UTF_8)) {
            g.stream(w, true);
        }
        g.dispose();
        return bytes.toByteArray();
    }

    /** Raster tiles embedded as base64 PNG through the JDK's own PNG writer (Batik's needs a codec module we do not ship). */
    private static final class PngImages extends org.apache.batik.svggen.ImageHandlerBase64Encoder {
        @Override
        public void encodeImage(java.awt.image.RenderedImage img, OutputStream os) throws org.apache.batik.svggen.SVGGraphics2DIOException {
            try (MemoryCacheImageOutputStream ios = new MemoryCacheImageOutputStream(os)) { // os already encodes base64; no temporary files
                if (!ImageIO.write(img, "png", ios)) throw new IOException("no PNG writer");
            } catch (IOException e) {
                throw new org.apache.batik.svggen.SVGGraphics2DIOException(e);
            }
        }

        @Override
        public void handleHREF(java.awt.Image image, org.w3c.dom.Element imageElement, SVGGeneratorContext ctx)
                throws org.apache.batik.svggen.SVGGraphics2DIOException {
            super.handleHREF(image, imageElement, ctx);
            imageElement.setAttributeNS(null, "image-rendering", "pixelated"); // pixels stay square when a viewer scales
        }
    }

    /** The figure as a one-page PDF of its size (72/96 pt per logical pixel), the figure font embedded. */
    static void pdf(Figure f, OutputStream out) throws IOException {
        try (PDDocument doc = new PDDocument()) {
            PDRectangle box = new PDRectangle(f.width() * POINTS, f.height() * POINTS);
            PDPage page = new PDPage(box);
            doc.addPage(page);
            PDDocumentInformation info = new PDDocumentInformation();
            info.setCreator("StarNet Workbench");
            doc.setDocumentInformation(info);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(doc, box.getWidth(), box.getHeight());
            PdfBoxGraphics2DFontTextDrawer text = new PdfBoxGraphics2DFontTextDrawer();
            try (InputStream font = FigureFonts.file()) {
                if (font != null) text.registerFont(font);
            }
            g.setFontTextDrawer(text);
            g.scale(POINTS, POINTS);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, f.width(), f.height());
            f.draw(g);
            g.dispose();
            try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
                cs.drawForm(g.getXFormObject());
            }
            doc.save(out);
            text.close();
        }
    }
}
