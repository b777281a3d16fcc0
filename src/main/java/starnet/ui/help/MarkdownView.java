package starnet.ui.help;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * One Markdown page as JavaFX nodes, formatted as a reader expects: headings, paragraphs with emphasis, code and
 * links, lists, code blocks, tables as grids and images from the application's own resources. Links to other pages
 * of the documentation and to headings are handed to {@code follow}; a web address is shown, not opened. The
 * headings' nodes are kept by their GitHub-style anchors, so a link to {@code PAGE.md#anchor} can scroll to them.
 */
public final class MarkdownView {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private final VBox root = new VBox(8);
    private final Map<String, Node> anchors = new LinkedHashMap<>();
    private final String resource;
    private final BiConsumer<String, String> follow;

    /**
     * @param markdown the page's text
     * @param resource the page's own resource path ("README.md", "docs/CLI.md"): its relative links and images start beside it
     * @param follow   takes (resource path of a page, anchor or null) when a link inside the documentation is clicked
     */
    public MarkdownView(String markdown, String resource, BiConsumer<String, String> follow) {
        this.resource = resource;
        this.follow = follow;
        root.getStyleClass().add("markdown");
        root.setPadding(new Insets(12, 18, 18, 18));
        for (org.commonmark.node.Node b = PARSER.parse(markdown).getFirstChild(); b != null; b = b.getNext()) {
            Node n = block(b);
            if (n != null) root.getChildren().add(n);
        }
    }

    public VBox root() { return root; }

    /** The node of the heading with this anchor ("what-the-numbers-mean"), or null. */
    public Node anchor(String id) { return anchors.get(id); }

    /** GitHub's anchor of a heading: lower case, punctuation dropped, spaces as hyphens. */
    static String anchorOf(String heading) {
        return heading.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    private Node block(org.commonmark.node.Node b) {
        if (b instanceof Heading h) {
            TextFlow flow = inlines(h);
            flow.getStyleClass().addAll("md-heading", "md-h" + Math.min(h.getLevel(), 4));
            anchors.putIfAbsent(anchorOf(plain(h)), flow);
            return flow;
        }
        if (b instanceof Paragraph p) {
            if (p.getFirstChild() instanceof org.commonmark.node.Image && p.getFirstChild().getNext() == null) {
                return image((org.commonmark.node.Image) p.getFirstChild());
            }
            return inlines(p);
        }
        if (b instanceof FencedCodeBlock c) return codeBlock(c.getLiteral());
        if (b instanceof IndentedCodeBlock c) return codeBlock(c.getLiteral());
        if (b instanceof BulletList || b instanceof OrderedList) return list(b);
        if (b instanceof BlockQuote q) {
            VBox box = children(q);
            box.getStyleClass().add("md-quote");
            return box;
        }
        if (b instanceof ThematicBreak) return new Separator();
        if (b instanceof TableBlock t) return table(t);
        if (b instanceof HtmlBlock) return null; // comments that mark generated parts
        return inlines(b);
    }

    private VBox children(org.commonmark.node.Node parent) {
        VBox box = new VBox(6);
        for (org.commonmark.node.Node c = parent.getFirstChild(); c != null; c = c.getNext()) {
            Node n = block(c);
            if (n != null) box.getChildren().add(n);
        }
        return box;
    }

    private Node list(org.commonmark.node.Node list) {
        VBox box = new VBox(4);
        int number = list instanceof OrderedList o ? o.getMarkerStartNumber() : 0;
        for (org.commonmark.node.Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (!(item instanceof ListItem)) continue;
            Label marker = new Label(list instanceof OrderedList ? number++ + "." : "•");
            marker.setMinWidth(18);
            VBox content = children(item);
            HBox.setHgrow(content, Priority.ALWAYS);
            box.getChildren().add(new HBox(4, marker, content));
        }
        box.setPadding(new Insets(0, 0, 0, 8));
        return box;
    }

    private Node codeBlock(String literal) {
        Label code = new Label(literal.stripTrailing());
        code.getStyleClass().add("md-code-block");
        code.setWrapText(true);
        code.setMaxWidth(Double.MAX_VALUE);
        return code;
    }

    private Node table(TableBlock t) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("md-table");
        grid.setMinWidth(120); // as wide as the page, not as wide as its longest lines: the page wraps them
        grid.setPrefWidth(120);
        List<double[]> widths = new ArrayList<>(); // per column: {longest cell text, longest word}, in characters
        int row = 0;
        for (org.commonmark.node.Node part = t.getFirstChild(); part != null; part = part.getNext()) {
            for (org.commonmark.node.Node r = part.getFirstChild(); r != null; r = r.getNext()) {
                if (!(r instanceof TableRow)) continue;
                int col = 0;
                for (org.commonmark.node.Node c = r.getFirstChild(); c != null; c = c.getNext()) {
                    if (!(c instanceof TableCell cell)) continue;
                    Node content = cell.getFirstChild() instanceof org.commonmark.node.Image img && img.getNext() == null ? image(img) : inlines(cell);
                    VBox box = new VBox(content);
                    box.getStyleClass().add(cell.isHeader() ? "md-th" : "md-td");
                    grid.add(box, col, row);
                    if (widths.size() <= col) widths.add(new double[2]);
                    String text = plain(cell);
                    widths.get(col)[0] = Math.max(widths.get(col)[0], text.length());
                    for (String word : text.split("\\s+")) widths.get(col)[1] = Math.max(widths.get(col)[1], word.length());
                    col++;
                }
                row++;
            }
        }
        // columns share the width by how much they hold, a column of short words by its longest word
        double[] weight = widths.stream().mapToDouble(w -> Math.max(Math.min(w[0], 80), Math.min(w[1], 26) * 1.6 + 4)).toArray();
        double total = java.util.Arrays.stream(weight).sum();
        for (double w : weight) {
            ColumnConstraints cc = new ColumnConstraints();
            cc.setPercentWidth(100 * w / total);
            grid.getColumnConstraints().add(cc);
        }
        return grid;
    }

