package starnet.cli;

import java.util.List;

/** The values the shell completion script offers for options with a fixed set of choices. */
final class Candidates {
    private Candidates() {}

    static final class Splits extends Values { Splits() { super("train", "test"); } }
    static final class LabelColumns extends Values { LabelColumns() { super("auto", "first", "last", "none"); } }
    static final class Presets extends Values { Presets() { super(starnet.model.Presets.names().toArray(String[]::new)); } }
    static final class Kinds extends Values { Kinds() { super("feedforward", "conv"); } }
    static final class Paddings extends Values { Paddings() { super("same", "full"); } }
    static final class Inits extends Values { Inits() { super("gaussian", "orthogonal"); } }
    static final class Solvers extends Values { Solvers() { super("cholesky", "pinv"); } }
    static final class Orders extends Values { Orders() { super("sl-first", "sw-first"); } }
    static final class LatentPaths extends Values { LatentPaths() { super("auto", "dense", "cg"); } }
    static final class Backends extends Values { Backends() { super("auto", "openblas", "ejml"); } }
    static final class Figures extends Values { Figures() { super("fig2", "fig4", "fig6", "grid", "loss"); } }
    static final class Formats extends Values { Formats() { super("png", "svg", "pdf"); } }
    static final class Precisions extends Values { Precisions() { super("f32", "f64"); } }
    static final class Projections extends Values { Projections() { super("pca", "umap"); } }
    static final class Sizes extends Values { Sizes() { super("column", "wide", "slide"); } }
    static final class Engines extends Values { Engines() { super("memory", "store", "spark"); } }
    static final class SwModes extends Values { SwModes() { super("exact", "average"); } }
    static final class ExperimentNames extends Values { ExperimentNames() { super("fig6", "fig7", "fig8", "refine"); } }

    /** A fixed list of words. */
    static class Values implements Iterable<String> {
        private final List<String> words;

        Values(String... words) { this.words = List.of(words); }

        @Override public java.util.Iterator<String> iterator() { return words.iterator(); }
    }
}
