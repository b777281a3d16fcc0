package starnet.figures;

import starnet.model.PlotAxis;
import starnet.model.FigureSize;
import starnet.model.FigureKind;
import starnet.model.FigureFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import starnet.io.SessionFile;
import starnet.io.SessionFileTest;
import starnet.model.Baselines;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import javax.xml.parsers.DocumentBuilderFactory;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Figures in every format, checked by reading the files back: sizes, resolution, vector text, embedded font, data beside. */
class FiguresTest {
    @TempDir Path tmp;

    @Test
    void everyKindIsWrittenAsPngWithItsResolutionAndItsData() throws IOException {
        SessionFile.Session s = SessionFileTest.sessionAfter(8);
        for (FigureKind kind : FigureKind.values()) {
            Figure fig = SessionFigures.make(kind, s, FigureSize.COLUMN).withCaption(SessionFigures.caption(kind, s));
            Path png = tmp.resolve(kind.id() + ".png");
            List<Path> written = FigureWriter.write(fig, png, FigureFormat.PNG, 3);
            assertEquals(List.of(png, tmp.resolve(kind.id() + ".csv")), written);
            BufferedImage img = ImageIO.read(png.toFile());
            assertEquals(fig.width() * 3, img.getWidth(), kind.id());
            assertEquals(fig.height() * 3, img.getHeight(), kind.id());
            assertTrue(distinctColours(img) > 20, kind.id() + " is not blank");
            assertEquals(288, dpi(png), kind.id() + ": 3 × 96 dpi");
            String csv = Files.readString(written.get(1));
            assertTrue(csv.startsWith(kind.isPlot() ? "series,x,y\n" : "row,column,label,v0,"), kind.id() + ": " + csv.lines().findFirst().orElse(""));
            assertTrue(csv.lines().count() > 2, kind.id());
        }
        assertEquals(FigureSize.COLUMN.width(), SessionFigures.make(FigureKind.LOSS, s, FigureSize.COLUMN).width());
        assertThrows(IllegalArgumentException.class, () -> FigureWriter.toImage(SessionFigures.make(FigureKind.FIG2, s, FigureSize.WIDE), 5));
    }