    private Node image(org.commonmark.node.Image img) {
        String alt = plain(img);
        String path = resolve(img.getDestination());
        try (InputStream in = path == null ? null : MarkdownView.class.getClassLoader().getResourceAsStream(path)) {
            if (in != null) {
                ImageView view = new ImageView(new Image(in));
                view.setPreserveRatio(true);
                view.setFitWidth(Math.min(720, view.getImage().getWidth()));
                Tooltip.install(view, new Tooltip(alt));
                Label caption = new Label(alt);
                caption.getStyleClass().add("md-caption");
                caption.setWrapText(true);
                caption.setMaxWidth(720);
                return new VBox(2, view, caption);
            }
        } catch (java.io.IOException e) {
            starnet.session.AppLog.error("reading the image " + path + " of the documentation", e);
        }
        Label missing = new Label("[picture: " + alt + "]");
        missing.getStyleClass().add("md-caption");
        return missing;
    }

    /** A relative link's resource path from beside this page, or null for a web address. */
    private String resolve(String destination) {
        if (web(destination)) return null;
        java.nio.file.Path p = java.nio.file.Path.of(resource).resolveSibling(destination).normalize();
        return p.toString().replace('\\', '/');
    }

    /** Whether a link leads out of the application (a web or mail address). */
    private static boolean web(String destination) {
        return destination.contains("://") || destination.startsWith("mailto:");
    }

    private TextFlow inlines(org.commonmark.node.Node parent) {
        TextFlow flow = new TextFlow();
        flow.getStyleClass().add("md-text");
        List<Node> out = new ArrayList<>();
        inline(parent, out, "");
        flow.getChildren().setAll(out);
        return flow;
    }

    private void inline(org.commonmark.node.Node parent, List<Node> out, String style) {
        for (org.commonmark.node.Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof org.commonmark.node.Text t) out.add(text(t.getLiteral(), style));
            else if (n instanceof Code c) out.add(text(c.getLiteral(), style + " md-code"));
            else if (n instanceof Emphasis) inline(n, out, style + " md-em");
            else if (n instanceof StrongEmphasis) inline(n, out, style + " md-strong");
            else if (n instanceof SoftLineBreak) out.add(text(" ", style));
            else if (n instanceof HardLineBreak) out.add(text("\n", style));
            else if (n instanceof Link l) out.add(link(l));
            else if (n instanceof org.commonmark.node.Image img) out.add(text("[picture: " + plain(img) + "]", style + " md-caption"));
            else if (!(n instanceof HtmlInline)) inline(n, out, style);
        }
    }

    private Text text(String s, String style) {
        Text t = new Text(s);
        t.getStyleClass().add("md-run");
        for (String c : style.trim().split(" +")) if (!c.isEmpty()) t.getStyleClass().add(c);
        return t;
    }

    private Node link(Link l) {
        String label = plain(l), dest = l.getDestination();
        Hyperlink h = new Hyperlink(label.isEmpty() ? dest : label);
        h.getStyleClass().add("md-link");
        String target = dest.startsWith("#") ? null : resolve(dest.replaceAll("#.*", ""));
        String anchor = dest.contains("#") ? dest.substring(dest.indexOf('#') + 1) : null;
        h.setTooltip(new Tooltip(dest));
        if (web(dest)) h.setOnAction(e -> h.setVisited(false)); // no browser is opened from the Help window; the address is in the tooltip
        else h.setOnAction(e -> follow.accept(target, anchor));
        return h;
    }

    /** A node's text without its formatting. */
    static String plain(org.commonmark.node.Node n) {
        StringBuilder b = new StringBuilder();
        for (org.commonmark.node.Node c = n.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof org.commonmark.node.Text t) b.append(t.getLiteral());
            else if (c instanceof Code code) b.append(code.getLiteral());
            else if (c instanceof SoftLineBreak || c instanceof HardLineBreak) b.append(' ');
            else b.append(plain(c));
        }
        return b.toString();
    }
}
