package starnet.cli;

import starnet.model.LayerPlan;
import starnet.model.StarNetConfig;

import java.util.List;

/** What commands that train share: the architecture's layers for the data at hand. */
final class RunOptions {
    private RunOptions() {}

    /** The data {@code spec} names, refused in one line when its images are not the size {@code model} decodes to. */
    static starnet.model.Dataset dataFor(starnet.io.ModelFile.SavedModel model, starnet.model.DataSpec spec) {
        starnet.model.Dataset d = starnet.data.Datasets.load(spec);
        int[] shape = model.imageShape();
        if (d.pixels() != shape[0] * shape[1] * shape[2]) {
            throw new CliException(d.source() + " has images of " + d.channels() + "x" + d.height() + "x" + d.width()
                    + " but the model outputs " + shape[0] + "x" + shape[1] + "x" + shape[2]);
        }
        return d;
    }

    /** The architecture's layers for this dataset's image shape; sizes that do not fit are a user error. */
    static List<LayerPlan> plan(StarNetConfig c, starnet.model.Dataset ds) {
        try {
            return c.architecture().plan(ds.channels(), ds.height(), ds.width());
        } catch (IllegalArgumentException e) {
            throw new CliException(e.getMessage() + " (images are " + ds.channels() + "×" + ds.height() + "×" + ds.width() + ")");
        }
    }
}
