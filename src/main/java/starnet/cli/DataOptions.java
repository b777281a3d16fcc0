package starnet.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import starnet.model.CsvLayout;
import starnet.model.DataSpec;
import starnet.model.LabelColumn;

import java.util.List;

/** Which data: the source, split and limit, and how a CSV file's columns become images. */
final class DataOptions {
    @Spec(Spec.Target.MIXEE) CommandSpec spec;

    @Option(names = "--data", paramLabel = "SRC", defaultValue = "sample:mnist",
            description = "sample:mnist, sample:fashion-mnist, a file or a folder (IDX, CIFAR, SVHN .mat, CSV, .npy, PNG/JPEG images)")
    String source;

    @Option(names = "--split", paramLabel = "train|test", defaultValue = "train", completionCandidates = Candidates.Splits.class,
            description = "which part of a source that has both")
    String split;

    @Option(names = "--limit", paramLabel = "N|all", defaultValue = "all", converter = Counts.class, description = "use the first N items, or all of them")
    int limit;

    @Option(names = "--csv-label", paramLabel = "auto|first|last|none", defaultValue = "auto", completionCandidates = Candidates.LabelColumns.class,
            description = "CSV: where the class label is (auto: a header named label/class/target/y, else the first column)")
    String csvLabel;

    @Option(names = "--csv-shape", paramLabel = "HxW|CxHxW", defaultValue = "auto",
            description = "CSV: the image shape, e.g. 8x8 or 3x32x32 (auto: square grey, square colour, else a strip)")
    String csvShape;

    @Option(names = "--csv-max", paramLabel = "auto|N", defaultValue = "auto",
            description = "CSV: the value of full intensity; pixels are divided by it (auto: 1 if every value is at most 1, else 255)")
    String csvMax;

    /** A split named on the command line. */
    static starnet.model.Split split(String s) {
        try {
            return starnet.model.Split.parse(s);
        } catch (IllegalArgumentException e) {
            throw new CliException("--split expects train or test, got '" + s + "'");
        }
    }

    /** {@code base} with the options that were typed. */
    DataSpec apply(DataSpec base) {
        String src = Given.given(spec, "--data") ? source : base.source();
        if (src.isBlank()) throw new CliException("--data needs a value, not an empty one, e.g. --data sample:mnist");
        return new DataSpec(src, Given.given(spec, "--split") ? split(split) : base.split(), Given.given(spec, "--limit") ? limit : base.limit(),
                csv(base.csv()));
    }

    private CsvLayout csv(CsvLayout base) {
        LabelColumn label = base.label();
        List<Integer> shape = base.shape();
        double max = base.maxValue();
        try {
            if (Given.given(spec, "--csv-label")) label = LabelColumn.parse(csvLabel);
        } catch (IllegalArgumentException e) {
            throw new CliException("--csv-label: " + e.getMessage());
        }
        try {
            if (Given.given(spec, "--csv-shape")) shape = CsvLayout.parseShape(csvShape);
        } catch (IllegalArgumentException e) {
            throw new CliException("--csv-shape: " + e.getMessage());
        }
        try {
            if (Given.given(spec, "--csv-max")) max = CsvLayout.parseMaxValue(csvMax);
        } catch (IllegalArgumentException e) {
            throw new CliException("--csv-max " + e.getMessage());
        }
        return new CsvLayout(label, shape, max);
    }
}