    @Test
    void svgIsVectorWithTextAsOutlinesAndSharpImages() throws Exception {
        SessionFile.Session s = SessionFileTest.sessionAfter(8);
        for (FigureKind kind : new FigureKind[] {FigureKind.LOSS, FigureKind.FIG4}) {
            Path svg = tmp.resolve(kind.id() + ".svg");
            Figure fig = SessionFigures.make(kind, s, FigureSize.WIDE);
            FigureWriter.write(fig, svg, FigureFormat.SVG, 1);
            DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
            xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false); // no network
            Document doc = xml.newDocumentBuilder().parse(svg.toFile());
            assertEquals("svg", doc.getDocumentElement().getTagName());
            assertEquals(Integer.toString(fig.width()), doc.getDocumentElement().getAttribute("width"));
            assertEquals(0, doc.getElementsByTagName("text").getLength(), "text is drawn as glyph outlines");
            assertTrue(doc.getElementsByTagName("path").getLength() > 10, kind.id() + ": one outline per string at least");
            if (kind == FigureKind.FIG4) {
                var images = doc.getElementsByTagName("image");
                assertTrue(images.getLength() >= 4 * 5, "one embedded image per tile");
                var first = (org.w3c.dom.Element) images.item(0);
                assertTrue(first.getAttribute("style").contains("image-rendering:pixelated"), first.getAttribute("style"));
                String href = first.getAttribute("xlink:href");
                assertTrue(href.startsWith("data:image/png;base64,iVBORw0KGgo"), "a PNG, base64 once: " + href.substring(0, 40));
                BufferedImage tile = ImageIO.read(new java.io.ByteArrayInputStream(java.util.Base64.getMimeDecoder().decode(href.substring(href.indexOf(',') + 1))));
                assertEquals(0, tile.getWidth() % 28, "whole pixels repeated: " + tile.getWidth());
            }
        }
    }

    @Test
    void pdfHasThePageSizeAndEmbedsTheFigureFont() throws IOException {
        SessionFile.Session s = SessionFileTest.sessionAfter(8);
        Figure fig = SessionFigures.make(FigureKind.LOSS, s, FigureSize.COLUMN);
        Path pdf = tmp.resolve("loss.pdf");
        FigureWriter.write(fig, pdf, FigureFormat.PDF, 1);
        try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
            assertEquals(1, doc.getNumberOfPages());
            PDPage page = doc.getPage(0);
            assertEquals(fig.width() * 0.75, page.getMediaBox().getWidth(), 0.01, "72 pt per 96 logical pixels");
            assertEquals(fig.height() * 0.75, page.getMediaBox().getHeight(), 0.01);
            List<PDFont> fonts = new ArrayList<>();
            collectFonts(page.getResources(), fonts, 0);
            assertFalse(fonts.isEmpty(), "text is set in a font, not only drawn");
            for (PDFont f : fonts) {
                assertTrue(f.isEmbedded(), f.getName() + " is embedded");
                assertTrue(f.getName().contains("LiberationSans"), f.getName());
            }
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Layer fit after each solve") && text.contains("step (the k-th SL or SW solve is step k)"), text);
        }
    }

    private static void collectFonts(org.apache.pdfbox.pdmodel.PDResources r, List<PDFont> out, int depth) throws IOException {
        if (r == null || depth > 4) return;
        for (var name : r.getFontNames()) out.add(r.getFont(name));
        for (var name : r.getXObjectNames()) {
            if (r.getXObject(name) instanceof org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject form) collectFonts(form.getResources(), out, depth + 1);
        }
    }

    @Test
    void logAxesTickDecadesWithMinorTicksAndOneFormat() {
        PlotAxis threeDecades = PlotAxis.log(2e-4, 0.3);
        assertEquals(List.of("10^−3", "10^−2", "10^−1"), threeDecades.labels().stream().map(PlotAxis.Label::plain).toList(), "decades");
        assertArrayEquals(new double[] {1e-3, 1e-2, 1e-1}, threeDecades.major(), 1e-15);
        assertTrue(Arrays.stream(threeDecades.minor()).anyMatch(v -> Math.abs(v - 0.002) < 1e-12)
                && Arrays.stream(threeDecades.minor()).anyMatch(v -> Math.abs(v - 0.05) < 1e-12), "minor ticks at 2-9 × 10ⁿ");
        PlotAxis oneAndAHalf = PlotAxis.log(0.00123, 0.0567);
        assertEquals(List.of("10^−3", "10^−2"), oneAndAHalf.labels().stream().map(PlotAxis.Label::plain).toList(),
                "the lower end moved out to 0.001, so the lowest value has a label below it: two decades, labelled as decades");
        PlotAxis oneDecade = PlotAxis.log(0.0017, 0.0567);
        assertEquals(List.of("0.002", "0.005", "0.010", "0.020", "0.050"), oneDecade.labels().stream().map(PlotAxis.Label::plain).toList(),
                "one decade shown: 1-2-5 × 10ⁿ, all with three decimals");
        PlotAxis narrow = PlotAxis.log(0.0012, 0.0031);
        assertEquals(List.of("0.001", "0.002"), narrow.labels().stream().map(PlotAxis.Label::plain).toList(), "a narrow range, its lower end moved out to 0.001");
        PlotAxis inside = PlotAxis.log(0.0016, 0.0031);
        assertEquals(List.of("0.002", "0.003", "0.004"), inside.labels().stream().map(PlotAxis.Label::plain).toList(),
                "every digit when 1-2-5 labels fewer than two; the upper end moved out to 0.004");
        PlotAxis fig8 = PlotAxis.log(0.0023, 0.0225);
        assertEquals("0.002", fig8.labels().get(0).plain(), "the plateau at 0.0023 has a label below it (paper Fig. 8)");
        PlotAxis fiveTo20 = PlotAxis.log(0.004, 0.03);
        assertEquals(List.of("0.005", "0.010", "0.020"), fiveTo20.labels().stream().map(PlotAxis.Label::plain).toList(), "one number format");
    }

    @Test
    void linearAxesUseOneNumberFormatAndMoveTinyMagnitudesOut() {
        PlotAxis unit = PlotAxis.linear(0, 1, true);
        assertEquals(List.of("0.0", "0.2", "0.4", "0.6", "0.8", "1.0"), unit.labels().stream().map(PlotAxis.Label::plain).toList());
        PlotAxis steps = PlotAxis.linear(0, 19, false, true);
        for (double t : steps.major()) assertEquals(Math.rint(t), t, "whole-number ticks for steps");
        PlotAxis tiny = PlotAxis.linear(0, 3e-5, true);
        assertEquals(-5, tiny.factor(), "×10⁻⁵ at the axis end");
        assertTrue(tiny.labels().stream().allMatch(l -> l.plain().length() <= 4), tiny.labels().toString());
    }

    @Test
    void fig6ShowsTheAutoencoderAndPcaWhenTheSessionHasThem() throws IOException {
        SessionFile.Session plain = SessionFileTest.sessionAfter(8);
        SessionFile.Session with = plain.withBaselines(new Baselines(16, 0.03, new double[] {0.09, 0.06, 0.05, 0.045}));
        LinePlot without = SessionFigures.fig6(plain);
        LinePlot both = SessionFigures.fig6(with);
        assertTrue(without.series().stream().noneMatch(x -> x.name().contains("autoencoder")));
        assertTrue(SessionFigures.caption(FigureKind.FIG6, plain).contains("StarNet only."), "the caption describes the figure, no instructions");
        assertFalse(SessionFigures.caption(FigureKind.FIG6, plain).contains("--baselines"));
        assertTrue(both.series().stream().anyMatch(x -> x.name().equals("Adam autoencoder")));
        assertTrue(both.series().stream().anyMatch(x -> x.name().equals("PCA, rank 16") && x.kind() == LinePlot.Kind.REFERENCE));
        String csv = both.dataCsv();
        assertTrue(csv.contains("Adam autoencoder,4,0.045") && csv.contains("\"PCA, rank 16\",1,0.03"), csv);
    }

    @Test
    void captionsNameTheDataTheArchitectureAndTheLayer() {
        SessionFile.Session s = SessionFileTest.sessionAfter(8);
        String fig4 = SessionFigures.caption(FigureKind.FIG4, s);
        assertTrue(fig4.startsWith("Layer 2 (48 → 784)") && fig4.contains("sample:mnist (train), 300 items of 1×28×28")
                && fig4.contains("Decoder: feedforward (dense), 16 → 48 → 784") && fig4.contains("α\u00a0=\u00a00.5"), fig4); // non-breaking: a wrapped caption never splits "α = 0.5"
        assertTrue(((GridFigure) SessionFigures.make(FigureKind.FIG4, s, FigureSize.WIDE)).title().startsWith("Layer 2 (48 → 784)"));
        long layer2 = s.training().steps().stream().filter(r -> r.layer() == 2).count();
        assertTrue(layer2 > 0 && fig4.contains("at Init and after each of its " + layer2 + " SL/SW solves"), "fig4 says it shows every solve: " + fig4);
        GridFigure grid = (GridFigure) SessionFigures.make(FigureKind.GRID, s, FigureSize.WIDE);
        GridFigure fig2 = (GridFigure) SessionFigures.make(FigureKind.FIG2, s, FigureSize.WIDE);
        assertEquals(List.of("targets", "reconstruction", "|error|"), grid.rowTitles());
        assertFalse(grid.rowTitles().equals(fig2.rowTitles()), "grid and fig2 are different figures");
    }

    @Test
    void aLongTitleIsWrappedNotClipped() {
        String title = "Receiver operating characteristic of MNIST digits (sample, test) against Fashion-MNIST (sample, test) (AUROC 0.998)";
        LinePlot roc = LinePlot.roc(title, "StarNet residual score", new double[][] {{0, 0}, {0.1, 0.8}, {1, 1}});
        BufferedImage img = FigureWriter.toImage(roc, 1);
        int textRows = 40; // the title lines sit in the top band
        for (int y = 0; y < textRows; y++) {
            for (int x = img.getWidth() - 4; x < img.getWidth(); x++) assertEquals(0xffffff, img.getRGB(x, y) & 0xffffff, "ink at the right edge: clipped");
        }
        int inked = 0;
        for (int y = 0; y < textRows; y++) for (int x = 0; x < img.getWidth(); x++) if ((img.getRGB(x, y) & 0xffffff) != 0xffffff) inked++;
        assertTrue(inked > 500, "the title is drawn");
    }

    @Test
    void seriesStayApartWithoutColour() {
        Set<String> looks = new HashSet<>();
        for (int i = 0; i < 4; i++) {
            LinePlot.Style st = LinePlot.Style.of(i);
            looks.add(Arrays.toString(st.dash()) + st.marker());
        }
        assertEquals(4, looks.size(), "dash pattern and marker differ for the first four series");
    }

    @Test
    void formatsSizesAndFileNames() {
        assertEquals(Path.of("out/fig6.pdf"), FigureFormat.PDF.withExtension(Path.of("out/fig6.png")));
        assertEquals(Path.of("fig6.svg"), FigureFormat.SVG.withExtension(Path.of("fig6")));
        assertEquals(FigureFormat.PDF, FigureFormat.ofFileName(Path.of("a/b.PDF")).orElseThrow());
        assertEquals(FigureSize.COLUMN, FigureSize.parse("column"));
        assertEquals(new FigureSize(800, 500), FigureSize.parse("800x500"));
        assertThrows(IllegalArgumentException.class, () -> FigureSize.parse("huge"));
        assertThrows(IllegalArgumentException.class, () -> FigureSize.parse("10x10"));
        assertThrows(IllegalArgumentException.class, () -> FigureFormat.parse("eps"));
        assertTrue(FigureFonts.bundled(), "Liberation Sans from the PDFBox jar");
    }

    private static int dpi(Path png) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(png.toFile())) {
            ImageReader r = ImageIO.getImageReaders(in).next();
            r.setInput(in);
            IIOMetadataNode root = (IIOMetadataNode) r.getImageMetadata(0).getAsTree("javax_imageio_png_1.0");
            IIOMetadataNode phys = (IIOMetadataNode) root.getElementsByTagName("pHYs").item(0);
            return (int) Math.round(Integer.parseInt(phys.getAttribute("pixelsPerUnitXAxis")) * 0.0254);
        }
    }

    private static int distinctColours(BufferedImage img) {
        Set<Integer> c = new HashSet<>();
        for (int y = 0; y < img.getHeight(); y += 3) for (int x = 0; x < img.getWidth(); x += 3) c.add(img.getRGB(x, y));
        return c.size();
    }
}
