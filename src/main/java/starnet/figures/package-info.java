/**
 * Publication figures without a display: line plots (losses, ROC) and image grids drawn once with Java2D in
 * logical pixels (1/96 inch), written as PNG (1–4×, with its resolution), SVG (Apache Batik, text as glyph
 * outlines) or PDF (Apache PDFBox, the font embedded), each with its numbers as CSV beside it.
 */
package starnet.figures;
