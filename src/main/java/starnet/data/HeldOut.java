package starnet.data;

import starnet.model.Dataset;
import starnet.model.DataSpec;

/** Items the model is not trained on: a sample's test split, or the items past the configured limit. */
public final class HeldOut {
    private HeldOut() {}

    /**
     * Up to {@code count} held-out items for training on the first {@code datapoints} items of {@code d}
     * (loaded per {@code spec}), or null when there are none. A new dataset that shares nothing with {@code d}.
     */
    public static Dataset of(DataSpec spec, Dataset d, int datapoints, int count) {
        if (Samples.isSample(spec.source()) && spec.split().equals(starnet.model.Split.TRAIN)) return Datasets.load(spec.source(), starnet.model.Split.TEST, count);
        if (d.size() <= datapoints) return null;
        int to = Math.min(d.size(), datapoints + count);
        int[] labels = d.labels() == null ? null : java.util.Arrays.copyOfRange(d.labels(), datapoints, to);
        return new Dataset(d.name() + " (held out)", d.source(), d.channels(), d.height(), d.width(), d.rows(datapoints, to), labels, d.classNames());
    }
}
